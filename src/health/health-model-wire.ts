import { calibrationReportWire, healthModelWire, reportCardWire } from '@harbor/wire';
import { z } from 'zod';

import type { CalibrationProposal } from '../store/repositories/health-calibration-repository.ts';
import type { ActiveHealthModel } from './model/active-health-model.ts';
import { healthModelSchema } from './model/health-model-schema.ts';

// The shapes the settings page parses too live in the wire contract.
export { calibrationReportWire, healthModelWire };

/** The wire shapes of the model, backtest and calibration answers (settings page), times as ISO strings. */

const isoTime = z.iso.datetime();

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
