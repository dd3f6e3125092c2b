import { z } from 'zod';

import { reportPeriods, targetSegmentSchema } from './report-settings.ts';

/**
 * `harbor report retention --format json` and `GET /api/reports/retention`: retention of the customers active
 * at each period's start (new logos never enter a period's cohort), per segment plus `all`. Every definition
 * (what a churn is, which deals count, multi-year contracts…) is in docs/reports.md, "Retention: every choice".
 */

/** A UTC calendar day, YYYY-MM-DD. */
const isoDayWire = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');

/** A ratio as a fraction (0.93, not 93); null when its denominator (the starting revenue or logos) is 0. */
const ratioWire = z.number().nullable();

/** Recurring revenue in the portal's currency, per year (ARR), as HubSpot's deal amounts give it. */
const revenueWire = z.number().nonnegative();

export const retentionRowWire = z.strictObject({
  /** `all`, or one segment of the health model (`unsegmented` for companies Harbor has not scored). */
  segment: targetSegmentSchema,
  /** First day of the period. */
  periodStart: isoDayWire,
  /** Last day of the period (inclusive). */
  periodEnd: isoDayWire,
  /** False for the period that contains the report's "today": its figures can still change. */
  complete: z.boolean(),
  /** Customers active on periodStart (recurring revenue above 0 at the start of that day). */
  customersStart: z.number().int().nonnegative(),
  /** Of those, customers whose recurring revenue fell to 0 during the period (and stayed 0 at its end). */
  customersChurned: z.number().int().nonnegative(),
  startingRevenue: revenueWire,
  churnedRevenue: revenueWire,
  contractionRevenue: revenueWire,
  expansionRevenue: revenueWire,
  /** (start − churned − contraction) / start. */
  grr: ratioWire,
  /** (start + expansion − contraction − churned) / start. */
  nrr: ratioWire,
  /** customersChurned / customersStart. */
  logoChurn: ratioWire,
  /** (churned + contraction) / start. */
  grossRevenueChurn: ratioWire,
  /** (churned + contraction − expansion) / start; negative when expansion outgrows the losses. */
  netRevenueChurn: ratioWire,
});

export const retentionReportWire = z.strictObject({
  portalId: z.number().int(),
  period: z.enum(reportPeriods),
  /** First day of the first period shown. */
  from: isoDayWire,
  /** Last day of the last period shown (inclusive). */
  to: isoDayWire,
  /** Oldest period first; within a period, `all` first and then the segments by name. */
  rows: z.array(retentionRowWire).max(20_000),
});

export type RetentionRowWire = z.infer<typeof retentionRowWire>;
export type RetentionReportWire = z.infer<typeof retentionReportWire>;
