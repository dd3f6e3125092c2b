import { describe, expect, it } from 'vitest';

import { cohortLabel, firstLife } from './cohort-survival.pure.ts';

const at = (iso: string): number => Date.parse(iso);

describe('cohorts from revenue timelines', () => {
  it('when a customer left and came back, then its life runs from its first start to its first churn', () => {
    // 60.00 a year from March, 75.00 after an upsell, 0 in September, back at 60.00 in January.
    const steps = [
      { at: at('2025-03-01T10:00:00Z'), arrCents: 6_000 },
      { at: at('2025-05-01T10:00:00Z'), arrCents: 7_500 },
      { at: at('2025-09-01T10:00:00Z'), arrCents: 0 },
      { at: at('2026-01-01T10:00:00Z'), arrCents: 6_000 },
    ];
    expect(firstLife(steps)).toEqual({
      startAt: at('2025-03-01T10:00:00Z'),
      churnedAt: at('2025-09-01T10:00:00Z'),
      startingRevenue: 60,
    });
  });

  it('when a company never had revenue, then it has no life and is in no cohort', () => {
    expect(firstLife([])).toBeNull();
  });

  it('when cohorts are named, then quarters, months and years read as such', () => {
    const start = at('2025-08-01T00:00:00Z');
    expect(cohortLabel('quarter', start)).toBe('2025-Q3');
    expect(cohortLabel('month', start)).toBe('2025-08');
    expect(cohortLabel('year', start)).toBe('2025');
  });
});
