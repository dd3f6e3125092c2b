import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openDatabase, type DatabaseHandle } from '../src/store/open-database.ts';
import { dropSchema } from '../src/store/repositories/schemas-repository.ts';

/**
 * A throwaway store for benchmarks: a schema of its own on DATABASE_URL (dropped afterwards), or PGlite in a
 * temporary folder (deleted afterwards).
 */
export async function openBenchDatabase(
  name: string,
): Promise<{ database: DatabaseHandle; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const schema = `harbor_${name.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
    const database = await openDatabase({ databaseUrl: url, dataDir: 'unused', schema });
    return {
      database,
      cleanup: async () => {
        await dropSchema(database.db, schema);
        await database.close();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), `harbor-${name}-`));
  const database = await openDatabase({ dataDir: join(dir, 'pglite'), schema: 'public' });
  return {
    database,
    cleanup: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
