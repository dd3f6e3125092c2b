import { healthScorePageWire, healthScoreWire } from '@harbor/wire';
import { z } from 'zod';

import type { Logger } from '../shared/logger.ts';
import type { Kysely } from 'kysely';
import { defineRoute, type PortalIdentity, type RouteSpec } from '../http/route-table/route-spec.ts';
import {
  crmObjectId,
  noBody,
  noParams,
  noQuery,
  pageLimit,
  rowId,
} from '../http/route-table/wire-schemas.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Database } from '../store/database-schema.ts';
import { findCalibrationProposal } from '../store/repositories/health-calibration-repository.ts';
import { saveHealthModelVersion } from '../store/repositories/health-models-repository.ts';
import { findHealthScore, listHealthScores } from '../store/repositories/health-scores-repository.ts';
import type { HealthServices } from './health-services.ts';
import {
  backtestReportWire,
  calibrationReportWire,
  healthModelWire,
  proposalPageWire,
  proposalWire,
  toModelWire,
  toProposalSummaryWire,
  toProposalWire,
} from './health-model-wire.ts';
import { toScoreSummaryWire, toScoreWire } from './health-wire.ts';
import { loadActiveHealthModel } from './model/active-health-model.ts';
import { defaultHealthModel } from './model/default-health-model.ts';
import { healthModelSchema, tierIds } from './model/health-model-schema.ts';

export interface HealthRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
  /** Absent where scoring does not run: those routes then answer 503. */
  health?: HealthServices | undefined;
}

const scoresQuery = z.strictObject({
  tier: z.enum(tierIds).optional(),
  // Summaries are about 400 bytes; 200 of them stay far below hubspot.fetch's 1 MB.
  limit: pageLimit(200, 100),
  after: crmObjectId.optional(),
});
// Summaries only (a proposal's model is read one at a time): 50 of them are a few kilobytes.
const proposalsQuery = z.strictObject({ limit: pageLimit(50, 20), before: rowId.optional() });
const oneProposalParams = z.strictObject({ proposalId: rowId });
const companyParams = z.strictObject({ companyId: crmObjectId });
const proposalParams = z.strictObject({ proposalId: rowId, decision: z.enum(['apply', 'dismiss']) });
const modelBody = z.strictObject({ model: healthModelSchema });

const signedRead = {
  auth: { kind: 'hubspot', versions: ['v3'] },
  identity: { kind: 'signed-url', user: 'optional' },
} as const;
const signedWrite = {
  auth: { kind: 'hubspot', versions: ['v3'] },
  identity: { kind: 'signed-url', user: 'member' },
} as const;
const examplePortal = { portalId: '9000001', userId: '7001' };

/** The audit log's actor: the HubSpot user the signed request came from, never a free-text field. */
export function actorOf(identity: PortalIdentity): string {
  return identity.userId === undefined ? 'hubspot-user:unknown' : `hubspot-user:${identity.userId}`;
}

/**
 * The health score's API for the app's cards, home page and settings page (all through hubspot.fetch, so
 * every route requires HubSpot's v3 signature and reads the portal and user from the signed URL).
 */
export function healthScoreRoutes(deps: HealthRouteDeps): RouteSpec[] {
  const running = new Set<number>();
  const services = (): HealthServices => {
    if (deps.health === undefined)
      throw new AppError('SERVICE_UNAVAILABLE', 'Scoring is not running in this instance');
    return deps.health;
  };
  /** Rescoring in the background, one run per portal at a time in this process. */
  const startRescore = (portalId: number): void => {
    const health = services();
    if (running.has(portalId)) return;
    running.add(portalId);
    void health
      .rescoreNow(portalId)
      .catch((error: unknown) => {
        deps.logger.error({ err: error, portalId }, 'rescoring on demand failed');
      })
      .finally(() => running.delete(portalId));
  };

  return [
    defineRoute({
      method: 'GET',
      path: '/api/health/companies/:companyId',
      summary: "one company's score, tier, components, drivers",
      ...signedRead,
      effect: 'read',
      params: companyParams,
      query: noQuery,
      body: noBody,
      response: healthScoreWire,
      example: { params: { companyId: '1001' }, query: examplePortal },
      async handler({ identity, params }) {
        const score = await findHealthScore(deps.db, identity.portalId, params.companyId);
        if (score === undefined)
          throw new AppError('NOT_FOUND', `Company ${params.companyId} has no health score yet`);
        return { kind: 'json', body: toScoreWire(score) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/health/scores',
      summary: 'a page of score summaries, optionally of one tier',
      ...signedRead,
      effect: 'read',
      params: noParams,
      query: scoresQuery,
      body: noBody,
      response: healthScorePageWire,
      example: { query: { ...examplePortal, limit: '200' } },
      async handler({ identity, query }) {
        const page = await listHealthScores(deps.db, identity.portalId, query);
        return {
          kind: 'json',
          body: { results: page.results.map(toScoreSummaryWire), after: page.after ?? null },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/health/rescore',
      summary: 'rescore the portal now (202; runs in the background)',
      ...signedWrite,
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: z.strictObject({ portalId: z.number(), status: z.literal('started') }),
      example: { query: examplePortal },
      handler({ identity }) {
        services();
        if (running.has(identity.portalId))
          throw new AppError('CONFLICT', `Portal ${identity.portalId} is being rescored already`);
        startRescore(identity.portalId);
        return {
          kind: 'json',
          status: 202,
          body: { portalId: identity.portalId, status: 'started' as const },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/health/model',
      summary: 'the current model and its version',
      ...signedRead,
      effect: 'idempotent',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: healthModelWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        return { kind: 'json', body: toModelWire(await loadActiveHealthModel(deps.db, identity.portalId)) };
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/health/model',
      summary: "an admin's edit: a new model version, audited under the signed user",
      ...signedWrite,
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: modelBody,
      response: z.strictObject({ portalId: z.number(), version: z.number().int() }),
      example: { query: examplePortal, body: { model: defaultHealthModel } },
      async handler({ identity, body }) {
        const version = await saveHealthModelVersion(deps.db, identity.portalId, body.model, {
          source: 'admin',
          actor: actorOf(identity),
        });
        return { kind: 'json', body: { portalId: identity.portalId, version } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/health/backtest',
      summary: 'the report card on past outcomes',
      ...signedRead,
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: backtestReportWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        return { kind: 'json', body: await services().backtest(identity.portalId) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/health/calibrations',
      summary: 'fit a proposal from past outcomes (nothing changes until it is applied)',
      ...signedWrite,
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: calibrationReportWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        const report = await services().propose(identity.portalId, actorOf(identity));
        return { kind: 'json', status: 201, body: report };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/health/proposals',
      summary: 'calibration proposals, newest first, a page at a time',
      ...signedRead,
      effect: 'read',
      params: noParams,
      query: proposalsQuery,
      body: noBody,
      response: proposalPageWire,
      example: { query: { ...examplePortal, limit: '50' } },
      async handler({ identity, query }) {
        const proposals = await services().listProposals(identity.portalId, {
          limit: query.limit + 1,
          beforeId: query.before,
        });
        const page = proposals.slice(0, query.limit);
        return {
          kind: 'json',
          body: {
            proposals: page.map(toProposalSummaryWire),
            before: proposals.length > query.limit ? String(page.at(-1)?.id) : null,
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/health/proposals/:proposalId',
      summary: 'one calibration proposal with its model and report',
      ...signedRead,
      effect: 'read',
      params: oneProposalParams,
      query: noQuery,
      body: noBody,
      response: proposalWire,
      example: { params: { proposalId: '1' }, query: examplePortal },
      async handler({ identity, params }) {
        const proposal = await findCalibrationProposal(deps.db, identity.portalId, params.proposalId);
        if (proposal === undefined)
          throw new AppError('NOT_FOUND', `Calibration proposal ${params.proposalId} does not exist`);
        return { kind: 'json', body: toProposalWire(proposal) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/health/proposals/:proposalId/:decision',
      summary: 'an admin applies or dismisses a proposal (audited under the signed user)',
      ...signedWrite,
      effect: 'write',
      params: proposalParams,
      query: noQuery,
      body: noBody,
      response: z.union([
        z.strictObject({
          portalId: z.number(),
          proposalId: z.number(),
          version: z.number().int(),
          rescoring: z.literal(true),
        }),
        z.strictObject({ portalId: z.number(), proposalId: z.number(), status: z.literal('dismissed') }),
      ]),
      example: { params: { proposalId: '1', decision: 'dismiss' }, query: examplePortal },
      async handler({ identity, params }) {
        const { portalId } = identity;
        const actor = actorOf(identity);
        if (params.decision === 'apply') {
          const { version } = await services().apply(portalId, params.proposalId, actor);
          // The new weights should show on the cards now, not at the next sync.
          startRescore(portalId);
          return {
            kind: 'json',
            body: { portalId, proposalId: params.proposalId, version, rescoring: true as const },
          };
        }
        await services().dismiss(portalId, params.proposalId, actor);
        return {
          kind: 'json',
          body: { portalId, proposalId: params.proposalId, status: 'dismissed' as const },
        };
      },
    }),
  ];
}
