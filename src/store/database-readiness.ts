import { sql, type Kysely } from 'kysely';

import type { Database } from './database-schema.ts';
import { listPendingMigrations } from './migrate.ts';

export interface Readiness {
  isReady: boolean;
  detail: { database: 'up' | 'down'; pendingMigrations: string[] };
}

/** Never throws: a broken database is an answer ("not ready"), not an error. */
export async function checkDatabaseReadiness(db: Kysely<Database>): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
    const pendingMigrations = await listPendingMigrations(db);
    return { isReady: pendingMigrations.length === 0, detail: { database: 'up', pendingMigrations } };
  } catch {
    return { isReady: false, detail: { database: 'down', pendingMigrations: [] } };
  }
}
