import { z } from 'zod';

import { healthModelSchema } from './health-model.ts';
import { isoTimeWire } from './health-score.ts';

/** What GET /api/health/model answers: the model and which version it is. */
export const healthModelWire = z.strictObject({
  version: z.number().int(),
  model: healthModelSchema,
  source: z.enum(['default', 'admin', 'calibration']),
  createdBy: z.string(),
  createdAt: isoTimeWire,
});
export type HealthModelWire = z.infer<typeof healthModelWire>;

/** One segment's (or all companies') backtest figures; null where the data cannot tell. */
export const segmentCardWire = z.strictObject({
  segment: z.string(),
  accounts: z.number().int(),
  churned: z.number().int(),
  unscored: z.number().int(),
  auc: z.number().nullable(),
  topDecileLift: z.number().nullable(),
  brier: z.number().nullable(),
  falseGreenRate: z.number().nullable(),
});
export type SegmentCardWire = z.infer<typeof segmentCardWire>;

export const reportCardWire = z.strictObject({
  overall: segmentCardWire,
  segments: z.array(segmentCardWire),
});
export type ReportCardWire = z.infer<typeof reportCardWire>;

/** What POST /api/health/calibrations answers (and what a proposal stores as its report). */
export const calibrationReportWire = z.strictObject({
  proposalId: z.number().int().nullable(),
  baseModelVersion: z.number().int(),
  leadDays: z.number(),
  outcomes: z.number().int(),
  cases: z.number().int(),
  trainCases: z.number().int(),
  heldOutCases: z.number().int(),
  l2: z.number(),
  segments: z.array(
    z.strictObject({
      segment: z.string(),
      rows: z.number().int(),
      churned: z.number().int(),
      pooled: z.boolean(),
    }),
  ),
  current: reportCardWire,
  proposed: reportCardWire,
  weights: z.record(z.string(), z.record(z.string(), z.number())),
  recommendation: z.strictObject({ apply: z.boolean(), reason: z.string() }),
});
export type CalibrationReportWire = z.infer<typeof calibrationReportWire>;

/** What POST /api/health/proposals/:id/:decision answers. */
export const proposalDecisionWire = z.union([
  z.strictObject({
    portalId: z.number(),
    proposalId: z.number(),
    version: z.number().int(),
    rescoring: z.literal(true),
  }),
  z.strictObject({ portalId: z.number(), proposalId: z.number(), status: z.literal('dismissed') }),
]);

/** What PUT /api/health/model answers. */
export const modelSavedWire = z.strictObject({ portalId: z.number(), version: z.number().int() });

/** What POST /api/health/rescore answers. */
export const rescoreStartedWire = z.strictObject({ portalId: z.number(), status: z.literal('started') });
