import { describe, expect, it } from 'vitest';

import { periodContaining, reportPeriodsBetween } from './report-periods.pure.ts';

const now = Date.parse('2026-12-04T20:00:00Z');

describe('report periods', () => {
  it('when no window is given, then a year of quarters ends with the current one', () => {
    expect(reportPeriodsBetween('quarter', now).map((period) => period.label)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });

  it('when --from and --to are given, then the periods containing them and those between are shown', () => {
    const periods = reportPeriodsBetween('month', now, '2026-01-15', '2026-03-01');
    expect(periods.map((period) => period.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(new Date(periods[2]?.end ?? 0).toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('when the period is a year, then it runs 1 January to 1 January (UTC)', () => {
    const year = periodContaining('year', now);
    expect([new Date(year.start).toISOString(), new Date(year.end).toISOString(), year.label]).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      '2026',
    ]);
  });
});
