import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { listSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import { findSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';
import { runSync } from './run-sync.ts';
import { baseProperties } from './sync-catalog.pure.ts';
import { sandboxSnapshot } from './testing/sandbox-truth.ts';
import { snapshotPortalStore } from './testing/store-snapshot.ts';
import { createTestGateway, sandboxStats, startFastSandbox, syncDeps } from './testing/sync-test-kit.ts';
import type { SyncSummary } from './sync-types.ts';

// Each test starts its own sandbox; run concurrently, the targets' 429 waits overlap.
describe('faults during sync', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when HubSpot answers with 5xx, dropped connections and 429 storms on $name, then the sync still ends with a complete, correct store',
    async (target) => {
      const sandbox = await startFastSandbox({
        companies: 120,
        seed: 68,
        faults: '5xx=0.1,drop=0.02,429burst=0.02',
      });
      const handle = await target.open();
      try {
        const deps = syncDeps(handle.db, createTestGateway(sandbox));
        // The gateway's retries absorb most faults; one it gives up on fails the run, and the next run resumes.
        const runs: SyncSummary[] = [];
        do runs.push(await runSync(deps, { portalId: sandbox.portalId, mode: 'full' }));
        while (runs.at(-1)?.status !== 'succeeded' && runs.length < 5);

        const stats = await sandboxStats(sandbox);
        expect(runs.at(-1)?.status).toBe('succeeded');
        expect(stats.faults['5xx']).toBeGreaterThan(0);
        expect(stats.faults.drop).toBeGreaterThan(0);
        expect(stats.faults['429burst']).toBeGreaterThan(0);
        const expected = sandboxSnapshot(sandbox.sandbox.world.defaultPortal, baseProperties);
        expect(await snapshotPortalStore(handle.db, sandbox.portalId)).toEqual(expected);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when the daily limit runs out mid-sync on $name, then the run fails with a clear message and keeps its checkpoint',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 100, seed: 3, dailyLimit: 12 });
      const handle = await target.open();
      try {
        const summary = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
          portalId: sandbox.portalId,
          mode: 'full',
        });

        expect(summary.status).toBe('failed');
        expect(summary.error).toMatch(/daily API limit/);
        const [run] = await listSyncRuns(handle.db, sandbox.portalId, 1);
        expect(run).toMatchObject({ status: 'failed', error: summary.error });
        // Owners, pipelines, a count, a page of companies and five of deals fit in the 12 calls; tickets stop midway.
        const tickets = await findSyncCheckpoint(handle.db, sandbox.portalId, 'tickets');
        expect(tickets).toMatchObject({
          phase: 'full',
          checkpoint: { after: expect.any(String), done: 200 },
        });
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
  );
});
