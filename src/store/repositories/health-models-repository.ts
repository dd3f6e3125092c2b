import { sql, type Kysely } from 'kysely';

import type { Database, HealthModelSource } from '../database-schema.ts';
import { appendAudit } from './audit-log-repository.ts';

export interface HealthModelVersion {
  version: number;
  /** The model as stored: parse it with healthModelSchema before use. */
  model: unknown;
  source: HealthModelSource;
  createdBy: string;
  createdAt: Date;
}

function toVersion(row: {
  version: number;
  model: Record<string, unknown>;
  source: HealthModelSource;
  created_by: string;
  created_at: Date;
}): HealthModelVersion {
  return {
    version: row.version,
    model: row.model,
    source: row.source,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** The portal's newest model version; undefined until a model was ever saved (the caller uses the default). */
export async function findCurrentHealthModel(
  db: Kysely<Database>,
  portalId: number,
): Promise<HealthModelVersion | undefined> {
  const row = await db
    .selectFrom('health_models')
    .select(['version', 'model', 'source', 'created_by', 'created_at'])
    .where('portal_id', '=', portalId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toVersion(row);
}

export async function findHealthModelVersion(
  db: Kysely<Database>,
  portalId: number,
  version: number,
): Promise<HealthModelVersion | undefined> {
  const row = await db
    .selectFrom('health_models')
    .select(['version', 'model', 'source', 'created_by', 'created_at'])
    .where('portal_id', '=', portalId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && toVersion(row);
}

/** Every version, newest first. */
export async function listHealthModelVersions(
  db: Kysely<Database>,
  portalId: number,
): Promise<HealthModelVersion[]> {
  const rows = await db
    .selectFrom('health_models')
    .select(['version', 'model', 'source', 'created_by', 'created_at'])
    .where('portal_id', '=', portalId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toVersion);
}

/**
 * Serialises every change of the portal's model until the caller's transaction ends (a save takes it too; a
 * transaction may take it again). Take it before reading the current version to decide on a change.
 */
export async function lockHealthModels(tx: Kysely<Database>, portalId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`health_model:${portalId}`}, 0))`.execute(tx);
}

/**
 * Saves `model` as the portal's next version and audits it ('health_model.update', before = the previous model
 * or null) in the same transaction; inside a caller's transaction it joins it. Returns the new version.
 */
export async function saveHealthModelVersion(
  db: Kysely<Database>,
  portalId: number,
  model: unknown,
  options: { source: HealthModelSource; actor: string },
): Promise<number> {
  const write = async (tx: Kysely<Database>): Promise<number> => {
    // Two saves at once would otherwise both read version N and collide on N+1.
    await lockHealthModels(tx, portalId);
    const current = await findCurrentHealthModel(tx, portalId);
    const version = (current?.version ?? 0) + 1;
    await tx
      .insertInto('health_models')
      .values({
        portal_id: portalId,
        version,
        model: JSON.stringify(model),
        source: options.source,
        created_by: options.actor,
      })
      .execute();
    await appendAudit(tx, {
      portalId,
      actor: options.actor,
      action: 'health_model.update',
      entity: `health_model:v${version}`,
      before: current?.model ?? null,
      after: model,
    });
    return version;
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}
