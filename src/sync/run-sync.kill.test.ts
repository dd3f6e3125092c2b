import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { openDatabase } from '../store/open-database.ts';
import { listSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import { runSync } from './run-sync.ts';
import { snapshotPortalStore, type StoreSnapshot } from './testing/store-snapshot.ts';
import { createTestGateway, startFastSandbox, syncDeps } from './testing/sync-test-kit.ts';
import { killTargets } from '../../test/support/kill-targets.ts';

const childScript = fileURLToPath(new URL('./testing/run-sync-child.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const targets = killTargets(process.env.TEST_DATABASE_URL);

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
