import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/** One company waiting for a rescoring, at the generation the worker read. */
export interface RescoreRequest {
  companyId: string;
  generation: number;
  requestedAt: Date;
}

/**
 * Asks for these companies to be rescored. A company already waiting keeps its first request time (freshness
 * counts from the oldest change) and only bumps its generation, which tells the worker a newer request came.
 */
export async function enqueueRescores(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  now: Date,
): Promise<void> {
  const ids = [...new Set(companyIds)].sort();
  if (ids.length === 0) return;
  await db
    .insertInto('rescore_requests')
    .values(ids.map((companyId) => ({ portal_id: portalId, company_id: companyId, requested_at: now })))
    .onConflict((oc) =>
      oc
        .columns(['portal_id', 'company_id'])
        .doUpdateSet((eb) => ({ generation: eb('rescore_requests.generation', '+', 1) })),
    )
    .execute();
}

/** The oldest waiting requests of a portal, up to `limit`. */
export async function loadPendingRescores(
  db: Kysely<Database>,
  portalId: number,
  limit: number,
): Promise<RescoreRequest[]> {
  const rows = await db
    .selectFrom('rescore_requests')
    .select(['company_id', 'generation', 'requested_at'])
    .where('portal_id', '=', portalId)
    .orderBy('requested_at')
    .orderBy('company_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    companyId: row.company_id,
    generation: row.generation,
    requestedAt: new Date(row.requested_at),
  }));
}

/**
 * Removes the requests a rescoring covered: only at the generation it read, so one made meanwhile stays
 * queued for the next pass.
 */
export async function completeRescores(
  db: Kysely<Database>,
  portalId: number,
  done: readonly Pick<RescoreRequest, 'companyId' | 'generation'>[],
): Promise<void> {
  if (done.length === 0) return;
  await db
    .deleteFrom('rescore_requests')
    .where('portal_id', '=', portalId)
    .where((eb) =>
      eb.or(
        done.map((request) =>
          eb.and([eb('company_id', '=', request.companyId), eb('generation', '=', request.generation)]),
        ),
      ),
    )
    .execute();
}

/** Portals with companies waiting, for the worker's periodic pass. */
export async function listPortalsWithPendingRescores(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('rescore_requests').select('portal_id').distinct().execute();
  return rows.map((row) => row.portal_id);
}
