import { sql, type Kysely } from 'kysely';

import type { Database } from './database-schema.ts';

/**
 * Kysely's migrator reads the catalogue of every schema in the database and resolves each by name, so a schema
 * dropped at that moment (another Harbor store on the same server being removed: a benchmark's, a test's) fails
 * the migration with "schema does not exist". Readers of the catalogue hold this advisory lock shared and a
 * schema drop holds it exclusively; a session lock on one pooled connection, because the migrator runs its own
 * transactions.
 */
const catalogueLockKey = 7_305_001;

export async function withCatalogueRead<T>(
  db: Kysely<Database>,
  work: (connection: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock_shared(${catalogueLockKey})`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock_shared(${catalogueLockKey})`.execute(connection);
    }
  });
}

export async function withCatalogueChange<T>(
  db: Kysely<Database>,
  work: (connection: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${catalogueLockKey})`.execute(trx);
    return work(trx);
  });
}
