import type { Kysely } from 'kysely';

import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import {
  deleteHealthOfArchivedCompanies,
  loadHealthStates,
  saveHealthScores,
  toHealthScoreRecord,
} from '../../store/repositories/health-scores-repository.ts';
import {
  loadCompaniesByIds,
  loadCompanyPage,
  type CompanyRow,
} from '../../store/repositories/health-inputs-repository.ts';
import { loadChangedCompanyIds } from '../../store/repositories/rescore-scope-repository.ts';
import {
  loadSnapshotsNear,
  toHealthSnapshot,
  upsertSnapshots,
} from '../../store/repositories/health-snapshots-repository.ts';
import { computeHealth } from '../engine/compute-health.pure.ts';
import { DAY_MS } from '../engine/property-values.pure.ts';
import { loadUsageFacts } from '../../ingest/usage-facts.ts';
import type { CompanyHealthInputs, HealthResult, HealthSnapshotFact } from '../health-types.ts';
import { loadActiveHealthModel } from '../model/active-health-model.ts';
import type { Tier } from '../model/health-model-schema.ts';
import { loadFeedbackFacts, loadTicketFacts } from './health-inputs.ts';
import { decideRescoreScope, type RescoreScope } from './rescore-scope.ts';

/** Receives each page of fresh results to write back to HubSpot; `finish` reports what it did. */
export interface HealthResultSink<Summary> {
  write(results: readonly HealthResult[], modelVersion: number, computedAt: Date): Promise<void>;
  finish(): Promise<Summary>;
}

export interface RescoreDeps<Summary> {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /** Write-back to HubSpot; absent when scoring only (tests, `harbor score --no-write-back`). */
  sink?: HealthResultSink<Summary> | undefined;
  /** Companies per page: each page is read, scored and saved before the next. */
  pageSize?: number;
  onProgress?: (scored: number) => void;
  /** Told each page of companies once their new scores are saved: the features that react (signals). */
  onScored?: ((companyIds: readonly string[]) => Promise<void>) | undefined;
  /**
   * 'full' scores every live company; 'auto' (after a sync) does that once a UTC day and when the model
   * changed, and otherwise only the companies whose data the sync changed since the last scoring.
   */
  scope?: 'full' | 'auto';
  /**
   * Scores only these companies (the live ones among them), whatever `scope` says: those a webhook batch
   * changed, so their signals follow the change without waiting for the next sync.
   */
  companyIds?: readonly string[] | undefined;
}

export interface RescoreSummary<Summary> {
  portalId: number;
  modelVersion: number;
  /** Every live company, or only those whose data changed since the last scoring (and why). */
  scope: 'full' | 'changed';
  scopeReason: string;
  /** Companies scored in this run. */
  companies: number;
  /** Companies with no data at all for any component keep no score. */
  unscored: number;
  /** Tiers of the companies scored in this run. */
  tiers: Record<Tier, number>;
  /** Companies whose tier changed in this run. */
  tierChanges: number;
  /** Scores of companies archived since the last run, removed. */
  removed: number;
  seconds: number;
  writeBack: Summary | undefined;
}

const trendTargets = [7, 30, 90];

/**
 * Scores the live companies of a portal (all, or those whose data changed, see `scope`) with its current
 * model, a page at a time: reads the company, its
 * tickets, survey answers, stored tier and recent snapshots, computes, saves the score and today's snapshot,
 * and hands the page to the write-back. Memory stays flat whatever the portal's size.
 */
export async function rescorePortal<Summary>(
  deps: RescoreDeps<Summary>,
  portalId: number,
): Promise<RescoreSummary<Summary>> {
  const started = performance.now();
  const { db } = deps;
  const now = deps.now();
  const nowMs = now.getTime();
  const { version, model } = await loadActiveHealthModel(db, portalId);
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const trendDays = trendTargets.map((days) => new Date(today - days * DAY_MS));
  const tiers: Record<Tier, number> = { healthy: 0, watch: 0, at_risk: 0 };
  let companies = 0;
  let unscored = 0;
  let tierChanges = 0;
  const pageSize = deps.pageSize ?? 2_000;
  const scope: RescoreScope | { kind: 'listed' } =
    deps.companyIds !== undefined
      ? { kind: 'listed' }
      : deps.scope === 'auto'
        ? await decideRescoreScope(db, portalId, version, now)
        : { kind: 'full', reason: 'asked for' };
  const changed =
    scope.kind === 'listed'
      ? [...new Set(deps.companyIds)].sort()
      : scope.kind === 'changed'
        ? await loadChangedCompanyIds(db, portalId, scope.since)
        : [];
  let after: string | null = null;
  for (let offset = 0; ; offset += pageSize) {
    const page: CompanyRow[] =
      scope.kind === 'full'
        ? await loadCompanyPage(db, portalId, after, pageSize)
        : await loadCompaniesByIds(db, portalId, changed.slice(offset, offset + pageSize));
    if (page.length === 0 && (scope.kind === 'full' || offset >= changed.length)) break;
    const ids = page.map((company) => company.id);
    const [tickets, feedback, states, snapshots, usage] = await Promise.all([
      loadTicketFacts(db, portalId, ids, model.support.escalationProperty),
      loadFeedbackFacts(db, portalId, ids),
      loadHealthStates(db, portalId, ids),
      loadSnapshotsNear(db, portalId, ids, trendDays, 14),
      loadUsageFacts(db, portalId, ids, nowMs),
    ]);
    const results: HealthResult[] = [];
    for (const company of page) {
      const state = states.get(company.id);
      const inputs: CompanyHealthInputs = {
        companyId: company.id,
        properties: company.properties,
        tickets: tickets.get(company.id) ?? [],
        feedback: feedback.get(company.id) ?? [],
        history: (snapshots.get(company.id) ?? []).flatMap((snapshot): HealthSnapshotFact[] =>
          snapshot.score === null
            ? []
            : [{ day: snapshot.day.getTime(), score: snapshot.score, components: snapshot.components }],
        ),
        usage: usage.get(company.id),
      };
      if (state?.tier != null && state.tierSince !== null) {
        inputs.previous = { tier: state.tier, tierSince: state.tierSince.getTime() };
      }
      const result = computeHealth(inputs, model, nowMs);
      results.push(result);
      if (result.tier === null) unscored += 1;
      else tiers[result.tier] += 1;
      if (state?.tier != null && result.tier !== state.tier) tierChanges += 1;
    }
    await db.transaction().execute(async (tx) => {
      await saveHealthScores(
        tx,
        portalId,
        results.map((result) => toHealthScoreRecord(result, version, now)),
      );
      await upsertSnapshots(
        tx,
        portalId,
        now,
        results.filter((result) => result.score !== null).map((result) => toHealthSnapshot(result, version)),
      );
    });
    await deps.sink?.write(results, version, now);
    await deps.onScored?.(ids);
    companies += page.length;
    deps.onProgress?.(companies);
    after = page[page.length - 1]?.id ?? null;
  }
  const removed = await deleteHealthOfArchivedCompanies(db, portalId);
  const writeBack = await deps.sink?.finish();
  const summary: RescoreSummary<Summary> = {
    portalId,
    modelVersion: version,
    scope: scope.kind === 'full' ? 'full' : 'changed',
    scopeReason:
      scope.kind === 'full'
        ? scope.reason
        : scope.kind === 'listed'
          ? 'the companies asked for'
          : `changed since ${scope.since.toISOString()}`,
    companies,
    unscored,
    tiers,
    tierChanges,
    removed,
    seconds: Math.round(performance.now() - started) / 1000,
    writeBack,
  };
  deps.logger.info({ ...summary }, 'portal rescored');
  return summary;
}
