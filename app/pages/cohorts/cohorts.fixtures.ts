import type { CohortAgeWire, CohortReportWire, CohortWire } from '@harbor/wire';

const age = (
  value: number,
  atRisk: number,
  events: number,
  censored: number,
  logoSurvival: number,
  revenueAtRisk: number,
  revenueLost: number,
  revenueSurvival: number,
): CohortAgeWire => ({
  age: value,
  atRisk,
  events,
  censored,
  logoSurvival,
  revenueAtRisk,
  revenueLost,
  revenueSurvival,
});

/** Six customers who started in 2025-Q1 (the hand-worked example of kaplan-meier.pure.test.ts). */
export const q1Cohort: CohortWire = {
  cohort: '2025-Q1',
  startsFrom: '2025-01-01',
  startsTo: '2025-03-31',
  customers: 6,
  active: 3,
  startingRevenue: 100_000,
  medianLifetimeQuarters: 4,
  revenueMedianLifetimeQuarters: null,
  ages: [
    age(0, 6, 0, 0, 1, 100_000, 0, 1),
    age(1, 6, 0, 0, 1, 100_000, 0, 1),
    age(2, 6, 1, 0, 0.833333, 100_000, 10_000, 0.9),
    age(3, 5, 1, 0, 0.666667, 90_000, 5_000, 0.85),
    age(4, 4, 1, 0, 0.5, 85_000, 20_000, 0.65),
    age(5, 3, 0, 0, 0.5, 65_000, 0, 0.65),
    age(6, 3, 0, 3, 0.5, 65_000, 0, 0.65),
  ],
};

/** Two customers of 2025-Q2, one still active. */
export const q2Cohort: CohortWire = {
  cohort: '2025-Q2',
  startsFrom: '2025-04-01',
  startsTo: '2025-06-30',
  customers: 2,
  active: 1,
  startingRevenue: 8_000,
  medianLifetimeQuarters: 2,
  revenueMedianLifetimeQuarters: 2,
  ages: [
    age(0, 2, 0, 0, 1, 8_000, 0, 1),
    age(1, 2, 0, 0, 1, 8_000, 0, 1),
    age(2, 2, 1, 0, 0.5, 8_000, 6_000, 0.25),
  ],
};

export function cohortReport(overrides: Partial<CohortReportWire> = {}): CohortReportWire {
  return {
    portalId: 4242,
    period: 'quarter',
    segment: 'all',
    from: '2023-10-01',
    to: '2026-09-30',
    asOf: '2026-07-01',
    ageUnit: 'quarter',
    cohorts: [
      q1Cohort,
      q2Cohort,
      {
        ...q1Cohort,
        cohort: 'all',
        startsFrom: '2023-10-01',
        startsTo: '2026-09-30',
        customers: 8,
        active: 4,
        startingRevenue: 108_000,
        medianLifetimeQuarters: 4,
        revenueMedianLifetimeQuarters: null,
      },
    ],
    ...overrides,
  };
}
