import type { Kysely } from 'kysely';

import type { Database } from '../store/database-schema.ts';
import { findSyncCheckpoint, saveSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';
import { parseCheckpoint, type Checkpoint, type TypeState } from './sync-checkpoint.pure.ts';
import type { SyncedObjectType } from './sync-types.ts';

/** The sync_state row holding when owners and pipelines were last read. */
export const metadataStateKey = 'metadata';

/** Each type's checkpoint; a type with no row, or one we cannot read, is absent (it gets a full pass). */
export async function loadTypeStates(
  db: Kysely<Database>,
  portalId: number,
  types: readonly SyncedObjectType[],
): Promise<Partial<Record<SyncedObjectType, TypeState>>> {
  const states: Partial<Record<SyncedObjectType, TypeState>> = {};
  for (const type of types) {
    const row = await findSyncCheckpoint(db, portalId, type);
    const checkpoint = row === undefined ? undefined : parseCheckpoint(row.checkpoint);
    if (row !== undefined && checkpoint !== undefined) {
      states[type] = { checkpoint, lastModifiedMs: row.lastModifiedAt?.getTime() };
    }
  }
  return states;
}

/**
 * Saves one type's checkpoint; pass the transaction that wrote the page it describes, so rows and checkpoint
 * land together or not at all. `lastModifiedMs` is the incremental high-water mark (kept during a pass).
 */
export async function saveTypeState(
  db: Kysely<Database>,
  portalId: number,
  type: SyncedObjectType,
  checkpoint: Checkpoint,
  lastModifiedMs: number | undefined,
  now: Date,
): Promise<void> {
  await saveSyncCheckpoint(
    db,
    portalId,
    {
      objectType: type,
      phase: checkpoint.kind,
      checkpoint,
      lastModifiedAt: lastModifiedMs === undefined ? null : new Date(lastModifiedMs),
    },
    now,
  );
}

/** When owners and pipelines were last read (epoch ms), if ever. */
export async function findMetadataRefreshedMs(
  db: Kysely<Database>,
  portalId: number,
): Promise<number | undefined> {
  const row = await findSyncCheckpoint(db, portalId, metadataStateKey);
  return row?.lastModifiedAt?.getTime();
}

export async function saveMetadataRefreshed(
  db: Kysely<Database>,
  portalId: number,
  refreshedAt: Date,
): Promise<void> {
  await saveSyncCheckpoint(
    db,
    portalId,
    { objectType: metadataStateKey, phase: 'idle', checkpoint: {}, lastModifiedAt: refreshedAt },
    refreshedAt,
  );
}
