import { z } from 'zod';

import { automationActionWire, automationTriggers } from './automations.ts';
import { reportPeriods, targetSegmentSchema } from './report-settings.ts';
import { playbookTypes } from './signals.ts';

/**
 * `harbor report strategy --format json` and `GET /api/reports/strategy`: the retention plan a CS lead
 * presents, per segment plus `all` — the automations that are on with the thresholds that fire them, the
 * playbook each starts, the retention targets, and the last complete period's figures against them with
 * their trend over the last four complete periods. How each part is read is in docs/reports.md,
 * "Retention strategy".
 */

const isoDayWire = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');

/** The metrics the plan holds against targets: the retention report's, and NPS from the NPS report. */
export const strategyMetrics = [
  'grr',
  'nrr',
  'logoChurn',
  'grossRevenueChurn',
  'netRevenueChurn',
  'nps',
] as const;
export type StrategyMetric = (typeof strategyMetrics)[number];

/** How many complete periods a trend spans: a year of quarters, and enough points to outvote one odd one. */
export const strategyTrendPeriods = 4;

export const strategyTrends = ['better', 'worse', 'flat'] as const;
export type StrategyTrend = (typeof strategyTrends)[number];

/**
 * `met` / `missed`: the last complete period against the target; `no_target`: none is set for the segment
 * or the whole book; `no_data`: the segment had no customers (or no revenue) at that period's start, or (NPS)
 * no answers in it; `too_few_answers`: NPS had answers, fewer than the settings' minimum.
 */
export const strategyStatuses = ['met', 'missed', 'no_target', 'no_data', 'too_few_answers'] as const;
export type StrategyStatus = (typeof strategyStatuses)[number];

export const strategyMetricWire = z.strictObject({
  metric: z.enum(strategyMetrics),
  higherIsBetter: z.boolean(),
  /** As the report settings hold it: a fraction, NPS on −100…100; null when no target applies. */
  target: z.number().nullable(),
  /** `segment`: the segment's own target (for `all`, the book's); `all`: the book's, for a segment without one. */
  targetFrom: z.enum(['segment', 'all']).nullable(),
  /** The last complete period's figure (a fraction; NPS −100…100); null without a base (see status). */
  now: z.number().nullable(),
  /** NPS only: the answers behind "now"; null for the retention metrics. */
  answers: z.number().int().nonnegative().nullable(),
  status: z.enum(strategyStatuses),
  /** Over the last four complete periods; null with fewer than two figures among them. */
  trend: z.enum(strategyTrends).nullable(),
  /** The figures the trend is read from, oldest first (null where the period had no base). */
  history: z
    .array(z.strictObject({ periodStart: isoDayWire, value: z.number().nullable() }))
    .max(strategyTrendPeriods),
});
export type StrategyMetricWire = z.infer<typeof strategyMetricWire>;

/** The signal rule's thresholds that fire each trigger, for the segment (its overrides on the defaults). */
export const strategyThresholdsWire = z.discriminatedUnion('trigger', [
  z.strictObject({
    trigger: z.literal('low_health'),
    belowScore: z.number(),
    tierDropWithinDays: z.number(),
  }),
  z.strictObject({ trigger: z.literal('renewal_window'), fromDays: z.number(), toDays: z.number() }),
  z.strictObject({ trigger: z.literal('detractor'), maxNps: z.number(), withinDays: z.number() }),
  z.strictObject({
    trigger: z.literal('large_onboarding'),
    withinDays: z.number(),
    minContractValue: z.number(),
    /** Every new customer of this segment counts, whatever its contract value. */
    wholeSegment: z.boolean(),
  }),
  z.strictObject({
    trigger: z.literal('expansion'),
    minSeatUtilisation: z.number(),
    minLoginGrowth: z.number(),
    minPreviousLogins: z.number(),
  }),
  z.strictObject({
    trigger: z.literal('usage_drop'),
    minDropShare: z.number(),
    minPreviousLogins: z.number(),
    minSeatUtilisation: z.number(),
  }),
  z.strictObject({
    trigger: z.literal('critical_ticket'),
    slaMultiple: z.number(),
    escalated: z.boolean(),
    minOpenTickets: z.number(),
  }),
  z.strictObject({
    trigger: z.literal('late_payment'),
    minDaysPastDue: z.number(),
    invoiceStatuses: z.array(z.string()).max(20),
  }),
]);
export type StrategyThresholdsWire = z.infer<typeof strategyThresholdsWire>;

/** The playbook a trigger starts, as a company of the segment would get it. */
export const strategyPlaybookWire = z.strictObject({
  playbook: z.enum(playbookTypes),
  /** Off in the segment: the automation runs but is skipped, and only the signal opens. */
  enabled: z.boolean(),
  /** The step titles in the portal's task language, with the days each task is due after it is created. */
  steps: z.array(z.strictObject({ title: z.string(), dueInDays: z.number().int() })).max(12),
});
export type StrategyPlaybookWire = z.infer<typeof strategyPlaybookWire>;

export const strategyTriggerWire = z.strictObject({
  trigger: z.enum(automationTriggers),
  action: automationActionWire,
  /** Set when the action starts a playbook. */
  playbook: strategyPlaybookWire.nullable(),
  thresholds: strategyThresholdsWire,
});
export type StrategyTriggerWire = z.infer<typeof strategyTriggerWire>;

/**
 * Why a trigger never acts in the segment: its automation is off, its signal rule is off, or (the renewal
 * window) no renewal-date property is set, so the rule has nothing to read.
 */
export const strategyTriggerOffReasons = ['automation_off', 'rule_off', 'no_renewal_date'] as const;

export const strategySegmentWire = z.strictObject({
  segment: targetSegmentSchema,
  /** Customers and recurring revenue at the start of the last complete period (0 without that period). */
  customersStart: z.number().int().nonnegative(),
  startingRevenue: z.number().nonnegative(),
  metrics: z.array(strategyMetricWire).max(strategyMetrics.length),
  triggers: z.array(strategyTriggerWire).max(automationTriggers.length),
  triggersOff: z
    .array(z.strictObject({ trigger: z.enum(automationTriggers), reason: z.enum(strategyTriggerOffReasons) }))
    .max(automationTriggers.length),
});
export type StrategySegmentWire = z.infer<typeof strategySegmentWire>;

export const retentionStrategyWire = z.strictObject({
  portalId: z.number().int(),
  period: z.enum(reportPeriods),
  /** The last complete period, whose figures are "now"; null when the report holds no complete period. */
  lastComplete: z.strictObject({ periodStart: isoDayWire, periodEnd: isoDayWire }).nullable(),
  /** `all` first, then the segments by name. */
  // The model's segments, any older ones scores still carry, and those targets name.
  segments: z.array(strategySegmentWire).max(250),
});
export type RetentionStrategyWire = z.infer<typeof retentionStrategyWire>;
