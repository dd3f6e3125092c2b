import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../store/open-database.ts';
import { listSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import { runSync } from './run-sync.ts';
import { snapshotPortalStore, type StoreSnapshot } from './testing/store-snapshot.ts';
import { createTestGateway, startFastSandbox, syncDeps } from './testing/sync-test-kit.ts';

const childScript = fileURLToPath(new URL('./testing/run-sync-child.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

interface KillTarget {
  name: string;
  /** The child's database settings, the parent's way in (after the child is gone), and clean-up. */
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
      const schema = `harbor_kill_${process.pid}_${randomBytes(4).toString('hex')}`;
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
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
          await handle.close();
        },
      };
    },
  };
}

const url = process.env.TEST_DATABASE_URL;
const targets = [pgliteDir, ...(url === undefined || url === '' ? [] : [postgres(url)])];

/** Runs the child sync and kills it with SIGKILL once it has committed `afterDeals` deals. */
async function killMidSync(sandbox: RunningSandbox, database: object, afterDeals: number): Promise<string[]> {
  const args = {
    baseUrl: sandbox.baseUrl,
    accessToken: sandbox.accessToken,
    portalId: sandbox.portalId,
    mode: 'full',
    database,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(args)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.once('exit', (_code, signal) => {
      resolve(signal);
    });
  });
  for await (const line of createInterface({ input: child.stdout })) {
    lines.push(line);
    const progress = JSON.parse(line) as { types?: { deals?: { done: number } } };
    if ((progress.types?.deals?.done ?? 0) >= afterDeals) {
      child.kill('SIGKILL');
      break;
    }
  }
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`child was not killed (signal ${String(signal)}): ${stderr}`);
  return lines;
}

describe('a sync killed with SIGKILL', () => {
  let sandbox: RunningSandbox;
  let reference: StoreSnapshot;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 300, seed: 29 });
    const handle = await openDatabase({ dataDir: 'memory://', schema: 'public' });
    await migrateToLatest(handle.db);
    await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
      portalId: sandbox.portalId,
      mode: 'full',
    });
    reference = await snapshotPortalStore(handle.db, sandbox.portalId);
    await handle.close();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it.concurrent.each(targets)(
    'when the process dies mid-sync on $name and the sync runs again, then the store equals an uninterrupted run',
    async (target) => {
      const prepared = await target.prepare();
      try {
        const lines = await killMidSync(sandbox, prepared.database, 300);
        expect(lines.some((line) => line.includes('"summary"'))).toBe(false);

        const handle = await prepared.open();
        try {
          const summary = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
            portalId: sandbox.portalId,
            mode: 'full',
          });

          expect(summary.status).toBe('succeeded');
          expect(summary.counts.companies).toBeUndefined();
          expect(await snapshotPortalStore(handle.db, sandbox.portalId)).toEqual(reference);
          const [resumed, killed] = await listSyncRuns(handle.db, sandbox.portalId, 2);
          expect(resumed?.status).toBe('succeeded');
          expect(killed).toMatchObject({ status: 'failed', error: expect.stringContaining('stopped') });
        } finally {
          await handle.close();
        }
      } finally {
        await prepared.cleanup();
      }
    },
    60_000,
  );
});
