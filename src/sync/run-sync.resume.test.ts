import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { listSyncRuns, startSyncRun } from '../store/repositories/sync-runs-repository.ts';
import { findSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';
import { runSync } from './run-sync.ts';
import { baseProperties } from './sync-catalog.pure.ts';
import { sandboxSnapshot } from './testing/sandbox-truth.ts';
import { snapshotPortalStore } from './testing/store-snapshot.ts';
import {
  createTestGateway,
  listCalls,
  mutateSandbox,
  resetSandboxStats,
  sandboxStats,
  startFastSandbox,
  syncDeps,
} from './testing/sync-test-kit.ts';
import type { SyncProgress } from './sync-types.ts';

/** Aborts the run once `when` holds for a progress update (checked after every committed page). */
function abortWhen(when: (progress: SyncProgress) => boolean): {
  signal: AbortSignal;
  onProgress: (progress: SyncProgress) => void;
} {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    onProgress: (progress) => {
      if (when(progress)) controller.abort();
    },
  };
}

describe.each(testDatabaseTargets())('abort and resume on $name', (target) => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 120, seed: 23 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when a full sync is aborted mid-way and run again, then the store equals an uninterrupted run and the list walk is not repeated', async () => {
    const clean = await target.open();
    const resumed = await target.open();
    try {
      const { portalId } = sandbox;
      await resetSandboxStats(sandbox);
      await runSync(syncDeps(clean.db, createTestGateway(sandbox)), { portalId, mode: 'full' });
      const cleanListCalls = listCalls((await sandboxStats(sandbox)).calls);
      const deps = syncDeps(resumed.db, createTestGateway(sandbox));
      const dead = await startSyncRun(resumed.db, portalId, 'full', new Date(Date.now() - 60_000));
      await resetSandboxStats(sandbox);

      const aborted = await runSync(deps, {
        portalId,
        mode: 'full',
        ...abortWhen((progress) => (progress.types.deals?.done ?? 0) >= 300),
      });
      const midway = await findSyncCheckpoint(resumed.db, portalId, 'deals');
      const again = await runSync(deps, { portalId, mode: 'incremental' });

      expect(aborted).toMatchObject({ status: 'failed', error: 'aborted' });
      expect(midway).toMatchObject({ phase: 'full', checkpoint: { after: expect.any(String), done: 300 } });
      expect(aborted.counts.tickets).toBeUndefined();
      expect(again.status).toBe('succeeded');
      expect(again.counts.companies?.written ?? 0).toBe(0);
      expect(await snapshotPortalStore(resumed.db, portalId)).toEqual(
        await snapshotPortalStore(clean.db, portalId),
      );
      const resumedListCalls = listCalls((await sandboxStats(sandbox)).calls);
      expect(resumedListCalls).toBeLessThan(2 * cleanListCalls);
      expect(resumedListCalls).toBeLessThanOrEqual(cleanListCalls + 1);
      const [last, first, before] = await listSyncRuns(resumed.db, portalId, 3);
      expect(first).toMatchObject({ id: aborted.runId, status: 'failed', error: 'aborted' });
      expect(last).toMatchObject({ id: again.runId, status: 'succeeded' });
      // A run left "running" by a process that died is marked failed by the next run.
      expect(before).toMatchObject({
        id: dead,
        status: 'failed',
        error: expect.stringContaining('checkpoint'),
      });
    } finally {
      await clean.close();
      await resumed.close();
    }
  });

  it('when an incremental sync is aborted while re-reading links and run again, then the store equals HubSpot', async () => {
    const handle = await target.open();
    try {
      const { portalId } = sandbox;
      const deps = syncDeps(handle.db, createTestGateway(sandbox));
      await runSync(deps, { portalId, mode: 'full' });
      await mutateSandbox(sandbox, 150);

      const aborted = await runSync(deps, {
        portalId,
        mode: 'incremental',
        ...abortWhen((progress) => progress.phase === 'associations'),
      });
      const again = await runSync(deps, { portalId, mode: 'incremental' });

      expect(aborted).toMatchObject({ status: 'failed', error: 'aborted' });
      expect(again.status).toBe('succeeded');
      const expected = sandboxSnapshot(sandbox.sandbox.world.defaultPortal, baseProperties);
      expect(await snapshotPortalStore(handle.db, portalId)).toEqual(expected);
    } finally {
      await handle.close();
    }
  });
});
