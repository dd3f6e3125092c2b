import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface SyncCheckpoint {
  objectType: string;
  /** e.g. 'full', 'incremental', 'idle'. */
  phase: string;
  /** Whatever the sync needs to resume (paging cursor, window bounds); opaque to the store. */
  checkpoint: Record<string, unknown>;
  lastModifiedAt: Date | null;
}

export async function saveSyncCheckpoint(
  db: Kysely<Database>,
  portalId: number,
  state: SyncCheckpoint,
  now: Date,
): Promise<void> {
  const row = {
    phase: state.phase,
    checkpoint: JSON.stringify(state.checkpoint),
    last_modified_at: state.lastModifiedAt,
    updated_at: now,
  };
  await db
    .insertInto('sync_state')
    .values({ portal_id: portalId, object_type: state.objectType, ...row })
    .onConflict((oc) => oc.columns(['portal_id', 'object_type']).doUpdateSet(row))
    .execute();
}

export async function findSyncCheckpoint(
  db: Kysely<Database>,
  portalId: number,
  objectType: string,
): Promise<SyncCheckpoint | undefined> {
  const row = await db
    .selectFrom('sync_state')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('object_type', '=', objectType)
    .executeTakeFirst();
  return (
    row && {
      objectType: row.object_type,
      phase: row.phase,
      checkpoint: row.checkpoint,
      lastModifiedAt: row.last_modified_at,
    }
  );
}
