import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/**
 * Drops a PostgreSQL schema and everything in it: for throwaway stores (benchmarks) that open a schema of
 * their own on a shared server. Never call it on the schema a service runs in.
 */
export async function dropSchema(db: Kysely<Database>, schema: string): Promise<void> {
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
}
