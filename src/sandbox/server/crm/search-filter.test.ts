import { describe, expect, it } from 'vitest';

import {
  compareForSort,
  containsToken,
  matchesFilter,
  matchesFilterGroups,
  type PropertyKinds,
  type RecordValues,
  type SearchFilter,
} from './search-filter.pure.ts';

const record: RecordValues = {
  name: 'Acme Corp',
  email: 'ada@hubspot.com',
  amount: '1500',
  zip: '02134',
  stage: 'closedwon',
  closedate: '2026-03-15T10:00:00.000Z',
  renewal_date: '2026-06-01',
  blank: '',
  'associations.company': ['101', '102'],
};
const kinds: PropertyKinds = { closedate: 'datetime', renewal_date: 'date', zip: 'string', amount: 'number' };
const march15 = String(Date.parse('2026-03-15T10:00:00.000Z'));

const cases: [string, SearchFilter, boolean][] = [
  [
    'EQ matches a string case-insensitively',
    { propertyName: 'name', operator: 'EQ', value: 'acme corp' },
    true,
  ],
  ['EQ does not match another string', { propertyName: 'name', operator: 'EQ', value: 'Acme' }, false],
  ['EQ compares numbers numerically', { propertyName: 'amount', operator: 'EQ', value: '1500.0' }, true],
  [
    'EQ keeps text order for string properties',
    { propertyName: 'zip', operator: 'EQ', value: '2134' },
    false,
  ],
  ['EQ takes a date-time as epoch ms', { propertyName: 'closedate', operator: 'EQ', value: march15 }, true],
  [
    'EQ takes a date-time as ISO',
    { propertyName: 'closedate', operator: 'EQ', value: '2026-03-15T10:00:00Z' },
    true,
  ],
  ['EQ on a missing property is false', { propertyName: 'nothing', operator: 'EQ', value: 'x' }, false],
  [
    'EQ on a multi-valued pseudo property matches any',
    { propertyName: 'associations.company', operator: 'EQ', value: '102' },
    true,
  ],
  ['NEQ matches a different value', { propertyName: 'stage', operator: 'NEQ', value: 'closedlost' }, true],
  [
    'NEQ does not match the same value',
    { propertyName: 'stage', operator: 'NEQ', value: 'CLOSEDWON' },
    false,
  ],
  ['NEQ matches a record with no value', { propertyName: 'blank', operator: 'NEQ', value: 'x' }, true],
  ['LT compares numbers, not text', { propertyName: 'amount', operator: 'LT', value: '20000' }, true],
  ['LT is strict', { propertyName: 'amount', operator: 'LT', value: '1500' }, false],
  ['LTE includes the bound', { propertyName: 'amount', operator: 'LTE', value: '1500' }, true],
  [
    'GT on a date-time with ms',
    { propertyName: 'closedate', operator: 'GT', value: String(Number(march15) - 1) },
    true,
  ],
  ['GT is strict', { propertyName: 'amount', operator: 'GT', value: '1500' }, false],
  ['GTE includes the bound', { propertyName: 'amount', operator: 'GTE', value: '1500' }, true],
  [
    'GTE on a date with midnight ms',
    { propertyName: 'renewal_date', operator: 'GTE', value: String(Date.parse('2026-06-01')) },
    true,
  ],
  ['LT on a missing property is false', { propertyName: 'nothing', operator: 'LT', value: '1' }, false],
  [
    'BETWEEN is inclusive at the low end',
    { propertyName: 'amount', operator: 'BETWEEN', value: '1500', highValue: '2000' },
    true,
  ],
  [
    'BETWEEN is inclusive at the high end',
    { propertyName: 'amount', operator: 'BETWEEN', value: '1000', highValue: '1500' },
    true,
  ],
  [
    'BETWEEN excludes values outside',
    { propertyName: 'amount', operator: 'BETWEEN', value: '1501', highValue: '2000' },
    false,
  ],
  [
    'BETWEEN on dates mixes ISO and ms',
    { propertyName: 'closedate', operator: 'BETWEEN', value: '2026-03-01', highValue: march15 },
    true,
  ],
  [
    'IN matches one of the values',
    { propertyName: 'stage', operator: 'IN', values: ['closedlost', 'closedwon'] },
    true,
  ],
  ['IN misses when none match', { propertyName: 'stage', operator: 'IN', values: ['closedlost'] }, false],
  [
    'NOT_IN matches when none match',
    { propertyName: 'stage', operator: 'NOT_IN', values: ['closedlost'] },
    true,
  ],
  [
    'NOT_IN misses when one matches',
    { propertyName: 'stage', operator: 'NOT_IN', values: ['closedwon'] },
    false,
  ],
  ['HAS_PROPERTY with a value', { propertyName: 'name', operator: 'HAS_PROPERTY' }, true],
  [
    'HAS_PROPERTY treats an empty string as no value',
    { propertyName: 'blank', operator: 'HAS_PROPERTY' },
    false,
  ],
  ['NOT_HAS_PROPERTY without a value', { propertyName: 'nothing', operator: 'NOT_HAS_PROPERTY' }, true],
  ['NOT_HAS_PROPERTY with a value', { propertyName: 'name', operator: 'NOT_HAS_PROPERTY' }, false],
  [
    'CONTAINS_TOKEN matches one word',
    { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'corp' },
    true,
  ],
  [
    'CONTAINS_TOKEN takes a leading wildcard',
    { propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@hubspot.com' },
    true,
  ],
  [
    'CONTAINS_TOKEN does not match part of a word',
    { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'cor' },
    false,
  ],
  [
    'CONTAINS_TOKEN takes a trailing wildcard',
    { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'cor*' },
    true,
  ],
  [
    'NOT_CONTAINS_TOKEN without the token',
    { propertyName: 'name', operator: 'NOT_CONTAINS_TOKEN', value: 'globex' },
    true,
  ],
  [
    'NOT_CONTAINS_TOKEN with the token',
    { propertyName: 'name', operator: 'NOT_CONTAINS_TOKEN', value: 'ACME' },
    false,
  ],
];

describe('search filter', () => {
  it.each(cases)('when %s, then the filter answers as HubSpot does', (_name, filter, expected) => {
    expect(matchesFilter(filter, record, kinds)).toBe(expected);
  });

  it('when filters share a group, then all must match (AND)', () => {
    const group = {
      filters: [
        { propertyName: 'stage', operator: 'EQ', value: 'closedwon' },
        { propertyName: 'amount', operator: 'GT', value: '5000' },
      ] satisfies SearchFilter[],
    };
    expect(matchesFilterGroups([group], record, kinds)).toBe(false);
  });

  it('when groups are given, then any group may match (OR)', () => {
    const miss = {
      filters: [{ propertyName: 'stage', operator: 'EQ', value: 'closedlost' }] satisfies SearchFilter[],
    };
    const hit = {
      filters: [{ propertyName: 'amount', operator: 'GTE', value: '1000' }] satisfies SearchFilter[],
    };
    expect(matchesFilterGroups([miss, hit], record, kinds)).toBe(true);
    expect(matchesFilterGroups([miss], record, kinds)).toBe(false);
  });

  it('when there are no groups, then every record matches', () => {
    expect(matchesFilterGroups([], record, kinds)).toBe(true);
  });

  it('when sorting, then values order by kind and records without one come last in both directions', () => {
    expect(compareForSort('9', '10', 'ASCENDING', 'number')).toBeLessThan(0);
    expect(compareForSort('9', '10', 'DESCENDING', 'number')).toBeGreaterThan(0);
    expect(compareForSort(undefined, '10', 'ASCENDING', 'number')).toBeGreaterThan(0);
    expect(compareForSort(undefined, '10', 'DESCENDING', 'number')).toBeGreaterThan(0);
    expect(compareForSort('', undefined, 'ASCENDING', undefined)).toBe(0);
  });

  it('when a token pattern holds regex characters, then they match literally', () => {
    expect(containsToken('a+b@x.com', 'a+b@x.com')).toBe(true);
    expect(containsToken('aaab@x.com', 'a+b@x.com')).toBe(false);
  });
});
