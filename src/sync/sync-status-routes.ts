import type { Kysely } from 'kysely';
import { z } from 'zod';

import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import { noBody, noParams, pageLimit } from '../http/route-table/wire-schemas.ts';
import type { Database } from '../store/database-schema.ts';
import { listSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import { findSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';
import { syncedObjectTypes } from './sync-types.ts';

const isoTime = z.iso.datetime();
/** A run's error is a line on the settings page; its whole text stays in the log and in sync_runs. */
const maxErrorLength = 500;

export const syncStatusWire = z.strictObject({
  portalId: z.number(),
  runs: z.array(
    z.strictObject({
      id: z.number(),
      mode: z.string(),
      status: z.string(),
      startedAt: isoTime,
      finishedAt: isoTime.nullable(),
      apiCalls: z.number(),
      progress: z.record(z.string(), z.unknown()),
      error: z.string().max(maxErrorLength).nullable(),
    }),
  ),
  checkpoints: z.array(
    z.strictObject({ objectType: z.string(), phase: z.string(), lastModifiedAt: isoTime.nullable() }),
  ),
});

/**
 * GET /api/sync/status: the portal's recent sync runs (mode, status, times, API calls, progress per type) and
 * where each object type stands. Called by cards and the settings page through hubspot.fetch.
 */
export function syncStatusRoutes(deps: { db: Kysely<Database> }): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/sync/status',
      summary: "the portal's recent sync runs and where each object type stands",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      // How many recent runs, newest first.
      query: z.strictObject({ limit: pageLimit(50, 10) }),
      body: noBody,
      response: syncStatusWire,
      example: { query: { portalId: '9000001', limit: '50' } },
      async handler({ identity: { portalId }, query }) {
        const [runs, checkpoints] = await Promise.all([
          listSyncRuns(deps.db, portalId, query.limit),
          Promise.all(syncedObjectTypes.map((type) => findSyncCheckpoint(deps.db, portalId, type))),
        ]);
        return {
          kind: 'json',
          body: {
            portalId,
            runs: runs.map((run) => ({
              id: run.id,
              mode: run.mode,
              status: run.status,
              startedAt: run.startedAt.toISOString(),
              finishedAt: run.finishedAt?.toISOString() ?? null,
              apiCalls: run.apiCalls,
              progress: run.progress,
              error: run.error === null ? null : truncate(run.error, maxErrorLength),
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
          },
        };
      },
    }),
  ];
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
