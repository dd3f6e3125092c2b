import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { saveSettingsVersion } from '../store/repositories/settings-repository.ts';
import { listSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import { runSync } from './run-sync.ts';
import { propertiesFor } from './sync-catalog.pure.ts';
import { floorCalls, sandboxSnapshot } from './testing/sandbox-truth.ts';
import { snapshotPortalStore } from './testing/store-snapshot.ts';
import {
  createQuietLogger,
  createTestGateway,
  resetSandboxStats,
  sandboxStats,
  startFastSandbox,
  syncDeps,
} from './testing/sync-test-kit.ts';
import { syncedObjectTypes, type SyncProgress } from './sync-types.ts';

describe.each(testDatabaseTargets())('full sync on $name', (target) => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 300, seed: 7 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when a generated portal is synced in full, then the store holds exactly its live records, links, stages and owners within 1.15 × the floor calls', async () => {
    const handle = await target.open();
    try {
      const { db } = handle;
      const { portalId } = sandbox;
      await saveSettingsVersion(
        db,
        portalId,
        { mappedProperties: { companies: ['industry', 'Bad Name!'] } },
        'test',
      );
      const { logger, lines } = createQuietLogger();
      const progress: SyncProgress[] = [];
      await resetSandboxStats(sandbox);

      const summary = await runSync(syncDeps(db, createTestGateway(sandbox), logger), {
        portalId,
        mode: 'full',
        onProgress: (update) => progress.push(update),
      });

      const store = sandbox.sandbox.world.defaultPortal;
      const properties = Object.fromEntries(
        syncedObjectTypes.map((type) => [type, propertiesFor(type, { companies: ['industry'] })]),
      ) as Record<(typeof syncedObjectTypes)[number], string[]>;
      const expected = sandboxSnapshot(store, properties);
      const actual = await snapshotPortalStore(db, portalId);
      expect(summary).toMatchObject({ status: 'succeeded', mode: 'full', portalId });
      for (const type of syncedObjectTypes) {
        expect(actual.records[type], type).toEqual(expected.records[type]);
        expect(summary.counts[type]?.written).toBe(expected.records[type].length);
      }
      expect(actual.records.companies[0]?.properties.industry).toEqual(expect.any(String));
      expect(actual.links).toEqual(expected.links);
      expect(actual.links.filter((link) => link.startsWith('feedback_submissions')).length).toBeGreaterThan(
        500,
      );
      expect(actual.owners).toEqual(expected.owners);
      expect(actual.stages).toEqual(expected.stages);
      expect(actual.stages).toContainEqual({ key: 'deals/default/closedwon', isClosed: true, isWon: true });
      expect(actual.stages).toContainEqual({ key: 'deals/default/closedlost', isClosed: true, isWon: false });
      expect(actual.stages).toContainEqual({ key: 'tickets/0/4', isClosed: true, isWon: false });

      const floor = floorCalls(store);
      const stats = await sandboxStats(sandbox);
      expect(summary.apiCalls).toBe(stats.totalCalls);
      expect(summary.apiCalls / floor).toBeLessThanOrEqual(1.15);

      const first = progress.find((update) => update.phase === 'companies');
      expect(Object.keys(first?.types ?? {}).sort()).toEqual([...syncedObjectTypes].sort());
      const last = progress.at(-1);
      expect(last?.phase).toBe('done');
      expect(last?.types.companies).toEqual({ done: 300, estimatedTotal: 300 });
      expect(progress.some((update) => update.etaSeconds !== undefined)).toBe(true);
      const [run] = await listSyncRuns(db, portalId, 1);
      expect(run).toMatchObject({ id: summary.runId, status: 'succeeded', apiCalls: summary.apiCalls });
      expect(run?.progress).toMatchObject({ phase: 'done', typeCalls: { companies: expect.any(Number) } });
      expect(lines().filter((line) => line.includes('"sync progress"')).length).toBeLessThan(10);
    } finally {
      await handle.close();
    }
  });

  it('when a full sync runs again on a synced store, then nothing changes and nothing is archived', async () => {
    const handle = await target.open();
    try {
      const deps = syncDeps(handle.db, createTestGateway(sandbox));
      await runSync(deps, { portalId: sandbox.portalId, mode: 'full' });
      const before = await snapshotPortalStore(handle.db, sandbox.portalId);

      const again = await runSync(deps, { portalId: sandbox.portalId, mode: 'reconcile' });

      expect(again.status).toBe('succeeded');
      expect(Object.values(again.counts).every((count) => count.archived === 0)).toBe(true);
      expect(await snapshotPortalStore(handle.db, sandbox.portalId)).toEqual(before);
    } finally {
      await handle.close();
    }
  });
});
