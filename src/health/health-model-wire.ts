import { z } from 'zod';

import type { CalibrationProposal } from '../store/repositories/health-calibration-repository.ts';
import type { ActiveHealthModel } from './model/active-health-model.ts';
import { healthModelSchema } from './model/health-model-schema.ts';

/** The wire shapes of the model, backtest and calibration answers (settings page), times as ISO strings. */

const isoTime = z.iso.datetime();

export const healthModelWire = z.strictObject({
  version: z.number().int(),
  model: healthModelSchema,
  source: z.enum(['default', 'admin', 'calibration']),
  createdBy: z.string(),
  createdAt: isoTime,
});

const segmentCardWire = z.strictObject({
  segment: z.string(),
  accounts: z.number().int(),
  churned: z.number().int(),
  unscored: z.number().int(),
  auc: z.number().nullable(),
  topDecileLift: z.number().nullable(),
  brier: z.number().nullable(),
  falseGreenRate: z.number().nullable(),
});

const reportCardWire = z.strictObject({ overall: segmentCardWire, segments: z.array(segmentCardWire) });

export const backtestReportWire = z.strictObject({
  portalId: z.number(),
  modelVersion: z.number().int(),
  leadDays: z.number(),
  outcomes: z.number().int(),
  cases: z.number().int(),
  withoutHistory: z.number().int(),
  historyCalls: z.number().int(),
  card: reportCardWire,
});

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

const proposalSummaryWire = z.strictObject({
  id: z.number().int(),
  createdAt: isoTime,
  createdBy: z.string(),
  baseModelVersion: z.number().int(),
  status: z.enum(['proposed', 'applied', 'dismissed']),
  decidedBy: z.string().nullable(),
  decidedAt: isoTime.nullable(),
});

/** One proposal with its model and report: a whole model is large, so only one comes at a time. */
export const proposalWire = proposalSummaryWire.extend({
  /** Null when the stored model no longer parses (an older schema); the admin can only dismiss it then. */
  model: healthModelSchema.nullable(),
  report: z.record(z.string(), z.unknown()),
});

export const proposalPageWire = z.strictObject({
  proposals: z.array(proposalSummaryWire),
  /** Pass as `before` for the next (older) page; null on the last page. */
  before: z.string().nullable(),
});

export function toModelWire(active: ActiveHealthModel): z.infer<typeof healthModelWire> {
  return { ...active, createdAt: active.createdAt.toISOString() };
}

export function toProposalSummaryWire(proposal: CalibrationProposal): z.infer<typeof proposalSummaryWire> {
  return {
    id: proposal.id,
    createdAt: proposal.createdAt.toISOString(),
    createdBy: proposal.createdBy,
    baseModelVersion: proposal.baseModelVersion,
    status: proposal.status,
    decidedBy: proposal.decidedBy,
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
  };
}

export function toProposalWire(proposal: CalibrationProposal): z.infer<typeof proposalWire> {
  const model = healthModelSchema.safeParse(proposal.model);
  const report = proposal.report;
  return {
    ...toProposalSummaryWire(proposal),
    model: model.success ? model.data : null,
    report: typeof report === 'object' && report !== null ? (report as Record<string, unknown>) : {},
  };
}
