import { Router } from 'express';
import { z } from 'zod';

import type { AppDeps } from '../http/app-deps.ts';
import { requireHubSpotSignature } from '../http/middleware/require-hubspot-signature.ts';
import { parseInput } from '../http/parse-input.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { listActivePortalIds } from '../store/repositories/portals-repository.ts';
import { listSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import { findSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';
import { syncedObjectTypes } from './sync-types.ts';

const statusQuery = z.object({
  portalId: z.coerce.number().int().positive(),
  /** How many recent runs, newest first. */
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/**
 * GET /api/sync/status?portalId=: the portal's recent sync runs (mode, status, times, API calls, progress per
 * type) and where each object type stands. Called by cards and the settings page through hubspot.fetch, so
 * HubSpot's v3 signature is required.
 */
export function createSyncStatusRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/api/sync/status',
    requireHubSpotSignature({
      clientSecret: deps.hubspotClientSecret,
      publicBaseUrl: deps.publicBaseUrl,
      accept: ['v3'],
      now: () => deps.now().getTime(),
    }),
    async (req, res) => {
      const { portalId, limit } = parseInput(statusQuery, req.query);
      if (!(await listActivePortalIds(deps.db)).includes(portalId)) {
        throw new AppError('NOT_FOUND', `Portal ${portalId} has no Harbor install`);
      }
      const [runs, checkpoints] = await Promise.all([
        listSyncRuns(deps.db, portalId, limit),
        Promise.all(syncedObjectTypes.map((type) => findSyncCheckpoint(deps.db, portalId, type))),
      ]);
      res.json({
        portalId,
        runs: runs.map((run) => ({
          id: run.id,
          mode: run.mode,
          status: run.status,
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          apiCalls: run.apiCalls,
          progress: run.progress,
          error: run.error,
        })),
        // The phase and high-water mark only: resume cursors are the engine's business.
        checkpoints: checkpoints.flatMap((state) =>
          state === undefined
            ? []
            : [
                {
                  objectType: state.objectType,
                  phase: state.phase,
                  lastModifiedAt: state.lastModifiedAt?.toISOString() ?? null,
                },
              ],
        ),
      });
    },
  );
  return router;
}
