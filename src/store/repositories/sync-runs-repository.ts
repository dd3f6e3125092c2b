import type { Kysely } from 'kysely';

import type { Database, SyncMode, SyncRunStatus } from '../database-schema.ts';

export interface SyncRun {
  id: number;
  portalId: number;
  mode: SyncMode;
  status: SyncRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  apiCalls: number;
  progress: Record<string, unknown>;
  error: string | null;
}

export async function startSyncRun(
  db: Kysely<Database>,
  portalId: number,
  mode: SyncMode,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('sync_runs')
    .values({
      portal_id: portalId,
      mode,
      status: 'running',
      started_at: now,
      finished_at: null,
      progress: '{}',
      error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSyncRunProgress(
  db: Kysely<Database>,
  runId: number,
  progress: Record<string, unknown>,
  apiCalls: number,
): Promise<void> {
  await db
    .updateTable('sync_runs')
    .set({ progress: JSON.stringify(progress), api_calls: apiCalls })
    .where('id', '=', runId)
    .execute();
}

export async function finishSyncRun(
  db: Kysely<Database>,
  runId: number,
  outcome: {
    status: 'succeeded' | 'failed';
    apiCalls: number;
    progress: Record<string, unknown>;
    error?: string;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('sync_runs')
    .set({
      status: outcome.status,
      finished_at: now,
      api_calls: outcome.apiCalls,
      progress: JSON.stringify(outcome.progress),
      error: outcome.error ?? null,
    })
    .where('id', '=', runId)
    .execute();
}

/** Runs left "running" by a process that died: marked failed so the status page tells the truth. */
export async function failAbandonedSyncRuns(
  db: Kysely<Database>,
  portalId: number,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('sync_runs')
    .set({
      status: 'failed',
      finished_at: now,
      error: 'the process running it stopped; resumed from its checkpoint',
    })
    .where('portal_id', '=', portalId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Newest first. */
export async function listSyncRuns(db: Kysely<Database>, portalId: number, limit = 10): Promise<SyncRun[]> {
  const rows = await db
    .selectFrom('sync_runs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    portalId: row.portal_id,
    mode: row.mode,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    apiCalls: row.api_calls,
    progress: row.progress,
    error: row.error,
  }));
}
