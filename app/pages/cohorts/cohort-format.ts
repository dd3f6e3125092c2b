import type { MessageKey } from '@harbor/i18n';
import { formatDate, formatNumber, formatPercent } from '@harbor/i18n';
import type { CohortWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';

/** A cohort's name as a reader sees it: `all` is every cohort of the window together. */
export function cohortName(cohort: CohortWire, { t }: Speech): string {
  return cohort.cohort === 'all' ? t('cohorts.all') : cohort.cohort;
}

/** A report day (a UTC calendar day, YYYY-MM-DD) as that same day: not a moment to shift into the portal's zone. */
export function dayText(day: string, { format }: Speech): string {
  return formatDate(`${day}T00:00:00.000Z`, { ...format, timeZone: 'UTC' });
}

export function lifetimeText(quarters: number | null, { t }: Speech): string {
  return quarters === null ? t('cohorts.notReached') : t('cohorts.quarters', { count: quarters });
}

export function survivalText(share: number, { format }: Speech): string {
  return formatPercent(share, format, 1);
}

export function countText(value: number, { format }: Speech): string {
  return formatNumber(value, format);
}

/**
 * One chart point per cohort and age, survival in percent (one decimal) so the axis reads as the label says.
 * Lines follow the report's order: oldest cohort first, then all cohorts together.
 */
export function survivalPoints(
  cohorts: readonly CohortWire[],
  field: 'logoSurvival' | 'revenueSurvival',
  speech: Speech,
): { age: number; survival: number; cohort: string }[] {
  return cohorts.flatMap((cohort) =>
    cohort.ages.map((row) => ({
      age: row.age,
      survival: Math.round(row[field] * 1000) / 10,
      cohort: cohortName(cohort, speech),
    })),
  );
}

export const detailColumns: readonly MessageKey[] = [
  'cohorts.column.age',
  'cohorts.column.atRisk',
  'cohorts.column.events',
  'cohorts.column.censored',
  'cohorts.column.logoSurvival',
  'cohorts.column.revenueSurvival',
];
