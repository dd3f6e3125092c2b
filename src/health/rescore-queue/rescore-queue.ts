import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { defaultHeartbeatMs, defaultLeaseTtlMs, withPortalLease } from '../../jobs/portal-lease.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import {
  completeRescores,
  enqueueRescores,
  loadPendingRescores,
} from '../../store/repositories/rescore-queue-repository.ts';

export interface RescoreQueueDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /** This instance (or the CLI process); each drain holds the lease under a name of its own beneath it. */
  leaseOwner: string;
  /**
   * Scores these companies (write-back and onScored included); the caller holds the portal's lease, so this
   * is HealthServices.rescore with `companyIds`.
   */
  rescore(portalId: number, companyIds: readonly string[]): Promise<unknown>;
  /** Companies per rescoring; default 500 (a webhook batch touches far fewer). */
  batchSize?: number;
  ttlMs?: number;
  heartbeatMs?: number;
}

export type DrainOutcome =
  /** The queue was empty when this drain let go of the lease. */
  | { status: 'drained'; companies: number }
  /** A sync or another rescoring holds the portal: what waits is done when it ends (or by the next pass). */
  | { status: 'busy'; companies: number };

export interface RescoreQueue {
  request(portalId: number, companyIds: readonly string[]): Promise<void>;
  drain(portalId: number): Promise<DrainOutcome>;
  /** What a webhook or ingest batch does once applied: the request is durable before any scoring starts. */
  requestAndDrain(portalId: number, companyIds: readonly string[]): Promise<DrainOutcome>;
}

/** Queues companies for a rescoring; a company already queued is not queued twice. */
export function requestRescore(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  now: Date,
): Promise<void> {
  return enqueueRescores(db, portalId, companyIds, now);
}

/**
 * Rescores what waits in a portal's queue under the portal's sync lease, the one syncs and every other
 * rescoring take, so no company is ever scored twice at once, in any instance. A request is removed only at
 * the generation that was scored: one made during the rescoring stays and is taken in the next round. After
 * letting go of the lease the queue is looked at once more, because a request whose own drain found the lease
 * taken just before it was released would otherwise wait for the periodic pass.
 */
export async function drainRescoreQueue(deps: RescoreQueueDeps, portalId: number): Promise<DrainOutcome> {
  const { db, logger, now } = deps;
  const batchSize = deps.batchSize ?? 500;
  let companies = 0;
  for (;;) {
    const outcome = await withPortalLease(
      db,
      {
        portalId,
        job: 'sync',
        // One holder per drain: a lease counts its owner's second take as a renewal.
        owner: `${deps.leaseOwner}:${randomUUID()}`,
        ttlMs: deps.ttlMs ?? defaultLeaseTtlMs,
        heartbeatMs: deps.heartbeatMs ?? defaultHeartbeatMs,
        now,
        logger,
      },
      async (signal) => {
        let done = 0;
        while (!signal.aborted) {
          const pending = await loadPendingRescores(db, portalId, batchSize);
          if (pending.length === 0) break;
          await deps.rescore(
            portalId,
            pending.map((request) => request.companyId),
          );
          await completeRescores(db, portalId, pending);
          done += pending.length;
        }
        return done;
      },
    );
    if (!outcome.acquired) return { status: 'busy', companies };
    companies += outcome.value;
    if ((await loadPendingRescores(db, portalId, 1)).length === 0) return { status: 'drained', companies };
  }
}

export function createRescoreQueue(deps: RescoreQueueDeps): RescoreQueue {
  const request: RescoreQueue['request'] = (portalId, companyIds) =>
    requestRescore(deps.db, portalId, companyIds, deps.now());
  const drain: RescoreQueue['drain'] = (portalId) => drainRescoreQueue(deps, portalId);
  return {
    request,
    drain,
    async requestAndDrain(portalId, companyIds) {
      await request(portalId, companyIds);
      return drain(portalId);
    },
  };
}
