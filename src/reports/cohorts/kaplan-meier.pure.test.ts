import { describe, expect, it } from 'vitest';

import { addUtcMonths, ageInQuarters, survivalTable, type CustomerLife } from './kaplan-meier.pure.ts';

const at = (iso: string): number => Date.parse(`${iso}T00:00:00.000Z`);
const NOW = at('2026-07-01');

/**
 * Six customers, observed up to 2026-07-01 (ARR in thousands):
 *   A 2025-01-01 → churned 2025-05-01:  4 months = 1.333 quarters, churn,    10
 *   B 2025-01-01 → churned 2026-01-01: 12 months = 4.000 quarters, churn,    20
 *   C 2025-02-01 → active:             17 months = 5.667 quarters, censored, 30
 *   D 2025-03-01 → churned 2025-10-01:  7 months = 2.333 quarters, churn,     5
 *   E 2025-01-01 → active:             18 months = 6.000 quarters, censored, 15
 *   F 2025-03-01 → active:             16 months = 5.333 quarters, censored, 20
 * Logos, S(t) = ∏ (1 − d/n):
 *   age 1: nothing yet                       S = 1
 *   age 2: A at 1.33, n = 6                   S = 5/6        = 0.833333
 *   age 3: D at 2.33, n = 5                   S = 5/6 · 4/5  = 0.666667
 *   age 4: B at 4.00 (≤ 4: counts by age 4), n = 4   S = 4/6 · 3/4 = 0.5 → median lifetime 4 quarters
 *   age 5: none; age 6: F, C, E censored      S = 0.5
 * Revenue (weights = starting ARR): at risk 100 → A loses 10: 0.9; at risk 90 → D loses 5: 0.9 · 85/90 = 0.85;
 * at risk 85 → B loses 20: 0.85 · 65/85 = 0.65; never ≤ 0.5 → revenue median not reached.
 */
const lives: CustomerLife[] = [
  { startAt: at('2025-01-01'), churnedAt: at('2025-05-01'), startingRevenue: 10_000 },
  { startAt: at('2025-01-01'), churnedAt: at('2026-01-01'), startingRevenue: 20_000 },
  { startAt: at('2025-02-01'), churnedAt: null, startingRevenue: 30_000 },
  { startAt: at('2025-03-01'), churnedAt: at('2025-10-01'), startingRevenue: 5_000 },
  { startAt: at('2025-01-01'), churnedAt: null, startingRevenue: 15_000 },
  { startAt: at('2025-03-01'), churnedAt: null, startingRevenue: 20_000 },
];

describe('survivalTable', () => {
  it('when customers churn and others are still active, then S(t) is the Kaplan–Meier product with the active ones censored', () => {
    const table = survivalTable(lives, NOW);

    expect(table.ages.map((row) => [row.age, row.atRisk, row.events, row.censored])).toEqual([
      [0, 6, 0, 0],
      [1, 6, 0, 0],
      [2, 6, 1, 0],
      [3, 5, 1, 0],
      [4, 4, 1, 0],
      [5, 3, 0, 0],
      [6, 3, 0, 3],
    ]);
    expect(table.ages.map((row) => round(row.logoSurvival))).toEqual([
      1, 1, 0.833333, 0.666667, 0.5, 0.5, 0.5,
    ]);
    expect(table.ages.map((row) => round(row.revenueSurvival))).toEqual([1, 1, 0.9, 0.85, 0.65, 0.65, 0.65]);
    expect(table.ages.map((row) => [row.revenueAtRisk, row.revenueLost])).toEqual([
      [100_000, 0],
      [100_000, 0],
      [100_000, 10_000],
      [90_000, 5_000],
      [85_000, 20_000],
      [65_000, 0],
      [65_000, 0],
    ]);
    expect(table).toMatchObject({
      customers: 6,
      active: 3,
      startingRevenue: 100_000,
      medianLifetimeQuarters: 4,
      revenueMedianLifetimeQuarters: null,
    });
  });

  it('when a young customer joins the cohort, then it is at risk only up to its age today and leaves later survival alone', () => {
    // Started 2026-04-01: exactly 1 quarter old on 2026-07-01, so censored by age 1. Counting it as "not
    // retained" at ages 2–6 (the naive share still active: 3/7 = 0.43 at age 6) would invent a churn.
    const young: CustomerLife = { startAt: at('2026-04-01'), churnedAt: null, startingRevenue: 1_000 };
    const table = survivalTable([...lives, young], NOW);
    expect(table.ages.map((row) => row.atRisk)).toEqual([7, 7, 6, 5, 4, 3, 3]);
    // age 2: A churns with n = 6 (the young one left after age 1): S = 5/6, exactly as without it.
    expect(table.ages.map((row) => round(row.logoSurvival))).toEqual([
      1, 1, 0.833333, 0.666667, 0.5, 0.5, 0.5,
    ]);
    expect(table.ages[1]?.censored).toBe(1);
  });

  it('when a churn and a censoring fall on the same instant, then the churn is counted first, with both at risk', () => {
    // Both started 2025-01-01; one churns on 2026-01-01, the other is still active with now = 2026-01-01.
    const table = survivalTable(
      [
        { startAt: at('2025-01-01'), churnedAt: null, startingRevenue: 1 },
        { startAt: at('2025-01-01'), churnedAt: at('2026-01-01'), startingRevenue: 3 },
      ],
      at('2026-01-01'),
    );
    // n = 2, d = 1 → S(4) = 1/2; revenue 1 − 3/4 = 0.25. Both end at age 4.
    expect(table.ages.at(-1)).toEqual({
      age: 4,
      atRisk: 2,
      events: 1,
      censored: 1,
      logoSurvival: 0.5,
      revenueAtRisk: 4,
      revenueLost: 3,
      revenueSurvival: 0.25,
    });
    expect(table.medianLifetimeQuarters).toBe(4);
    expect(table.revenueMedianLifetimeQuarters).toBe(4);
  });

  it('when a churn date is after the report’s today, then that customer is still active there', () => {
    const table = survivalTable(
      [{ startAt: at('2025-01-01'), churnedAt: at('2026-09-01'), startingRevenue: 5 }],
      NOW,
    );
    expect(table.active).toBe(1);
    expect(table.ages.every((row) => row.events === 0 && row.logoSurvival === 1)).toBe(true);
  });

  it('when there are no customers, then the table holds age 0 only and no median', () => {
    expect(survivalTable([], NOW)).toEqual({
      customers: 0,
      active: 0,
      startingRevenue: 0,
      ages: [
        {
          age: 0,
          atRisk: 0,
          events: 0,
          censored: 0,
          logoSurvival: 1,
          revenueAtRisk: 0,
          revenueLost: 0,
          revenueSurvival: 1,
        },
      ],
      medianLifetimeQuarters: null,
      revenueMedianLifetimeQuarters: null,
    });
  });
});

describe('ages on the customer’s own calendar', () => {
  it('when a customer started on the 31st, then a month later is the last day of the next month', () => {
    expect(new Date(addUtcMonths(at('2025-01-31'), 1)).toISOString().slice(0, 10)).toBe('2025-02-28');
    expect(new Date(addUtcMonths(at('2024-01-31'), 1)).toISOString().slice(0, 10)).toBe('2024-02-29');
    // 2025-01-31 → 2025-02-28 is one whole month: 1/3 quarter.
    expect(ageInQuarters(at('2025-01-31'), at('2025-02-28'))).toBeCloseTo(1 / 3, 12);
    // → 2025-03-15: one month (to 02-28) plus 15 of the 31 days to 03-31: (1 + 15/31) / 3 = 0.494624.
    expect(round(ageInQuarters(at('2025-01-31'), at('2025-03-15')))).toBe(0.494624);
  });

  it('when a renewal is lost a few days after the anniversary, then it falls just after age 4', () => {
    // 2025-03-10 09:00 → 2026-03-13 09:00: 12 months + 3 of the 31 days to 2026-04-10 → (12 + 3/31) / 3 = 4 + 1/31.
    const start = Date.parse('2025-03-10T09:00:00Z');
    expect(round(ageInQuarters(start, Date.parse('2026-03-13T09:00:00Z')))).toBe(round(4 + 1 / 31));
  });
});

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
