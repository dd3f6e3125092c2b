import { randomBytes } from 'node:crypto';

import { migrateToLatest } from '../../src/store/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../../src/store/open-database.ts';
import { dropSchema } from '../../src/store/repositories/schemas-repository.ts';

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database (migrated unless told otherwise); `close` also removes it. */
  open(options?: { migrate?: boolean }): Promise<DatabaseHandle>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, each open in a schema of its own. */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [
    { name: 'pglite', open: (options) => openPglite(options?.migrate ?? true) },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url !== undefined && url !== '') {
    targets.push({ name: 'postgres', open: (options) => openPostgres(url, options?.migrate ?? true) });
  }
  return targets;
}

async function openPglite(migrate: boolean): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir: 'memory://', schema: 'public' });
  if (migrate) await migrateToLatest(handle.db);
  return handle;
}

async function openPostgres(url: string, migrate: boolean): Promise<DatabaseHandle> {
  const schema = `harbor_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase({ databaseUrl: url, dataDir: 'unused', schema });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await dropSchema(handle.db, schema);
      await handle.close();
    },
  };
}
