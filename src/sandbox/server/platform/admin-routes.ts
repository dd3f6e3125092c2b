import express, { Router, type Response } from 'express';
import { z } from 'zod';

import { sendHubSpotError } from '../hubspot-error.ts';
import type { ChangeStream } from './change-stream.ts';
import { applyPortalMutations } from './portal-mutations.ts';
import type { SandboxStats } from './sandbox-stats.ts';
import { scriptedFaultSchema, type ScriptedFaults } from './scripted-faults.ts';
import type { SandboxWorld } from './sandbox-world.ts';

export interface AdminRouteDeps {
  world: SandboxWorld;
  stats: SandboxStats;
  changeStream: ChangeStream;
  scriptedFaults?: ScriptedFaults;
}

const portalIdSchema = z.coerce.number().int().positive();
const seedSchema = z.union([z.string().min(1), z.number()]);

const requestsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(100) });
const mutateBody = z.object({
  count: z.number().int().min(1).max(100_000),
  portalId: portalIdSchema.optional(),
  seed: seedSchema.optional(),
});
const changeStreamBody = z.object({
  perSecond: z.number().positive().max(10_000),
  seconds: z.number().positive().max(3_600),
  portalId: portalIdSchema.optional(),
  seed: seedSchema.optional(),
  /** false: answer 202 at once and follow progress with GET /_sandbox/change-stream. */
  wait: z.boolean().default(true),
});
const uninstallBody = z.object({ portalId: portalIdSchema });

/**
 * Sandbox-only endpoints under /_sandbox/ (not HubSpot's, no auth): stats, the request log, scripted changes
 * and uninstalling the app from a portal.
 */
export function createAdminRoutes({ world, stats, changeStream, scriptedFaults }: AdminRouteDeps): Router {
  const router = Router();
  router.use(express.json());
  let mutateCalls = 0;
  const nextSeed = (): string => {
    mutateCalls += 1;
    return `${String(world.seed)}:${mutateCalls}`;
  };

  router.get('/_sandbox/stats', (_req, res) => {
    const portals = world.portals().map((store) => ({
      portalId: store.portalId,
      installed: world.isInstalled(store.portalId),
      records: store.counts(),
    }));
    res.json({ ...stats.snapshot(), portals });
  });

  router.get('/_sandbox/requests', (req, res) => {
    const query = parse(res, requestsQuery, req.query);
    if (query !== undefined) res.json({ results: stats.recent(query.limit) });
  });

  router.post('/_sandbox/reset-stats', (_req, res) => {
    stats.reset();
    res.status(204).end();
  });

  router.post('/_sandbox/mutate', (req, res) => {
    const body = parse(res, mutateBody, req.body);
    if (body === undefined) return;
    const store = world.portal(body.portalId ?? world.defaultPortalId);
    if (store === undefined) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `portal ${String(body.portalId)} does not exist`);
      return;
    }
    const seed = body.seed ?? nextSeed();
    res.json({
      portalId: store.portalId,
      seed,
      ...applyPortalMutations(store, { count: body.count, seed, now: world.now() }),
    });
  });

  router.get('/_sandbox/change-stream', (_req, res) => {
    const progress = changeStream.progress();
    if (progress === undefined) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'no change stream has run yet');
      return;
    }
    res.json(progress);
  });

  router.post('/_sandbox/change-stream', async (req, res) => {
    const body = parse(res, changeStreamBody, req.body);
    if (body === undefined) return;
    const portalId = body.portalId ?? world.defaultPortalId;
    const store = world.portal(portalId);
    if (store === undefined) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `portal ${String(portalId)} does not exist`);
      return;
    }
    if (changeStream.isRunning) {
      sendHubSpotError(res, 409, 'CONFLICT', 'a change stream is already running');
      return;
    }
    const seed = body.seed ?? nextSeed();
    const done = changeStream.start({ perSecond: body.perSecond, seconds: body.seconds, portalId, seed });
    if (!body.wait) {
      res.status(202).json(changeStream.progress());
      return;
    }
    res.json(await done);
  });

  if (scriptedFaults !== undefined) {
    router.get('/_sandbox/faults', (_req, res) => {
      res.json({ results: scriptedFaults.list() });
    });
    router.post('/_sandbox/faults', (req, res) => {
      const fault = parse(res, scriptedFaultSchema, req.body);
      if (fault === undefined) return;
      scriptedFaults.add(fault);
      res.status(201).json(fault);
    });
    router.delete('/_sandbox/faults', (_req, res) => {
      scriptedFaults.clear();
      res.status(204).end();
    });
  }

  router.post('/_sandbox/uninstall', (req, res) => {
    const body = parse(res, uninstallBody, req.body);
    if (body === undefined) return;
    const { wasInstalled, accessTokens, refreshTokens } = world.uninstall(body.portalId);
    res.json({ portalId: body.portalId, wasInstalled, revoked: { accessTokens, refreshTokens } });
  });

  return router;
}

function parse<Schema extends z.ZodType>(
  res: Response,
  schema: Schema,
  value: unknown,
): z.infer<Schema> | undefined {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  sendHubSpotError(
    res,
    400,
    'VALIDATION_ERROR',
    `${where === '' ? '' : `${where}: `}${issue?.message ?? 'invalid input'}`,
  );
  return undefined;
}
