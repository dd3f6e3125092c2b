import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from './open-database.ts';
import { releaseLease, tryAcquireLease } from './repositories/job-leases-repository.ts';
import { listPipelineStages, replacePipelineStages } from './repositories/pipeline-stages-repository.ts';
import {
  failAbandonedSyncRuns,
  finishSyncRun,
  listSyncRuns,
  startSyncRun,
  updateSyncRunProgress,
} from './repositories/sync-runs-repository.ts';

const t0 = new Date('2026-11-24T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe.each(testDatabaseTargets())('sync bookkeeping on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when two instances race for the same lease, then exactly one wins, and the other wins once it expires', async () => {
    const lease = { portalId: 1, job: 'sync', ttlMs: 60_000 };
    const results = await Promise.all([
      tryAcquireLease(handle.db, { ...lease, owner: 'a' }, t0),
      tryAcquireLease(handle.db, { ...lease, owner: 'b' }, t0),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'a' : 'b';
    const loser = winner === 'a' ? 'b' : 'a';
    expect(await tryAcquireLease(handle.db, { ...lease, owner: winner }, later(30_000))).toBe(true);
    expect(await tryAcquireLease(handle.db, { ...lease, owner: loser }, later(60_000))).toBe(false);
    expect(await tryAcquireLease(handle.db, { ...lease, owner: loser }, later(90_001))).toBe(true);
    await releaseLease(handle.db, { ...lease, owner: loser });
    expect(await tryAcquireLease(handle.db, { ...lease, owner: winner }, later(90_002))).toBe(true);
  });

  it('when a run is started, updated and finished, then the status history shows it newest first', async () => {
    const first = await startSyncRun(handle.db, 2, 'full', t0);
    await updateSyncRunProgress(handle.db, first, { companies: { done: 50 } }, 7);
    await finishSyncRun(
      handle.db,
      first,
      { status: 'succeeded', apiCalls: 9, progress: { companies: { done: 100 } } },
      later(1000),
    );
    await startSyncRun(handle.db, 2, 'incremental', later(2000));
    expect(await failAbandonedSyncRuns(handle.db, 2, later(3000))).toBe(1);
    const runs = await listSyncRuns(handle.db, 2);
    expect(runs.map((run) => [run.mode, run.status])).toEqual([
      ['incremental', 'failed'],
      ['full', 'succeeded'],
    ]);
    expect(runs[1]).toMatchObject({ apiCalls: 9, progress: { companies: { done: 100 } } });
  });

  it('when pipelines are read again, then the stored stages are exactly the new ones', async () => {
    const stage = {
      objectType: 'deals' as const,
      pipelineId: 'default',
      pipelineLabel: 'Sales',
      displayOrder: 0,
      isClosed: false,
      isWon: false,
    };
    await replacePipelineStages(
      handle.db,
      3,
      'deals',
      [
        { ...stage, stageId: 'a', stageLabel: 'A' },
        { ...stage, stageId: 'won', stageLabel: 'Won', isClosed: true, isWon: true, displayOrder: 1 },
      ],
      t0,
    );
    await replacePipelineStages(
      handle.db,
      3,
      'deals',
      [{ ...stage, stageId: 'won', stageLabel: 'Won', isClosed: true, isWon: true }],
      t0,
    );
    expect((await listPipelineStages(handle.db, 3, 'deals')).map((s) => s.stageId)).toEqual(['won']);
  });
});
