import { describe, expect, it } from 'vitest';

import {
  capMappedProperties,
  fitCompanyProperties,
  modelChanges,
  toSettingsProposal,
  userIdOfActor,
  type CompanyPropertyDefinition,
} from './settings-view.pure.ts';

const property = (index: number, options = 0): CompanyPropertyDefinition => ({
  name: `prop_${String(index).padStart(4, '0')}`,
  label: `Property ${String(index).padStart(4, '0')}`,
  type: options > 0 ? 'enumeration' : 'string',
  hidden: false,
  options: Array.from({ length: options }, (_unused, option) => ({
    label: `Option ${option}`,
    value: `option_${option}`,
    hidden: false,
  })),
});

describe('what a model version changed', () => {
  it('when a weight and a curve change and an indicator is added, then each is one change with before and after', () => {
    const { changes, moreChanges } = modelChanges(
      {
        segments: { SMB: { weights: { nps: 10 } } },
        curves: {
          nps: [
            [0, 0],
            [10, 100],
          ],
        },
      },
      {
        segments: { SMB: { weights: { nps: 12, csat: 5 } } },
        curves: {
          nps: [
            [0, 0],
            [9, 100],
          ],
        },
      },
    );
    expect(changes).toEqual([
      { path: 'curves.nps', before: '[[0,0],[10,100]]', after: '[[0,0],[9,100]]' },
      { path: 'segments.SMB.weights.csat', before: null, after: '5' },
      { path: 'segments.SMB.weights.nps', before: '10', after: '12' },
    ]);
    expect(moreChanges).toBe(0);
  });

  it('when many things change, then the first few are listed and the rest counted', () => {
    const before = Object.fromEntries(Array.from({ length: 12 }, (_unused, index) => [`k${index}`, index]));
    const after = Object.fromEntries(
      Array.from({ length: 12 }, (_unused, index) => [`k${index}`, index + 1]),
    );
    const result = modelChanges(before, after, 8);
    expect(result.changes).toHaveLength(8);
    expect(result.moreChanges).toBe(4);
  });

  it('when a value is very long, then it is shortened for the history list', () => {
    const { changes } = modelChanges({ label: 'a' }, { label: 'b'.repeat(500) });
    expect(changes[0]?.after).toHaveLength(80);
    expect(changes[0]?.after?.endsWith('…')).toBe(true);
  });
});

describe('the company properties offered', () => {
  it('when some properties or options are hidden, then only visible ones are offered, by label', () => {
    const { properties, truncated } = fitCompanyProperties([
      { ...property(2), hidden: true },
      {
        ...property(1, 2),
        options: [
          { label: 'Yes', value: 'yes', hidden: false },
          { label: 'Gone', value: 'gone', hidden: true },
        ],
      },
      property(0),
    ]);
    expect(properties.map((entry) => entry.name)).toEqual(['prop_0000', 'prop_0001']);
    expect(properties[1]?.options).toEqual([{ label: 'Yes', value: 'yes' }]);
    expect(truncated).toBe(false);
  });

  it('when a portal has very many properties with many options, then the list stops at the byte budget and says so', () => {
    const many = Array.from({ length: 2000 }, (_unused, index) => property(index, 150));
    const { properties, truncated } = fitCompanyProperties(many, 120_000);
    expect(truncated).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(properties))).toBeLessThanOrEqual(120_000 + properties.length);
    expect(properties[0]?.options).toHaveLength(100);
  });
});

describe('a proposal as the settings page lists it', () => {
  it('when its report is of an older shape, then it is listed without a report card', () => {
    const proposal = toSettingsProposal(
      {
        id: 3,
        createdAt: new Date('2026-11-20T10:00:00Z'),
        createdBy: 'hubspot-user:7001',
        baseModelVersion: 1,
        status: 'proposed',
        decidedBy: null,
        decidedAt: null,
        report: { recommendation: 'keep' },
      },
      new Map([['7001', 'Ana Souza']]),
    );
    expect(proposal).toMatchObject({ id: 3, createdByName: 'Ana Souza', report: null });
  });
});

describe('actors and mapped properties', () => {
  it('when an actor is a HubSpot user, then its user id is read; otherwise there is none', () => {
    expect(userIdOfActor('hubspot-user:7001')).toBe('7001');
    expect(userIdOfActor('harbor')).toBeUndefined();
    expect(userIdOfActor('hubspot-user:unknown')).toBeUndefined();
  });

  it('when settings list a property twice or very many, then each type lists each name once, at most 100', () => {
    const mapped = capMappedProperties({
      companies: ['b', 'a', 'b'],
      tickets: Array.from({ length: 150 }, (_unused, index) => `t${index}`),
      deals: undefined,
    });
    expect(mapped.companies).toEqual(['a', 'b']);
    expect(mapped.tickets).toHaveLength(100);
    expect('deals' in mapped).toBe(false);
  });
});
