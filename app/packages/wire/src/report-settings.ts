import { z } from 'zod';

import { boundedNumber } from './health-model-limits.ts';
import { segmentNameSchema } from './segmentation.ts';

/**
 * Settings of the reports part of Harbor: retention targets per metric and segment, the survey cadence and
 * the NPS alert, who receives each hand-off, and the product-feedback digest. Stored as the `reports` part of
 * a portal's settings version; every default and the reasoning behind it is in docs/reports.md.
 */

const digits = (what: string) => z.string().regex(/^\d{1,20}$/, `a HubSpot ${what} id (digits)`);

/** Metrics a target can be set for; `higherIsBetter` says which side of the target is a breach. */
export const retentionMetrics = [
  'grr',
  'nrr',
  'logoChurn',
  'grossRevenueChurn',
  'netRevenueChurn',
  'nps',
] as const;
export type RetentionMetric = (typeof retentionMetrics)[number];
export const higherIsBetter: Readonly<Record<RetentionMetric, boolean>> = {
  grr: true,
  nrr: true,
  logoChurn: false,
  grossRevenueChurn: false,
  netRevenueChurn: false,
  nps: true,
};

export const reportPeriods = ['month', 'quarter', 'year'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** `all` is the whole book; any other value is one of the health model's segments. */
export const targetSegmentSchema = z.union([z.literal('all'), segmentNameSchema]);

export const retentionTargetSchema = z.strictObject({
  segment: targetSegmentSchema,
  metric: z.enum(retentionMetrics),
  /** Ratios as fractions (0.9 = 90 %); NPS on its own scale, -100 to 100. */
  target: boundedNumber(-100, 100, 'target'),
});
export type RetentionTarget = z.infer<typeof retentionTargetSchema>;

/**
 * Where a hand-off goes: a HubSpot owner; a team (the task goes to the team member with the fewest open
 * Harbor tasks that day); or a task queue (the task is put in the queue, for whoever takes it). `null`: this
 * destination is not set up, so the hand-off is logged as "not routed" and nothing is created.
 */
export const handoffDestinationSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('owner'), ownerId: digits('owner') }),
    z.strictObject({ kind: z.literal('team'), teamId: digits('team') }),
    z.strictObject({ kind: z.literal('queue'), queueId: digits('task queue') }),
  ])
  .nullable();
export type HandoffDestination = z.infer<typeof handoffDestinationSchema>;

export const handoffDestinations = ['support', 'finance', 'marketing', 'automation', 'product'] as const;
export type HandoffDestinationName = (typeof handoffDestinations)[number];

export const reportSettingsSchema = z.strictObject({
  targets: z
    .array(retentionTargetSchema)
    .max(200)
    .superRefine((targets, context) => {
      // Two targets for one segment's metric would judge it twice, with one of them silently winning.
      const seen = new Set<string>();
      targets.forEach((target, index) => {
        // NPS lives on -100…100; every other metric is a ratio, so a target of 90 meant 90 % and is refused.
        if (target.metric !== 'nps' && (target.target < -1 || target.target > 2))
          context.addIssue({
            code: 'custom',
            path: [index, 'target'],
            message: 'a ratio target as a fraction, from -1 (-100 %) to 2 (200 %)',
            params: { rule: 'ratio-target' },
          });
        const key = `${target.segment}\u0000${target.metric}`;
        if (seen.has(key))
          context.addIssue({
            code: 'custom',
            path: [index, 'metric'],
            message: 'this segment already has a target for this metric',
            params: { rule: 'duplicate-target' },
          });
        seen.add(key);
      });
    }),
  /** The period the trend alerts watch. */
  alertPeriod: z.enum(reportPeriods),
  survey: z.strictObject({
    cadence: z.enum(['quarterly', 'half-yearly']),
    /** Below this many answers a score is hidden: too few to mean anything. */
    minimumResponses: boundedNumber(1, 1000, 'minimum answers').int('whole answers'),
    /** NPS below this (on -100…100) raises an alert. */
    npsAlertBelow: boundedNumber(-100, 100, 'NPS alert'),
    /** A detractor share up by at least this many percentage points against the period before raises one. */
    detractorRiseAlertPp: boundedNumber(1, 100, 'detractor rise'),
  }),
  routing: z.strictObject({
    support: handoffDestinationSchema,
    finance: handoffDestinationSchema,
    marketing: handoffDestinationSchema,
    automation: handoffDestinationSchema,
    product: handoffDestinationSchema,
  }),
  digest: z.strictObject({
    /** Values of the ticket category property that mean "feature request". */
    featureRequestCategories: z.array(z.string().min(1).max(100)).max(20),
    /** How the digest reaches the product owner in HubSpot. */
    deliverAs: z.enum(['task', 'note']),
  }),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** Defaults; the reasoning for each is in docs/reports.md ("Defaults and why"). */
export const defaultReportSettings: ReportSettings = {
  targets: [
    { segment: 'all', metric: 'grr', target: 0.9 },
    { segment: 'all', metric: 'nrr', target: 1.0 },
    { segment: 'all', metric: 'logoChurn', target: 0.03 },
    { segment: 'all', metric: 'nps', target: 30 },
  ],
  alertPeriod: 'quarter',
  survey: { cadence: 'quarterly', minimumResponses: 10, npsAlertBelow: 0, detractorRiseAlertPp: 10 },
  routing: { support: null, finance: null, marketing: null, automation: null, product: null },
  digest: { featureRequestCategories: ['FEATURE_REQUEST'], deliverAs: 'task' },
};

/** `GET /api/settings/reports`: the reports part in force, its settings version, and the model's segments. */
export const reportSettingsViewWire = z.strictObject({
  /** The settings version in force; null until anything was saved (the defaults apply). */
  version: z.number().int().nullable(),
  settings: reportSettingsSchema,
  /** The health model's segments, for the targets' segment picker (`all` is always offered too). */
  segments: z.array(segmentNameSchema).max(100),
});
export type ReportSettingsViewWire = z.infer<typeof reportSettingsViewWire>;

/** `PUT /api/settings/reports` takes the whole part, named as it is stored in the settings version. */
export const reportSettingsEditWire = z.strictObject({ reports: reportSettingsSchema });
export type ReportSettingsEditWire = z.infer<typeof reportSettingsEditWire>;

/** `PUT /api/settings/reports` answers with the new settings version. */
export const reportSettingsSavedWire = z.strictObject({
  portalId: z.number().int(),
  version: z.number().int(),
});
