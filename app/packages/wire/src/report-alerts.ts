import { z } from 'zod';

import { isoTimeWire } from './health-score.ts';
import { reportPeriods, retentionMetrics } from './report-settings.ts';

/**
 * Portfolio alerts: the trend alerts Harbor raises from the retention and NPS figures (docs/reports.md,
 * "Targets, alerts and defaults"). One alert per breach of a segment's metric, open until the metric
 * recovers; shown on the portfolio page (`portfolioAlerts` of `GET /api/views/home`).
 */

/** What a rule watches: the retention metrics with targets, and the detractor share of the NPS rule. */
export const alertMetrics = [...retentionMetrics, 'detractorShare'] as const;
export type AlertMetric = (typeof alertMetrics)[number];

/**
 * - below_target: the last complete period is on the wrong side of the segment's target;
 * - worsening: the metric got worse two complete periods in a row;
 * - nps_below: NPS under the survey settings' alert threshold;
 * - detractor_rise: the detractor share rose by at least the settings' percentage points.
 */
export const alertKinds = ['below_target', 'worsening', 'nps_below', 'detractor_rise'] as const;
export type AlertKind = (typeof alertKinds)[number];

/** Where the CS lead's task stands: made, waiting for HubSpot, or not made and why. */
export const alertTaskStates = ['created', 'waiting', 'not_routed', 'no_company'] as const;
export type AlertTaskState = (typeof alertTaskStates)[number];

const isoDayWire = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');

export const portfolioAlertWire = z.strictObject({
  id: z.number().int(),
  /** `all` (the whole book) or a segment of the health model. */
  segment: z.string(),
  metric: z.enum(alertMetrics),
  kind: z.enum(alertKinds),
  period: z.enum(reportPeriods),
  /** First day of the period the breach began in. */
  periodStart: isoDayWire,
  /** First day of the latest period still in breach. */
  lastPeriodStart: isoDayWire,
  /** The metric in that latest period: a fraction for ratios and shares, points for NPS. */
  value: z.number(),
  /** What it was held against: the target, the previous period's value, or the alert threshold. */
  reference: z.number(),
  raisedAt: isoTimeWire,
  /** Null while open; the time Harbor saw the metric recover (or its target removed). */
  closedAt: isoTimeWire.nullable(),
  task: z.enum(alertTaskStates),
});

export const portfolioAlertsWire = z.strictObject({
  /** Open alerts, newest first. */
  open: z.array(portfolioAlertWire).max(50),
  openTotal: z.number().int(),
  /** Alerts cleared in the last 30 days, most recent first. */
  cleared: z.array(portfolioAlertWire).max(20),
});

export type PortfolioAlertWire = z.infer<typeof portfolioAlertWire>;
export type PortfolioAlertsWire = z.infer<typeof portfolioAlertsWire>;
