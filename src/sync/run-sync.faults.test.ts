import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { createSkippingClock } from '../hubspot/testing/skipping-clock.ts';
import { listSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import { findSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';
import { runSync } from './run-sync.ts';
import { baseProperties } from './sync-catalog.pure.ts';
import { sandboxSnapshot } from './testing/sandbox-truth.ts';
import { snapshotPortalStore } from './testing/store-snapshot.ts';
import { createTestGateway, sandboxStats, startFastSandbox, syncDeps } from './testing/sync-test-kit.ts';

// Each test starts its own sandbox; the gateway's waits run on a skipping clock, so they cost no time.
describe('faults during sync', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when HubSpot answers with 5xx, dropped connections and bursts of eight 429s on $name, then ONE sync run succeeds with a complete, correct store',
    async (target) => {
      // Every burst is 8 consecutive 429s: more than the 6 tries a 5xx gets, so a gateway that counted 429s
      // as failures would give up mid-run.
      const sandbox = await startFastSandbox({
        companies: 120,
        seed: 68,
        faults: '5xx=0.1,drop=0.02,429burst=0.02:8',
      });
      const handle = await target.open();
      const clock = createSkippingClock();
      try {
        const deps = syncDeps(handle.db, createTestGateway(sandbox, { clock }));
        const summary = await runSync(deps, { portalId: sandbox.portalId, mode: 'full' });

        const stats = await sandboxStats(sandbox);
        expect(summary).toMatchObject({ status: 'succeeded' });
        expect(stats.faults['5xx']).toBeGreaterThan(0);
        expect(stats.faults.drop).toBeGreaterThan(0);
        expect(stats.faults['429burst']).toBeGreaterThanOrEqual(8);
        // The sandbox's 429s say Retry-After: 1; each was waited out (on the skipping clock), none cut short.
        const rateLimited = stats.rateLimited.TEN_SECONDLY_ROLLING ?? 0;
        expect(clock.sleeps().filter((ms) => ms === 1_000).length).toBeGreaterThanOrEqual(rateLimited);
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
