import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';
import { appendAudit } from './audit-log-repository.ts';

export interface SettingsVersion {
  version: number;
  settings: Record<string, unknown>;
  createdBy: string;
  createdAt: Date;
}

export async function findCurrentSettings(
  db: Kysely<Database>,
  portalId: number,
): Promise<SettingsVersion | undefined> {
  const row = await db
    .selectFrom('settings_versions')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      version: row.version,
      settings: row.settings,
      createdBy: row.created_by,
      createdAt: row.created_at,
    }
  );
}

/**
 * Saves settings as a new version and audits the change in the same transaction. Versions are never
 * overwritten, so any earlier version can be shown or restored.
 */
export async function saveSettingsVersion(
  db: Kysely<Database>,
  portalId: number,
  settings: Record<string, unknown>,
  actor: string,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    // Two admins saving at once would otherwise both read version N and collide on N+1.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`settings:${portalId}`}, 0))`.execute(tx);
    const current = await findCurrentSettings(tx, portalId);
    const version = (current?.version ?? 0) + 1;
    await tx
      .insertInto('settings_versions')
      .values({ portal_id: portalId, version, settings: JSON.stringify(settings), created_by: actor })
      .execute();
    await appendAudit(tx, {
      portalId,
      actor,
      action: 'settings.update',
      entity: `settings:v${version}`,
      before: current?.settings ?? null,
      after: settings,
    });
    return version;
  });
}
