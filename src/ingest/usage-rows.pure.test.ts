import { describe, expect, it } from 'vitest';

import { csvRow, splitCsvLine } from './usage-csv.pure.ts';
import { checkUsageRows, lastValuePerKey } from './usage-rows.pure.ts';
import { usageSeriesOf } from './usage-series.pure.ts';

const now = new Date('2026-11-24T12:00:00.000Z');
const reasons = (rows: unknown[]) => checkUsageRows(rows, now).refused.map((refusal) => refusal.reason);

describe('checking usage rows', () => {
  it('when a row is good, then its metrics and features become values (features as feature:<key>)', () => {
    const { good, refused } = checkUsageRows(
      [
        {
          company: { domain: ' Acme.Example ' },
          date: '2026-11-25',
          metrics: { seats: 5 },
          features: { 'a.b': 2 },
        },
      ],
      now,
    );
    expect(refused).toEqual([]);
    expect(good).toEqual([
      {
        index: 0,
        company: { domain: 'acme.example' },
        date: '2026-11-25',
        values: [
          { metric: 'seats', value: 5 },
          { metric: 'feature:a.b', value: 2 },
        ],
      },
    ]);
  });

  it('when rows are wrong in one way each, then each reason says which field and why', () => {
    expect(
      reasons([
        { company: { id: '1', domain: 'a.example' }, date: '2026-11-01', metrics: { seats: 1 } },
        { company: { id: '1' }, date: '2026-02-30', metrics: { seats: 1 } },
        { company: { id: '1' }, date: '2026-11-01', metrics: { 'bad name': 1 } },
        { company: { id: '1' }, date: '2026-11-01', features: { reports: 1.5 } },
        { company: { id: '1' }, date: '2026-11-26', metrics: { seats: 1 } },
        'not a row',
      ]),
    ).toEqual([
      expect.stringMatching(/^company: must be \{"id"/),
      'date: must be a day, YYYY-MM-DD',
      'metrics.bad name: must be a name like activeUsers',
      expect.stringMatching(/^features\.reports: /),
      'date: 2026-11-26 is in the future',
      expect.any(String),
    ]);
  });

  it('when one batch repeats a key, then the last value is kept', () => {
    const values = [
      { companyId: '1', date: '2026-11-01', metric: 'logins', value: 1 },
      { companyId: '1', date: '2026-11-01', metric: 'seats', value: 9 },
      { companyId: '1', date: '2026-11-01', metric: 'logins', value: 2 },
    ];
    expect(lastValuePerKey(values).map((v) => `${v.metric}=${v.value}`)).toEqual(['logins=2', 'seats=9']);
  });
});

describe('usage CSV lines and the card series', () => {
  it('when a CSV line quotes a comma, then it stays one field; empty cells are not sent', () => {
    expect(splitCsvLine('101,"a, ""b""",3')).toEqual(['101', 'a, "b"', '3']);
    expect(
      csvRow(
        ['domain', 'date', 'logins', 'seats', 'feature:x'],
        ['acme.example', '2026-11-01', '4', '', 'n'],
      ),
    ).toEqual({
      company: { domain: 'acme.example' },
      date: '2026-11-01',
      metrics: { logins: 4 },
      features: { x: 'n' },
    });
  });

  it('when days are ingested, then the series has one point per day and the newest seats', () => {
    expect(
      usageSeriesOf([
        { date: '2026-11-02', metric: 'seats', value: 30 },
        { date: '2026-11-01', metric: 'seats', value: 20 },
        { date: '2026-11-02', metric: 'logins', value: 5 },
        { date: '2026-11-01', metric: 'activeUsers', value: 3 },
        { date: '2026-11-01', metric: 'feature:x', value: 3 },
      ]),
    ).toEqual({
      points: [
        { date: '2026-11-01', activeUsers: 3, logins: null, minutes: null },
        { date: '2026-11-02', activeUsers: null, logins: 5, minutes: null },
      ],
      seats: 30,
    });
    expect(usageSeriesOf([])).toBeNull();
  });
});
