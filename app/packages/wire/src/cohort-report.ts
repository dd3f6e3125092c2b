import { z } from 'zod';

import { reportPeriods, targetSegmentSchema } from './report-settings.ts';

/**
 * `harbor report cohorts --format json`, `GET /api/reports/cohorts` and the home page "Cohorts": Kaplan–Meier
 * survival of customers grouped by when they started (month, quarter or year: the report's period), by age in
 * whole quarters since each customer's start, censored at the report's today; logos and revenue (the share of
 * the cohort's starting recurring revenue whose customers are still customers). Every definition is in
 * docs/reports.md, "Cohorts".
 */

const isoDayWire = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');
/** A survival as a fraction, 1 at age 0. */
const survivalWire = z.number().min(0).max(1);

/** One age of a cohort's table: what happened between the previous age and this one. */
export const cohortAgeWire = z.strictObject({
  /** Whole quarters since the customers' starts (3 calendar months each); 0 is the start. */
  age: z.number().int().nonnegative(),
  /** Customers still observed just after the previous age: neither churned nor censored before it. */
  atRisk: z.number().int().nonnegative(),
  /** Customers who churned after the previous age and by this one. */
  events: z.number().int().nonnegative(),
  /** Customers still active whose observation ends (at today) after the previous age and by this one. */
  censored: z.number().int().nonnegative(),
  /** Kaplan–Meier S(age) = ∏ (1 − dᵢ/nᵢ) over every churn up to this age. */
  logoSurvival: survivalWire,
  /** Starting recurring revenue of the customers at risk. */
  revenueAtRisk: z.number().nonnegative(),
  /** Starting recurring revenue of the customers who churned in this interval. */
  revenueLost: z.number().nonnegative(),
  /** ∏ (1 − lost revenue/revenue at risk) at each churn: the Kaplan–Meier estimate weighted by starting revenue. */
  revenueSurvival: survivalWire,
});

export const cohortWire = z.strictObject({
  /** `2025-Q3`, `2025-07` or `2025`; `all` pools every cohort of the report. */
  cohort: z.string().min(1).max(20),
  /** First and last day of the start period (inclusive); for `all`, the report's window. */
  startsFrom: isoDayWire,
  startsTo: isoDayWire,
  /** Customers who started in it (n). */
  customers: z.number().int().nonnegative(),
  /** Of those, still customers today. */
  active: z.number().int().nonnegative(),
  /** Their recurring revenue at their starts. */
  startingRevenue: z.number().nonnegative(),
  /** The first age at which logo survival is at or below 0.5; null when not reached. */
  medianLifetimeQuarters: z.number().int().nonnegative().nullable(),
  /** The same on revenue survival. */
  revenueMedianLifetimeQuarters: z.number().int().nonnegative().nullable(),
  /** Age 0, then every age up to the oldest one someone in the cohort reached. */
  ages: z.array(cohortAgeWire).max(400),
});

export const cohortReportWire = z.strictObject({
  portalId: z.number().int(),
  /** How cohorts are grouped: the start month, quarter or year. */
  period: z.enum(reportPeriods),
  /** `all`, or the one segment of the health model the report was asked for. */
  segment: targetSegmentSchema,
  /** First and last day of the start periods shown. */
  from: isoDayWire,
  to: isoDayWire,
  /** Censoring date: customers still active are observed up to this day. */
  asOf: isoDayWire,
  ageUnit: z.literal('quarter'),
  /** Oldest cohort first, then `all` (present when at least one cohort is). */
  cohorts: z.array(cohortWire).max(500),
});

export type CohortAgeWire = z.infer<typeof cohortAgeWire>;
export type CohortWire = z.infer<typeof cohortWire>;
export type CohortReportWire = z.infer<typeof cohortReportWire>;
