import { describe, expect, it } from 'vitest';

import type { CrmRecord } from '../hubspot/gateway-types.ts';
import {
  deriveFeedbackLinks,
  feedbackContactIds,
  inlineCompanyLinks,
  linksFromAssociations,
  mergedIdsOfPage,
  mergedObjectIds,
  modifiedAtOf,
  objectsWithChangedLinks,
  toStoredRecord,
} from './record-mapping.pure.ts';

function record(
  id: string,
  properties: Record<string, string | null>,
  extra: Partial<CrmRecord> = {},
): CrmRecord {
  return {
    id,
    properties,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    updatedAt: new Date('2025-02-01T00:00:00Z'),
    archived: false,
    ...extra,
  };
}

describe('record mapping', () => {
  it.each([
    [
      'an ISO last-modified date',
      'companies',
      { hs_lastmodifieddate: '2025-03-04T05:06:07.089Z' },
      '2025-03-04T05:06:07.089Z',
    ],
    ['epoch milliseconds', 'deals', { hs_lastmodifieddate: '1741064767089' }, '2025-03-04T05:06:07.089Z'],
    [
      "a contact's own property name",
      'contacts',
      { lastmodifieddate: '2025-03-04T00:00:00Z' },
      '2025-03-04T00:00:00.000Z',
    ],
    ['no last-modified value', 'tickets', {}, '2025-02-01T00:00:00.000Z'],
    ['an unreadable value', 'tickets', { hs_lastmodifieddate: 'soon' }, '2025-02-01T00:00:00.000Z'],
  ] as const)(
    'when a record has %s, then its modification time is %s',
    (_case, type, properties, expected) => {
      expect(modifiedAtOf(type, record('1', properties)).toISOString()).toBe(expected);
    },
  );

  it('when a record is stored, then HubSpot values stay as sent and the modification time orders versions', () => {
    const stored = toStoredRecord(
      'companies',
      record('7', { name: 'Acme', hs_lastmodifieddate: '2025-03-04T00:00:00Z' }),
    );

    expect(stored).toEqual({
      id: '7',
      properties: { name: 'Acme', hs_lastmodifieddate: '2025-03-04T00:00:00Z' },
      archived: false,
      modifiedAt: new Date('2025-03-04T00:00:00Z'),
    });
  });

  it.each([
    [null, []],
    ['', []],
    ['11', ['11']],
    ['11;12;11', ['11', '12']],
    ['11; 12 ,13', ['11', '12', '13']],
    ['7;abc;12', ['12']],
  ])('when hs_merged_object_ids is %j, then the merged-away ids are %j', (value, expected) => {
    expect(mergedObjectIds(record('7', { hs_merged_object_ids: value }))).toEqual(expected);
  });

  it('when a page names merged ids on several records, then each id comes once', () => {
    const page = [record('1', { hs_merged_object_ids: '5;6' }), record('2', { hs_merged_object_ids: '6' })];

    expect(mergedIdsOfPage(page)).toEqual(['5', '6']);
  });

  it('when links come inline or from a v4 read, then each object-company pair comes once', () => {
    const inline = [record('1', {}, { associations: { companies: ['10', '11'] } }), record('2', {})];
    const v4 = new Map([
      ['1', [{ toObjectId: '10' }, { toObjectId: '10' }]],
      ['2', []],
    ]);

    expect(inlineCompanyLinks(inline)).toEqual([
      { objectId: '1', companyId: '10' },
      { objectId: '1', companyId: '11' },
    ]);
    expect(linksFromAssociations(v4)).toEqual([{ objectId: '1', companyId: '10' }]);
  });

  it.each([
    ['associated contacts win', ['5', '5', '6'], '9', ['5', '6']],
    ['hs_contact_id when nothing is associated', [], '9', ['9']],
    ['nothing without either', [], null, []],
    ['nothing for a blank hs_contact_id', [], ' ', []],
  ] as const)('when attributing feedback, then %s', (_case, associated, hsContactId, expected) => {
    expect(feedbackContactIds(associated, hsContactId)).toEqual(expected);
  });

  it('when feedback is attributed, then it belongs to every company of its contacts and to none without one', () => {
    const contactLinks = [
      { objectId: 'c1', companyId: 'A' },
      { objectId: 'c1', companyId: 'B' },
      { objectId: 'c2', companyId: 'B' },
    ];

    expect(
      deriveFeedbackLinks(
        [
          { id: 'f1', contactIds: ['c1', 'c2'] },
          { id: 'f2', contactIds: ['c3'] },
          { id: 'f3', contactIds: [] },
        ],
        contactLinks,
      ),
    ).toEqual([
      { objectId: 'f1', companyId: 'A' },
      { objectId: 'f1', companyId: 'B' },
    ]);
  });

  it('when links are re-read, then only objects whose set of companies changed are reported', () => {
    const before = [
      { objectId: 'same', companyId: 'A' },
      { objectId: 'moved', companyId: 'A' },
      { objectId: 'dropped', companyId: 'A' },
      { objectId: 'grew', companyId: 'A' },
    ];
    const after = [
      { objectId: 'same', companyId: 'A' },
      { objectId: 'moved', companyId: 'B' },
      { objectId: 'grew', companyId: 'A' },
      { objectId: 'grew', companyId: 'C' },
      { objectId: 'new', companyId: 'A' },
    ];

    expect(
      objectsWithChangedLinks(['same', 'moved', 'dropped', 'grew', 'new', 'none'], before, after),
    ).toEqual(['moved', 'dropped', 'grew', 'new']);
  });
});
