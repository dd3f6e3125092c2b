import { Router, type RequestHandler } from 'express';
import { z } from 'zod';

import type { AppDeps } from '../http/app-deps.ts';
import { requireHubSpotSignature } from '../http/middleware/require-hubspot-signature.ts';
import { parseInput } from '../http/parse-input.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { saveHealthModelVersion } from '../store/repositories/health-models-repository.ts';
import { findHealthScore, listHealthScores } from '../store/repositories/health-scores-repository.ts';
import { listActivePortalIds } from '../store/repositories/portals-repository.ts';
import type { HealthServices } from './health-services.ts';
import { loadActiveHealthModel } from './model/active-health-model.ts';
import { healthModelSchema, tierIds } from './model/health-model-schema.ts';

const portalQuery = z.object({ portalId: z.coerce.number().int().positive() });
const scoresQuery = portalQuery.extend({
  tier: z.enum(tierIds).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
  after: z
    .string()
    .regex(/^\d{1,30}$/)
    .optional(),
});
const companyParams = z.object({ companyId: z.string().regex(/^\d{1,30}$/) });
const proposalParams = z.object({ proposalId: z.coerce.number().int().positive() });
/** Who acts, for the audit log: the HubSpot user the card or settings page sends (covered by the signature). */
const actorBody = z.object({ actor: z.string().trim().min(1).max(200) });
const modelBody = actorBody.extend({ model: healthModelSchema });

/**
 * The health score's API for the app's cards, home page and settings page (all through hubspot.fetch, so
 * every route requires HubSpot's v3 signature):
 *   GET  /api/health/companies/:companyId   one company's score, tier, components, drivers
 *   GET  /api/health/scores                 a page of scores (optionally one tier)
 *   POST /api/health/rescore                rescore the portal now (202; runs in the background)
 *   GET  /api/health/model                  the current model and its version
 *   PUT  /api/health/model                  an admin's edit: a new model version, audited
 *   GET  /api/health/backtest               the report card on past outcomes
 *   POST /api/health/calibrations           fit a proposal from past outcomes (nothing changes yet)
 *   GET  /api/health/proposals              proposals, newest first
 *   POST /api/health/proposals/:id/apply    an admin applies one (audited), or …/dismiss
 */
export function createHealthScoreRoutes(deps: AppDeps): Router {
  const router = Router();
  const signed = requireHubSpotSignature({
    clientSecret: deps.hubspotClientSecret,
    publicBaseUrl: deps.publicBaseUrl,
    accept: ['v3'],
    now: () => deps.now().getTime(),
  });
  const running = new Set<number>();

  const installedPortal = async (query: unknown): Promise<number> => {
    const { portalId } = parseInput(portalQuery, query);
    if (!(await listActivePortalIds(deps.db)).includes(portalId)) {
      throw new AppError('NOT_FOUND', `Portal ${portalId} has no Harbor install`);
    }
    return portalId;
  };
  const services = (): HealthServices => {
    if (deps.health === undefined) {
      throw new AppError('SERVICE_UNAVAILABLE', 'Scoring is not running in this instance');
    }
    return deps.health;
  };
  const route = (handler: RequestHandler): RequestHandler[] => [signed, handler];
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

  router.get(
    '/api/health/companies/:companyId',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      const { companyId } = parseInput(companyParams, req.params);
      const score = await findHealthScore(deps.db, portalId, companyId);
      if (score === undefined)
        throw new AppError('NOT_FOUND', `Company ${companyId} has no health score yet`);
      res.json(score);
    }),
  );

  router.get(
    '/api/health/scores',
    ...route(async (req, res) => {
      await installedPortal(req.query);
      const { portalId, tier, limit, after } = parseInput(scoresQuery, req.query);
      res.json(await listHealthScores(deps.db, portalId, { tier, limit, after }));
    }),
  );

  router.post(
    '/api/health/rescore',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      services();
      if (running.has(portalId))
        throw new AppError('CONFLICT', `Portal ${portalId} is being rescored already`);
      startRescore(portalId);
      res.status(202).json({ portalId, status: 'started' });
    }),
  );

  router.get(
    '/api/health/model',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      res.json(await loadActiveHealthModel(deps.db, portalId));
    }),
  );

  router.put(
    '/api/health/model',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      const { model, actor } = parseInput(modelBody, req.body);
      const version = await saveHealthModelVersion(deps.db, portalId, model, { source: 'admin', actor });
      res.json({ portalId, version });
    }),
  );

  router.get(
    '/api/health/backtest',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      res.json(await services().backtest(portalId));
    }),
  );

  router.post(
    '/api/health/calibrations',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      const { actor } = parseInput(actorBody, req.body);
      res.status(201).json(await services().propose(portalId, actor));
    }),
  );

  router.get(
    '/api/health/proposals',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      res.json({ proposals: await services().listProposals(portalId) });
    }),
  );

  router.post(
    '/api/health/proposals/:proposalId/:decision',
    ...route(async (req, res) => {
      const portalId = await installedPortal(req.query);
      const { proposalId } = parseInput(proposalParams, req.params);
      const { actor } = parseInput(actorBody, req.body);
      const decision = req.params.decision;
      if (decision === 'apply') {
        const applied = await services().apply(portalId, proposalId, actor);
        // The new weights should show on the cards now, not at the next sync.
        startRescore(portalId);
        res.json({ portalId, proposalId, ...applied, rescoring: true });
      } else if (decision === 'dismiss') {
        await services().dismiss(portalId, proposalId, actor);
        res.json({ portalId, proposalId, status: 'dismissed' });
      } else {
        throw new AppError('NOT_FOUND', `Unknown decision "${String(decision)}": use apply or dismiss`);
      }
    }),
  );
  return router;
}
