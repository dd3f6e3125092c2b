import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';

import { AppError } from '../shared/errors/app-error.ts';
import { withCatalogueRead } from './catalogue-lock.ts';
import type { Database } from './database-schema.ts';
import { migrationProvider } from './migrations/index.ts';

/**
 * Kysely looks for its bookkeeping tables in every schema unless told which one, so two Harbor schemas in one
 * PostgreSQL database would see each other's; pin it to the schema this connection works in.
 */
async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  return new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema });
}

/** Applies every pending migration; safe to run again and from several instances (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results = [] } = await withCatalogueRead(db, async (connection) =>
    (await createMigrator(connection)).migrateToLatest(),
  );
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('INTERNAL', `Database migration ${failed} failed`, {
      cause: error,
      isOperational: false,
    });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Names of migrations known to the code but not yet applied to this database. */
export async function listPendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await withCatalogueRead(db, async (connection) =>
    (await createMigrator(connection)).getMigrations(),
  );
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
