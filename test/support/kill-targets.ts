import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { migrateToLatest } from '../../src/store/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../../src/store/open-database.ts';
import { dropSchema } from '../../src/store/repositories/schemas-repository.ts';

/** A database a child process and then the test itself open in turn (an in-memory one would die with the child). */
export interface KillTarget {
  name: string;
  prepare(): Promise<{
    database: { url?: string; schema: string; dataDir: string };
    open(): Promise<DatabaseHandle>;
    cleanup(): Promise<void>;
  }>;
}

const pgliteDir: KillTarget = {
  name: 'pglite in a data folder',
  async prepare() {
    const dataDir = await mkdtemp(join(tmpdir(), 'harbor-kill-'));
    const open = (): Promise<DatabaseHandle> => openDatabase({ dataDir, schema: 'public' });
    const setup = await open();
    await migrateToLatest(setup.db);
    await setup.close();
    return {
      database: { dataDir, schema: 'public' },
      open,
      cleanup: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

function postgres(url: string): KillTarget {
  return {
    name: 'postgres',
    async prepare() {
      const schema = `harbor_task_kill_${process.pid}_${randomBytes(4).toString('hex')}`;
      const open = (): Promise<DatabaseHandle> =>
        openDatabase({ databaseUrl: url, dataDir: 'unused', schema });
      const setup = await open();
      await migrateToLatest(setup.db);
      await setup.close();
      return {
        database: { url, schema, dataDir: 'unused' },
        open,
        cleanup: async () => {
          const handle = await open();
          await dropSchema(handle.db, schema);
          await handle.close();
        },
      };
    },
  };
}

/** PGlite in a folder always; PostgreSQL too when given its URL (the test passes TEST_DATABASE_URL). */
export function killTargets(url: string | undefined): KillTarget[] {
  return [pgliteDir, ...(url === undefined || url === '' ? [] : [postgres(url)])];
}
