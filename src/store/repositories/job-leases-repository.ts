import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/**
 * Takes the lease on (portal, job) for `ttlMs` when it is free, expired, or already ours (renewal). One
 * statement, so two instances racing for it cannot both win: the loser's conditional update matches no row.
 */
export async function tryAcquireLease(
  db: Kysely<Database>,
  lease: { portalId: number; job: string; owner: string; ttlMs: number },
  now: Date,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + lease.ttlMs);
  const result = await db
    .insertInto('job_leases')
    .values({
      portal_id: lease.portalId,
      job: lease.job,
      owner: lease.owner,
      acquired_at: now,
      expires_at: expiresAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['portal_id', 'job'])
        .doUpdateSet({ owner: lease.owner, acquired_at: now, expires_at: expiresAt })
        .where((eb) =>
          eb.or([eb('job_leases.expires_at', '<', now), eb('job_leases.owner', '=', lease.owner)]),
        ),
    )
    .returning(sql<number>`1`.as('taken'))
    .execute();
  return result.length === 1;
}

export async function releaseLease(
  db: Kysely<Database>,
  lease: { portalId: number; job: string; owner: string },
): Promise<void> {
  await db
    .deleteFrom('job_leases')
    .where('portal_id', '=', lease.portalId)
    .where('job', '=', lease.job)
    .where('owner', '=', lease.owner)
    .execute();
}
