import { openSignalsWire, planReviewWire, planSummaryWire, weeklyReviewWire } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { actorOf } from '../health/health-score-routes.ts';
import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import { crmObjectId, noBody, noParams, noQuery } from '../http/route-table/wire-schemas.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { toSignalWire } from '../signals/signal-wire.ts';
import type { Database } from '../store/database-schema.ts';
import {
  insertPlanReview,
  loadCompanyNames,
  loadOwnerNames,
} from '../store/repositories/action-plans-repository.ts';
import { listSignals } from '../store/repositories/signals-repository.ts';
import { loadPlanSummaries } from './load-action-plans.ts';
import { buildOpenSignals } from './open-signals.pure.ts';
import { buildPortalReview } from './weekly-review.ts';

export interface ReviewRouteDeps {
  db: Kysely<Database>;
  now: () => Date;
}

const planParams = z.strictObject({ companyId: crmObjectId });
const examplePortal = { portalId: '9000001', userId: '7001' };
// Every active signal of a portal fits here; the page shows the first 200 of them.
const activeSignalsRead = 5_000;

/**
 * The weekly review and the open signals for the home pages, and an owner marking an account's plan as
 * reviewed. Reading needs a signed request of the portal; marking a review needs one of its users, whom
 * the review's row names.
 */
export function reviewRoutes(deps: ReviewRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/review',
      summary: 'the weekly review: escalated risks, then each owner’s at-risk and expansion plans',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: weeklyReviewWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        return { kind: 'json', body: await buildPortalReview(deps.db, identity.portalId, deps.now()) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/review/signals',
      summary: 'the portal’s active signals with company and owner names, most severe and oldest first',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: openSignalsWire,
      example: { query: examplePortal },
      async handler({ identity: { portalId } }) {
        const now = deps.now();
        const signals = await listSignals(deps.db, portalId, { activeOnly: true, limit: activeSignalsRead });
        const [companies, owners] = await Promise.all([
          loadCompanyNames(
            deps.db,
            portalId,
            signals.map((signal) => signal.companyId),
          ),
          loadOwnerNames(
            deps.db,
            portalId,
            signals.flatMap((signal) => (signal.ownerId === null ? [] : [signal.ownerId])),
          ),
        ]);
        const wires = signals.map((signal) => toSignalWire(signal, now.getTime()));
        return { kind: 'json', body: buildOpenSignals(wires, { companies, owners }, now.getTime()) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/plans/:companyId/review',
      summary: 'an owner marks the account’s action plan as reviewed (with an optional note)',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'member' },
      effect: 'write',
      params: planParams,
      query: noQuery,
      body: planReviewWire,
      response: planSummaryWire,
      // No note: the walk swaps each example field for a wrong type, and any text is a valid note.
      example: { params: { companyId: '1001' }, query: examplePortal, body: {} },
      async handler({ identity, params, body }) {
        const { portalId } = identity;
        const now = deps.now();
        const before = await loadPlanSummaries(deps.db, portalId, [params.companyId], now);
        // Only an account with a plan can have it reviewed; another portal's company has none here.
        if (!before.has(params.companyId))
          throw new AppError('NOT_FOUND', `Company ${params.companyId} has no action plan`);
        await insertPlanReview(
          deps.db,
          portalId,
          {
            companyId: params.companyId,
            reviewedBy: actorOf(identity),
            note: body.note === undefined || body.note === '' ? null : body.note,
          },
          now,
        );
        const after = await loadPlanSummaries(deps.db, portalId, [params.companyId], now);
        const summary = after.get(params.companyId);
        if (summary === undefined) throw new Error(`the plan of company ${params.companyId} vanished`);
        return { kind: 'json', body: summary };
      },
    }),
  ];
}
