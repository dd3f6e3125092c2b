import type { CohortReportWire, CohortWire, ReportPeriod } from '@harbor/wire';

import { periodStartOf, type CalendarPeriod } from '../retention/report-periods.pure.ts';
import type { RevenueStep } from '../retention/revenue-timeline.pure.ts';
import { survivalTable, type CustomerLife, type SurvivalTable } from './kaplan-meier.pure.ts';

/** A company's revenue timeline (retention's revenue-timeline.pure.ts) with what the report filters on. */
export interface CohortCompany {
  segment: string;
  steps: readonly RevenueStep[];
}

export const allCohorts = 'all';

/**
 * A company's first life as a customer: from the first instant its recurring revenue is above 0 to the first
 * instant after that it is 0 again (its churn), in whole currency units. A company that later comes back is
 * still counted once, in the cohort of its first start, as churned at its first churn: the report measures how
 * long customers stay, not how often they return. Null for a company that never had revenue.
 */
export function firstLife(steps: readonly RevenueStep[]): CustomerLife | null {
  const startIndex = steps.findIndex((step) => step.arrCents > 0);
  const start = steps[startIndex];
  if (start === undefined) return null;
  const churn = steps.slice(startIndex + 1).find((step) => step.arrCents === 0);
  return { startAt: start.at, churnedAt: churn?.at ?? null, startingRevenue: start.arrCents / 100 };
}

/** `2025-Q3`, `2025-07` or `2025`: the start period a cohort is named after. */
export function cohortLabel(period: ReportPeriod, start: number): string {
  const date = new Date(start);
  const year = date.getUTCFullYear();
  if (period === 'year') return String(year);
  if (period === 'quarter') return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function toCohortWire(
  cohort: string,
  startsFrom: string,
  startsTo: string,
  table: SurvivalTable,
): CohortWire {
  return {
    cohort,
    startsFrom,
    startsTo,
    customers: table.customers,
    active: table.active,
    startingRevenue: Math.round(table.startingRevenue * 100) / 100,
    medianLifetimeQuarters: table.medianLifetimeQuarters,
    revenueMedianLifetimeQuarters: table.revenueMedianLifetimeQuarters,
    ages: table.ages.map((row) => ({
      ...row,
      logoSurvival: round6(row.logoSurvival),
      revenueSurvival: round6(row.revenueSurvival),
      revenueAtRisk: Math.round(row.revenueAtRisk * 100) / 100,
      revenueLost: Math.round(row.revenueLost * 100) / 100,
    })),
  };
}

export interface CohortOptions {
  portalId: number;
  period: ReportPeriod;
  /** `all`, or the segment the companies were already filtered to. */
  segment: string;
  /** The start periods shown, oldest first (report-periods.pure.ts). */
  periods: readonly CalendarPeriod[];
  now: number;
}

/**
 * Kaplan–Meier survival per start period (docs/reports.md, "Cohorts"), each censored at `now`, then `all`: every
 * customer who started in the window, pooled by age. A start period nobody started in is left out.
 */
export function cohortReport(companies: readonly CohortCompany[], options: CohortOptions): CohortReportWire {
  const { periods, now, period } = options;
  const first = periods[0];
  const last = periods.at(-1);
  const today = new Date(now).toISOString().slice(0, 10);
  const byStart = new Map<number, CustomerLife[]>();
  if (first !== undefined && last !== undefined) {
    for (const company of companies) {
      const life = firstLife(company.steps);
      if (life === null || life.startAt < first.start || life.startAt >= last.next || life.startAt > now)
        continue;
      const key = periodStartOf(period, life.startAt);
      const lives = byStart.get(key);
      if (lives === undefined) byStart.set(key, [life]);
      else lives.push(life);
    }
  }
  const cohorts: CohortWire[] = [];
  const pooled: CustomerLife[] = [];
  for (const calendar of periods) {
    const lives = byStart.get(calendar.start);
    if (lives === undefined) continue;
    pooled.push(...lives);
    cohorts.push(
      toCohortWire(
        cohortLabel(period, calendar.start),
        calendar.startDay,
        calendar.endDay,
        survivalTable(lives, now),
      ),
    );
  }
  if (first !== undefined && last !== undefined && pooled.length > 0) {
    cohorts.push(toCohortWire(allCohorts, first.startDay, last.endDay, survivalTable(pooled, now)));
  }
  return {
    portalId: options.portalId,
    period,
    segment: options.segment,
    from: first?.startDay ?? today,
    to: last?.endDay ?? today,
    asOf: today,
    ageUnit: 'quarter',
    cohorts,
  };
}
