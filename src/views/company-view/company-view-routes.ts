import { companyViewWire, signalTypes } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { loadCompanyHandoffs } from '../../handoffs/load-company-handoffs.ts';
import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import { healthModelSchema, type HealthModel } from '../../health/model/health-model-schema.ts';
import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { crmObjectId, noBody, noQuery } from '../../http/route-table/wire-schemas.ts';
import { loadRecentUsage } from '../../ingest/usage-facts.ts';
import { usageSeriesOf } from '../../ingest/usage-series.pure.ts';
import { toPlaybookRunWire } from '../../playbooks/playbook-wire.ts';
import { planKindOf } from '../../review/action-plans.pure.ts';
import { npsHistoryOf } from '../../reports/nps/company-answers.pure.ts';
import { loadCompanyPlanSummary } from '../../review/load-action-plans.ts';
import { listCompanyRuns, tasksOfRuns } from '../../store/repositories/playbook-runs-repository.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { loadCompanyViewData } from '../../store/repositories/company-view-repository.ts';
import { listSignals } from '../../store/repositories/signals-repository.ts';
import { toSignalWire } from '../../signals/signal-wire.ts';
import {
  findCurrentHealthModel,
  findHealthModelVersion,
} from '../../store/repositories/health-models-repository.ts';
import { assembleCompanyView, historyWindow } from './company-view.pure.ts';
import { createModelVersionCache, type ModelVersionCache } from './model-version-cache.ts';

export interface CompanyViewRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
}

const companyParams = z.strictObject({ companyId: crmObjectId });
// Survey answers behind one company's summary; beyond this the newest ones speak for the account.
const feedbackLimit = 5_000;
/** Ended playbooks stay on the card this long, below the running ones. */
const recentRunDays = 30;
const maxViewRuns = 10;
const DAY_MS = 86_400_000;

/**
 * The model that explains the score: the version that computed it, else the portal's current one, else the
 * default (which a portal's first scoring saves as version 1). Read only: this route never saves a model.
 * The version that scored a company is usually cached already, so a card costs no model read or parse.
 */
async function explainingModel(
  db: Kysely<Database>,
  cache: ModelVersionCache,
  portalId: number,
  scoredWith: number | undefined,
): Promise<{ version: number; model: HealthModel }> {
  const cached = scoredWith === undefined ? undefined : cache.get(portalId, scoredWith);
  if (scoredWith !== undefined && cached !== undefined) return { version: scoredWith, model: cached };
  const candidates = await Promise.all([
    scoredWith === undefined ? undefined : findHealthModelVersion(db, portalId, scoredWith),
    findCurrentHealthModel(db, portalId),
  ]);
  for (const stored of candidates) {
    const parsed = stored === undefined ? undefined : healthModelSchema.safeParse(stored.model);
    if (stored !== undefined && parsed?.success === true) {
      cache.set(portalId, stored.version, parsed.data);
      return { version: stored.version, model: parsed.data };
    }
  }
  return { version: 1, model: defaultHealthModel };
}

/** The company record cards' one view: score, history, surveys and model explanation in one answer. */
export function companyViewRoutes(deps: CompanyViewRouteDeps): RouteSpec[] {
  const models = createModelVersionCache();
  return [
    defineRoute({
      method: 'GET',
      path: '/api/views/company/:companyId',
      summary: "the company record's health view: score, 90-day history, surveys, model, last sync",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: companyParams,
      query: noQuery,
      body: noBody,
      response: companyViewWire,
      example: { params: { companyId: '1001' }, query: { portalId: '9000001', userId: '7001' } },
      async handler({ identity, params }) {
        const { db } = deps;
        const { portalId } = identity;
        const { companyId } = params;
        const now = deps.now();
        const { from, to } = historyWindow(now);
        const usage = loadRecentUsage(db, portalId, [companyId], now.getTime());
        const handoffs = loadCompanyHandoffs(db, deps.logger, portalId, companyId);
        const [{ company, score, owner, history, feedback, lastSyncAt, currency }, signals, runs] =
          await Promise.all([
            loadCompanyViewData(db, portalId, companyId, { fromDay: from, toDay: to, feedbackLimit }),
            listSignals(db, portalId, { companyId, limit: signalTypes.length }),
            listCompanyRuns(db, portalId, [companyId], new Date(now.getTime() - recentRunDays * DAY_MS)),
          ]);
        const signalWires = signals.map((signal) => toSignalWire(signal, now.getTime()));
        const runTasks = await tasksOfRuns(db, portalId, runs);
        const playbooks = runs.slice(0, maxViewRuns).map((run) => toPlaybookRunWire(run, runTasks));
        // Most accounts need no plan (neither at risk nor expanding); the rest read only what the view has not.
        const tier = score?.tier ?? null;
        const plan =
          planKindOf(tier, signalWires) === null
            ? null
            : await loadCompanyPlanSummary(
                db,
                portalId,
                {
                  companyId,
                  tier,
                  score: score?.score ?? null,
                  tierSince: score?.tierSince?.getTime() ?? null,
                  signals: signalWires,
                  playbooks,
                },
                now,
              );
        if (company === undefined && score === undefined && lastSyncAt !== undefined)
          throw new AppError('NOT_FOUND', `Company ${companyId} is not in Harbor's copy of the CRM yet`);
        const model = await explainingModel(db, models, portalId, score?.modelVersion);
        const view = assembleCompanyView(
          {
            companyId,
            properties: company?.properties,
            owner,
            score,
            model,
            history,
            feedback,
            lastSyncAt,
            currency,
            signals: signalWires,
            playbooks,
            plan,
          },
          now,
        );
        return {
          kind: 'json',
          body: {
            ...view,
            usage: usageSeriesOf((await usage).get(companyId) ?? []),
            handoffs: await handoffs,
            npsHistory: npsHistoryOf(companyId, feedback, now.getTime()),
          },
        };
      },
    }),
  ];
}
