import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { computeHealth } from '../engine/compute-health.pure.ts';
import { DAY_MS, readTime } from '../engine/property-values.pure.ts';
import { readIndicators } from '../engine/read-indicators.pure.ts';
import type { CompanyHealthInputs, HealthResult } from '../health-types.ts';
import { builtInIndicatorIds, type HealthModel } from '../model/health-model-schema.ts';
import { historyProperties } from '../model/model-properties.pure.ts';
import { customIndicatorId } from '../engine/custom-indicators.pure.ts';
import { loadCompanyPage } from '../../store/repositories/health-inputs-repository.ts';
import { loadFeedbackFacts, loadTicketFacts } from '../scoring/health-inputs.ts';
import { inputsAsOf } from './as-of.pure.ts';
import { companyPropertyHistory, type HistoryDeps } from './fetch-property-history.ts';
import { findOutcomes, type CompanyOutcome } from './outcomes.pure.ts';
import { loadRenewalDeals } from './renewal-deals.ts';

/** A company with a known outcome, its inputs as they stood `leadDays` before it. */
export interface BacktestCase {
  outcome: CompanyOutcome;
  /** When the company is scored: the outcome minus the model's lead days. */
  asOf: number;
  inputs: CompanyHealthInputs;
}

export interface BacktestData {
  portalId: number;
  cases: BacktestCase[];
  /** Outcomes found, before companies that were not yet customers at the scoring date were left out. */
  outcomes: number;
  notYetCustomers: number;
  history: { fetched: number; calls: number; missing: number };
}

export interface BacktestDeps extends HistoryDeps {
  db: Kysely<Database>;
}

const pageSize = 5_000;
const caseChunk = 1_000;

/**
 * Finds every company with a known outcome and rebuilds its inputs as of `leadDays` before the outcome:
 * properties from HubSpot's property history (fetched once, then kept), tickets and survey answers by their
 * own dates (the engine ignores what came later).
 */
export async function loadBacktestData(
  deps: BacktestDeps,
  portalId: number,
  model: HealthModel,
): Promise<BacktestData> {
  const nowMs = deps.now().getTime();
  const renewals = await loadRenewalDeals(deps.db, portalId, model.outcomes.renewalPipelineLabel);
  const found: { outcome: CompanyOutcome; properties: Record<string, string | null> }[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await loadCompanyPage(deps.db, portalId, after, pageSize);
    if (page.length === 0) break;
    const byId = new Map(page.map((company) => [company.id, company.properties]));
    for (const outcome of findOutcomes(page, renewals, model, nowMs)) {
      found.push({ outcome, properties: byId.get(outcome.companyId) ?? {} });
    }
    after = page[page.length - 1]?.id ?? null;
  }

  const leadMs = model.outcomes.leadDays * DAY_MS;
  const eligible = found.filter(({ outcome, properties }) => {
    const created = readTime(properties.createdate);
    return created === null || created <= outcome.at - leadMs;
  });
  const properties = historyProperties(model);
  const { lastActivity, lastCsmTouch, lastMeeting, lastReply } = model.properties;
  const dateProperties = [lastActivity, lastCsmTouch, lastMeeting, lastReply].filter(
    (name): name is string => name !== null,
  );
  const cases: BacktestCase[] = [];
  const history = { fetched: 0, calls: 0, missing: 0 };
  for (let start = 0; start < eligible.length; start += caseChunk) {
    const part = eligible.slice(start, start + caseChunk);
    const ids = part.map(({ outcome }) => outcome.companyId);
    const [tickets, feedback, histories] = await Promise.all([
      loadTicketFacts(deps.db, portalId, ids, model.support.escalationProperty),
      loadFeedbackFacts(deps.db, portalId, ids),
      companyPropertyHistory(deps, portalId, ids, properties),
    ]);
    history.fetched += histories.fetched;
    history.calls += histories.calls;
    for (const { outcome, properties: current } of part) {
      const asOf = outcome.at - leadMs;
      const companyHistory = histories.histories.get(outcome.companyId);
      if (companyHistory === undefined) history.missing += 1;
      const today: CompanyHealthInputs = {
        companyId: outcome.companyId,
        properties: current,
        tickets: tickets.get(outcome.companyId) ?? [],
        feedback: feedback.get(outcome.companyId) ?? [],
      };
      cases.push({ outcome, asOf, inputs: inputsAsOf(today, companyHistory ?? {}, asOf, dateProperties) });
    }
  }
  return {
    portalId,
    cases,
    outcomes: found.length,
    notYetCustomers: found.length - eligible.length,
    history,
  };
}

/** The indicator ids a model can use, built-in then custom: the calibration's feature columns. */
export function featureIds(model: HealthModel): string[] {
  return [
    ...builtInIndicatorIds,
    ...model.customIndicators.map((indicator) => customIndicatorId(indicator.id)),
  ];
}

/** Each case's indicator points in `features` order (NaN where missing), row-major. */
export function indicatorMatrix(
  cases: readonly BacktestCase[],
  model: HealthModel,
  features: readonly string[],
): Float64Array {
  const column = new Map(features.map((id, index) => [id, index]));
  const matrix = new Float64Array(cases.length * features.length).fill(Number.NaN);
  cases.forEach((backtestCase, row) => {
    const readings = readIndicators({ inputs: backtestCase.inputs, model, now: backtestCase.asOf });
    for (const reading of readings) {
      const index = column.get(reading.id);
      if (index !== undefined && reading.points !== null)
        matrix[row * features.length + index] = reading.points;
    }
  });
  return matrix;
}

/** Every case scored by `model` as of its date. */
export function scoreCases(cases: readonly BacktestCase[], model: HealthModel): HealthResult[] {
  return cases.map((backtestCase) => computeHealth(backtestCase.inputs, model, backtestCase.asOf));
}
