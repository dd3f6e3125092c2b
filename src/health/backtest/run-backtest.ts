import { AppError } from '../../shared/errors/app-error.ts';
import {
  applyProposal,
  createCalibrationProposal,
  findCalibrationProposal,
} from '../../store/repositories/health-calibration-repository.ts';
import { lockHealthModels } from '../../store/repositories/health-models-repository.ts';
import type { HealthResult } from '../health-types.ts';
import { loadActiveHealthModel } from '../model/active-health-model.ts';
import type { HealthModel } from '../model/health-model-schema.ts';
import {
  featureIds,
  indicatorMatrix,
  loadBacktestData,
  scoreCases,
  type BacktestData,
  type BacktestDeps,
} from './backtest-data.ts';
import { calibrateModel } from './calibrate-model.pure.ts';
import { reportCard, type ReportCard, type ScoredOutcome } from './report-card.pure.ts';

export interface BacktestReport {
  portalId: number;
  modelVersion: number;
  leadDays: number;
  /** Companies with a known outcome, and those scored (customers at the scoring date). */
  outcomes: number;
  cases: number;
  /** Scored on today's property values because HubSpot's history could not be read. */
  withoutHistory: number;
  historyCalls: number;
  card: ReportCard;
}

/** The report card of the portal's current model on its past outcomes, each scored `leadDays` before. */
export async function runBacktest(deps: BacktestDeps, portalId: number): Promise<BacktestReport> {
  const { version, model } = await loadActiveHealthModel(deps.db, portalId);
  const data = await loadBacktestData(deps, portalId, model);
  const results = scoreCases(data.cases, model);
  return {
    ...describe(data, version, model),
    card: reportCard(scoredOutcomes(data, results)),
  };
}

export interface CalibrationProposalReport {
  proposalId: number | null;
  baseModelVersion: number;
  leadDays: number;
  outcomes: number;
  cases: number;
  trainCases: number;
  heldOutCases: number;
  l2: number;
  segments: { segment: string; rows: number; churned: number; pooled: boolean }[];
  /** Both models on the same held-out cases, so the numbers compare. */
  current: ReportCard;
  proposed: ReportCard;
  weights: Record<string, Record<string, number>>;
  /** Whether applying looks worth it on the held-out companies, in words an admin can act on. */
  recommendation: { apply: boolean; reason: string };
}

const minimumCases = 40;
const minimumChurned = 8;

/**
 * Fits a proposal from the portal's past outcomes and saves it for an admin to apply (nothing changes until
 * then). The report compares the current and the proposed model on the held-out quarter of the cases.
 */
export async function proposeCalibration(
  deps: BacktestDeps,
  portalId: number,
  options: { actor: string; save: boolean },
): Promise<CalibrationProposalReport> {
  const { version, model } = await loadActiveHealthModel(deps.db, portalId);
  const data = await loadBacktestData(deps, portalId, model);
  const churned = Uint8Array.from(data.cases, (c) => (c.outcome.churned ? 1 : 0));
  const churners = churned.reduce((sum, value) => sum + value, 0);
  if (data.cases.length < minimumCases || churners < minimumChurned || churners === data.cases.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `calibration needs at least ${minimumCases} past outcomes with ${minimumChurned} churned and some renewed; ` +
        `portal ${portalId} has ${data.cases.length} with ${churners} churned`,
    );
  }
  const currentResults = scoreCases(data.cases, model);
  const features = featureIds(model);
  const fit = calibrateModel(
    {
      features,
      points: indicatorMatrix(data.cases, model, features),
      churned,
      segments: currentResults.map((result) => result.segment),
      companyIds: data.cases.map((c) => c.outcome.companyId),
    },
    model,
  );
  const proposedResults = scoreCases(data.cases, fit.model);
  const heldOut = (results: readonly HealthResult[]): ReportCard =>
    reportCard(Array.from(fit.test, (row) => scoredOutcome(data, results, row)));
  const current = heldOut(currentResults);
  const proposed = heldOut(proposedResults);
  const report: CalibrationProposalReport = {
    proposalId: null,
    baseModelVersion: version,
    leadDays: model.outcomes.leadDays,
    outcomes: data.outcomes,
    cases: data.cases.length,
    trainCases: fit.train.length,
    heldOutCases: fit.test.length,
    l2: fit.l2,
    segments: fit.segments,
    current,
    proposed,
    weights: Object.fromEntries(
      Object.entries(fit.model.segments).map(([name, segment]) => [name, segment.weights]),
    ),
    recommendation: recommend(current, proposed, churners),
  };
  if (!options.save) return report;
  const proposal = await createCalibrationProposal(deps.db, portalId, {
    baseModelVersion: version,
    model: fit.model,
    report: { ...report },
    actor: options.actor,
  });
  return { ...report, proposalId: proposal.id };
}

/**
 * Applies a proposal as the portal's next model version, audited. Refused when the model changed since the
 * proposal was made: it was fitted against a model that is no longer the one in use.
 */
export async function applyCalibrationProposal(
  deps: Pick<BacktestDeps, 'db'>,
  portalId: number,
  proposalId: number,
  actor: string,
): Promise<{ version: number }> {
  // The check and the save in one transaction under the model lock: two proposals fitted on the same version,
  // applied at once, must not both pass the check.
  return deps.db.transaction().execute(async (tx) => {
    await lockHealthModels(tx, portalId);
    const proposal = await findCalibrationProposal(tx, portalId, proposalId);
    if (proposal === undefined)
      throw new AppError('NOT_FOUND', `no calibration proposal ${proposalId} for portal ${portalId}`);
    const current = await loadActiveHealthModel(tx, portalId);
    if (current.version !== proposal.baseModelVersion) {
      throw new AppError(
        'CONFLICT',
        `proposal ${proposalId} was fitted on model v${proposal.baseModelVersion}, but v${current.version} is now in use; calibrate again`,
      );
    }
    const { version } = await applyProposal(tx, portalId, proposalId, actor);
    return { version };
  });
}

/** Fewer churned companies than this and held-out AUCs move by several points from chance alone. */
const confidentChurned = 100;

function recommend(
  current: ReportCard,
  proposed: ReportCard,
  churned: number,
): CalibrationProposalReport['recommendation'] {
  const before = current.overall.auc;
  const after = proposed.overall.auc;
  const few =
    churned < confidentChurned ? ` Only ${churned} churned companies: treat the figures as rough.` : '';
  if (before === null || after === null) {
    return { apply: false, reason: `The held-out companies include no churn to judge by.${few}` };
  }
  if (after >= before + 0.01) {
    return {
      apply: true,
      reason: `The proposal ranks churners better on companies it never saw (AUC ${after.toFixed(3)} vs ${before.toFixed(3)}).${few}`,
    };
  }
  return {
    apply: false,
    reason: `The proposal does not beat the current model on companies it never saw (AUC ${after.toFixed(3)} vs ${before.toFixed(3)}); keep the current one.${few}`,
  };
}

function describe(data: BacktestData, version: number, model: HealthModel): Omit<BacktestReport, 'card'> {
  return {
    portalId: data.portalId,
    modelVersion: version,
    leadDays: model.outcomes.leadDays,
    outcomes: data.outcomes,
    cases: data.cases.length,
    withoutHistory: data.history.missing,
    historyCalls: data.history.calls,
  };
}

function scoredOutcomes(data: BacktestData, results: readonly HealthResult[]): ScoredOutcome[] {
  return data.cases.map((_, row) => scoredOutcome(data, results, row));
}

function scoredOutcome(data: BacktestData, results: readonly HealthResult[], row: number): ScoredOutcome {
  const result = results[row];
  const backtestCase = data.cases[row];
  return {
    segment: result?.segment ?? 'unknown',
    churned: backtestCase?.outcome.churned ?? false,
    score: result?.score ?? null,
    tier: result?.tier ?? null,
    churnProbability: result?.churnProbability ?? null,
  };
}
