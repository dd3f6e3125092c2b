import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { tryAcquireLease } from '../store/repositories/job-leases-repository.ts';
import { listSyncRuns, startSyncRun } from '../store/repositories/sync-runs-repository.ts';
import { storeWebhookEvents } from '../store/repositories/webhook-events-repository.ts';
import type { RunSync } from '../sync/sync-types.ts';
import { incrementalSyncJob } from './incremental-sync.job.ts';
import type { JobDeps } from './job.ts';
import { nightlyReconcileJob } from './nightly-reconcile.job.ts';
import { createScheduler, isValidCronExpression, type SchedulerOptions } from './scheduler.ts';
import {
  createFakeSync,
  createRecordingProcessor,
  installPortals,
  unreachableGateway,
} from './testing/fake-sync.ts';
import { webhookProcessingJob } from '../webhooks/webhook-processing.job.ts';

const t0 = new Date('2026-11-24T10:00:00Z');
const incremental = incrementalSyncJob('*/5 * * * *');
const reconcile = nightlyReconcileJob('15 3 * * *');

describe.each(testDatabaseTargets())('scheduler on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    for (const table of ['job_leases', 'sync_runs', 'portals', 'webhook_events'] as const) {
      await handle.db.deleteFrom(table).execute();
    }
  });

  function schedulerFor(
    owner: string,
    runSync: RunSync,
    overrides: Partial<SchedulerOptions> & {
      now?: () => Date;
      webhookProcessor?: JobDeps['webhookProcessor'];
    } = {},
  ) {
    const { logger, lines } = createCapturingLogger();
    const deps: JobDeps = {
      db: handle.db,
      gateway: unreachableGateway,
      logger,
      now: overrides.now ?? (() => t0),
      runSync,
      webhookProcessor: overrides.webhookProcessor ?? createRecordingProcessor(),
    };
    return { scheduler: createScheduler({ deps, jobs: [], owner, ...overrides }), lines };
  }

  it('when two instances tick at once, then each portal is synced exactly once', async () => {
    await installPortals(handle.db, [101, 102, 103]);
    const fake = createFakeSync({ isHeld: true });
    const a = schedulerFor('instance-a', fake.runSync);
    const b = schedulerFor('instance-b', fake.runSync);
    const ticks = Promise.all([a.scheduler.runNow(incremental), b.scheduler.runNow(incremental)]);
    // Released only once all six attempts are decided: a run let go early would free its lease for a latecomer.
    const skipped = () =>
      [...a.lines(), ...b.lines()].filter((line) => line.includes('another instance holds the lease')).length;
    await waitFor(() => fake.calls.length + skipped() === 6);
    fake.release();
    const [resultsA, resultsB] = await ticks;
    expect(fake.calls.map((call) => call.portalId).sort()).toEqual([101, 102, 103]);
    for (const portalId of [101, 102, 103]) {
      expect([resultsA.get(portalId), resultsB.get(portalId)].sort()).toEqual(['leased-elsewhere', 'ran']);
    }
    expect(await handle.db.selectFrom('job_leases').selectAll().execute()).toEqual([]);
  });

  it('when a dead instance left its lease, then the portal is skipped until the lease expires and then synced', async () => {
    await installPortals(handle.db, [201]);
    await tryAcquireLease(handle.db, { portalId: 201, job: 'sync', owner: 'dead', ttlMs: 120_000 }, t0);
    await startSyncRun(handle.db, 201, 'full', t0);
    let now = new Date(t0.getTime() + 60_000);
    const fake = createFakeSync();
    const { scheduler } = schedulerFor('survivor', fake.runSync, { now: () => now });
    expect((await scheduler.runNow(incremental)).get(201)).toBe('leased-elsewhere');
    expect(fake.calls).toEqual([]);

    now = new Date(t0.getTime() + 120_001);
    expect((await scheduler.runNow(incremental)).get(201)).toBe('ran');
    // The dead run is closed; the engine resumes its work from the checkpoint.
    const runs = await listSyncRuns(handle.db, 201);
    expect(runs.map((run) => [run.mode, run.status])).toEqual([
      ['incremental', 'succeeded'],
      ['full', 'failed'],
    ]);
  });

  it('when the jobs tick, then the incremental job asks for incremental runs and the nightly one for reconcile runs', async () => {
    await installPortals(handle.db, [301]);
    const fake = createFakeSync();
    const { scheduler } = schedulerFor('solo', fake.runSync);
    await scheduler.runNow(incremental);
    await scheduler.runNow(reconcile);
    expect(fake.calls.map((call) => [call.portalId, call.mode])).toEqual([
      [301, 'incremental'],
      [301, 'reconcile'],
    ]);
  });

  it('when a run is still going, then the next tick of any job sharing its lease skips that portal', async () => {
    await installPortals(handle.db, [401]);
    const fake = createFakeSync({ isHeld: true });
    const { scheduler } = schedulerFor('solo', fake.runSync);
    const first = scheduler.runNow(incremental);
    await waitFor(() => fake.calls.length === 1);
    expect((await scheduler.runNow(incremental)).get(401)).toBe('running-here');
    expect((await scheduler.runNow(reconcile)).get(401)).toBe('running-here');
    fake.release();
    expect((await first).get(401)).toBe('ran');
    expect(fake.calls).toHaveLength(1);
  });

  it('when a run throws, then the error is logged with its code, the process carries on and the lease is freed', async () => {
    await installPortals(handle.db, [501, 502]);
    const failing = createFakeSync({
      throws: new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot answered 503 three times'),
    });
    const { scheduler, lines } = schedulerFor('solo', failing.runSync);
    const results = await scheduler.runNow(incremental);
    expect([...results.values()]).toEqual(['failed', 'failed']);
    const failures = lines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.code === 'HUBSPOT_UNAVAILABLE');
    expect(failures.map((line) => line.portalId).sort()).toEqual([501, 502]);
    expect(failures[0]).toMatchObject({ job: 'incremental-sync', level: 50 });
    expect(await handle.db.selectFrom('job_leases').selectAll().execute()).toEqual([]);
  });

  it('when the sync reports a failure, then it is logged as SYNC_FAILED', async () => {
    await installPortals(handle.db, [601]);
    const { scheduler, lines } = schedulerFor('solo', createFakeSync({ fail: 'boom' }).runSync);
    expect((await scheduler.runNow(incremental)).get(601)).toBe('ran');
    expect(lines().some((line) => line.includes('"code":"SYNC_FAILED"') && line.includes('boom'))).toBe(true);
  });

  it('when a run outlives the lease TTL, then heartbeats keep other instances out', async () => {
    await installPortals(handle.db, [701]);
    const fake = createFakeSync({ isHeld: true });
    const timing = { leaseTtlMs: 300, heartbeatMs: 50, now: () => new Date() };
    const a = schedulerFor('instance-a', fake.runSync, timing).scheduler;
    const b = schedulerFor('instance-b', fake.runSync, timing).scheduler;
    const first = a.runNow(incremental);
    await waitFor(() => fake.calls.length === 1);
    await sleep(700);
    expect((await b.runNow(incremental)).get(701)).toBe('leased-elsewhere');
    fake.release();
    expect((await first).get(701)).toBe('ran');
    expect(fake.calls).toHaveLength(1);
  });

  it('when the scheduler stops, then runs in flight are aborted and awaited, and nothing new starts', async () => {
    await installPortals(handle.db, [801]);
    const fake = createFakeSync({ isHeld: true });
    const { scheduler, lines } = schedulerFor('solo', fake.runSync);
    const running = scheduler.runNow(incremental);
    await waitFor(() => fake.calls.length === 1);
    expect(await scheduler.stop(5_000)).toBe(true);
    await running;
    expect((await listSyncRuns(handle.db, 801))[0]?.status).toBe('failed');
    expect((await scheduler.runNow(incremental)).size).toBe(0);
    expect(lines().some((line) => line.includes('"level":50'))).toBe(false);
    expect(lines().some((line) => line.includes('resumes from its checkpoint'))).toBe(true);
  });

  it('when webhook events wait for some portals, then the sweep hands exactly those portals to the processor', async () => {
    await installPortals(handle.db, [901, 902, 903]);
    await storeWebhookEvents(handle.db, [
      {
        portalId: 901,
        eventId: '1',
        subscriptionType: 'company.creation',
        objectId: '5',
        occurredAt: t0,
        payload: {},
      },
      {
        portalId: 903,
        eventId: '2',
        subscriptionType: 'deal.creation',
        objectId: '6',
        occurredAt: t0,
        payload: {},
      },
    ]);
    const processor = createRecordingProcessor();
    const { scheduler } = schedulerFor('solo', createFakeSync().runSync, { webhookProcessor: processor });
    const results = await scheduler.runNow(webhookProcessingJob());
    expect([...results.keys()]).toEqual([901, 903]);
    expect(processor.notified).toEqual([901, 903]);
    expect(await handle.db.selectFrom('job_leases').selectAll().execute()).toEqual([]);
  });
});

describe('cron expressions', () => {
  it.each([
    ['*/5 * * * *', true],
    ['15 3 * * *', true],
    ['*/5 * * * * *', true],
    ['every 5 minutes', false],
    ['61 * * * *', false],
  ])('when the expression is %j, then it is valid: %s', (expression, isValid) => {
    expect(isValidCronExpression(expression)).toBe(isValid);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !condition(); attempt += 1) await sleep(10);
  if (!condition()) throw new Error('condition not met in 5 s');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
