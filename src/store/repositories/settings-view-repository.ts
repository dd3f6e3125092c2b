import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';
import type { HealthModelVersion } from './health-models-repository.ts';

/**
 * Model versions newest first, `limit` of them older than `beforeVersion` (all when absent). Callers ask for
 * one more than they show: it tells whether an older page exists and is what the last shown version changed.
 */
export async function listHealthModelVersionPage(
  db: Kysely<Database>,
  portalId: number,
  page: { limit: number; beforeVersion?: number | undefined },
): Promise<HealthModelVersion[]> {
  let query = db
    .selectFrom('health_models')
    .select(['version', 'model', 'source', 'created_by', 'created_at'])
    .where('portal_id', '=', portalId);
  if (page.beforeVersion !== undefined) query = query.where('version', '<', page.beforeVersion);
  const rows = await query.orderBy('version', 'desc').limit(page.limit).execute();
  return rows.map((row) => ({
    version: row.version,
    model: row.model,
    source: row.source,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }));
}

/** The names of the portal's HubSpot users with these ids (owners carry the user id behind them). */
export async function ownerNamesByUserId(
  db: Kysely<Database>,
  portalId: number,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('owners')
    .select(['user_id', 'first_name', 'last_name', 'email'])
    .where('portal_id', '=', portalId)
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  const names = new Map<string, string>();
  for (const row of rows) {
    if (row.user_id === null) continue;
    const name = [row.first_name, row.last_name].filter((part) => part !== null && part !== '').join(' ');
    const shown = name !== '' ? name : row.email;
    if (shown !== null && shown !== '') names.set(row.user_id, shown);
  }
  return names;
}
