import { describe, expect, it } from 'vitest';

import { stageOutcome, toPipelineStageRecords } from './pipeline-stages.pure.ts';
import {
  baseProperties,
  lastModifiedProperty,
  parseMappedProperties,
  propertiesFor,
  propertiesKey,
} from './sync-catalog.pure.ts';
import { syncedObjectTypes } from './sync-types.ts';

describe('mapped properties from settings', () => {
  it.each([
    ['no settings', undefined, {}],
    ['settings without a mapping', { weights: { usage: 1 } }, {}],
    [
      'a company mapping',
      { mappedProperties: { companies: ['usage_score'] } },
      { companies: ['usage_score'] },
    ],
    [
      'names HubSpot cannot have, dropped one by one',
      { mappedProperties: { companies: ['ok_one', 'Bad Name', 42, '', '9lives'], deals: ['arr'] } },
      { companies: ['ok_one'], deals: ['arr'] },
    ],
    ['a mapping that is not a list', { mappedProperties: { companies: 'usage_score' } }, {}],
    ['a mapping that is not an object', { mappedProperties: ['usage_score'] }, {}],
    ['settings that are not an object', 'nonsense', {}],
  ])('when the settings hold %s, then the mapping is %j', (_case, settings, expected) => {
    expect(parseMappedProperties(settings)).toEqual(expected);
  });
});

describe('property catalog', () => {
  it('when a type is read, then its last-modified property, and only what Harbor needs, is asked for', () => {
    for (const type of syncedObjectTypes) {
      expect(baseProperties[type]).toContain(lastModifiedProperty[type]);
      expect(new Set(baseProperties[type]).size).toBe(baseProperties[type].length);
    }
    expect(lastModifiedProperty.contacts).toBe('lastmodifieddate');
    expect(baseProperties.companies).toEqual(
      expect.arrayContaining(['hs_merged_object_ids', 'renewal_date']),
    );
    expect(baseProperties.feedback_submissions).toEqual(
      expect.arrayContaining(['hs_value', 'hs_contact_id']),
    );
  });

  it('when an admin maps properties, then they are added once, sorted, and the fingerprint changes', () => {
    const plain = propertiesFor('companies', {});
    const mapped = propertiesFor('companies', { companies: ['usage_score', 'name'] });

    expect(mapped).toEqual([...plain, 'usage_score'].sort());
    expect(propertiesFor('deals', { companies: ['usage_score'] })).toEqual([...baseProperties.deals].sort());
    expect(propertiesKey(mapped)).not.toBe(propertiesKey(plain));
    expect(propertiesKey([...plain])).toBe(propertiesKey(plain));
  });
});

const pipelineStageCases = [
  { objectType: 'deals', metadata: { isClosed: 'true', probability: '1.0' }, isClosed: true, isWon: true },
  { objectType: 'deals', metadata: { isClosed: 'true', probability: '0.0' }, isClosed: true, isWon: false },
  { objectType: 'deals', metadata: { isClosed: 'false', probability: '0.6' }, isClosed: false, isWon: false },
  { objectType: 'deals', metadata: { isClosed: 'true' }, isClosed: true, isWon: false },
  { objectType: 'deals', metadata: { probability: '1' }, isClosed: true, isWon: true },
  { objectType: 'deals', metadata: { probability: 'n/a' }, isClosed: false, isWon: false },
  { objectType: 'tickets', metadata: { ticketState: 'CLOSED' }, isClosed: true, isWon: false },
  { objectType: 'tickets', metadata: { ticketState: 'OPEN' }, isClosed: false, isWon: false },
  { objectType: 'tickets', metadata: {}, isClosed: false, isWon: false },
] as const;

describe('pipeline stages', () => {
  it.each(pipelineStageCases)(
    'when a $objectType stage has $metadata, then closed is $isClosed and won is $isWon',
    ({ objectType, metadata, isClosed, isWon }) => {
      expect(stageOutcome(objectType, metadata)).toEqual({ isClosed, isWon });
    },
  );

  it('when pipelines are read, then every stage, archived ones too, becomes a stage record', () => {
    const records = toPipelineStageRecords('deals', [
      {
        id: 'default',
        label: 'Sales',
        displayOrder: 0,
        archived: false,
        stages: [
          {
            id: 'won',
            label: 'Won',
            displayOrder: 1,
            archived: false,
            metadata: { isClosed: 'true', probability: '1.0' },
          },
          {
            id: 'old',
            label: 'Old',
            displayOrder: 2,
            archived: true,
            metadata: { isClosed: 'false', probability: '0.3' },
          },
        ],
      },
    ]);

    expect(records).toEqual([
      expect.objectContaining({ pipelineId: 'default', stageId: 'won', isClosed: true, isWon: true }),
      expect.objectContaining({ stageId: 'old', isClosed: false, isWon: false, displayOrder: 2 }),
    ]);
  });
});
