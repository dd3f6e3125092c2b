import { sql, type Kysely } from 'kysely';

import { withCatalogueChange } from '../catalogue-lock.ts';
import type { Database } from '../database-schema.ts';

/**
 * Drops a PostgreSQL schema and everything in it: for throwaway stores (benchmarks) that open a schema of
 * their own on a shared server. Never call it on the schema a service runs in.
 */
export async function dropSchema(db: Kysely<Database>, schema: string): Promise<void> {
  await withCatalogueChange(db, async (trx) => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(trx);
  });
}

/**
 * Vacuums and analyses the given tables of the current schema, as autovacuum does some time after a bulk
 * load: a benchmark measuring steady use runs it first, so the measurement does not share the machine with it.
 */
export async function vacuumAnalyze(
  db: Kysely<Database>,
  tables: readonly (keyof Database)[],
): Promise<void> {
  await sql`vacuum analyze ${sql.join(tables.map((table) => sql.id(table)))}`.execute(db);
}
