import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { storeWebhookEvents } from '../../store/repositories/webhook-events-repository.ts';
import type { SyncDeps } from '../../sync/sync-types.ts';
import { createWebhookProcessorLoop } from './webhook-processor-loop.ts';
import type { ProcessPortalWebhooks } from './webhook-processor.ts';

const noGateway: HubSpotGateway = {
  forPortal: () => {
    throw new Error('the loop never calls HubSpot itself');
  },
  forget: () => undefined,
};

/** A fake pass per call that the test finishes by hand; tracks overlap per portal. */
function controllablePasses() {
  const calls: number[] = [];
  const finishers: (() => void)[] = [];
  const running = new Map<number, number>();
  let maxOverlap = 0;
  const process: ProcessPortalWebhooks = async (_deps, portalId) => {
    calls.push(portalId);
    running.set(portalId, (running.get(portalId) ?? 0) + 1);
    maxOverlap = Math.max(maxOverlap, running.get(portalId) ?? 0);
    await new Promise<void>((resolve) => finishers.push(resolve));
    running.set(portalId, (running.get(portalId) ?? 1) - 1);
    return { events: 1, fetched: 0, apiCalls: 0 };
  };
  return {
    process,
    calls,
    maxOverlap: () => maxOverlap,
    finishAll: () => {
      for (const finish of finishers.splice(0)) finish();
    },
  };
}

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2_000) throw new Error('condition not met within 2 s');
    await tick(5);
  }
}

describe.each(testDatabaseTargets())('webhook processor loop on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: SyncDeps;
  let logLines: () => string[];

  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.deleteFrom('webhook_events').execute();
    const { logger, lines } = createCapturingLogger();
    logLines = lines;
    deps = { db: handle.db, gateway: noGateway, logger, now: () => new Date() };
  });

  it('when a portal is notified again and again during a pass, then exactly one more pass follows and passes never overlap', async () => {
    const passes = controllablePasses();
    const loop = createWebhookProcessorLoop(deps, {
      process: passes.process,
      debounceMs: 5,
      minPassIntervalMs: 0,
    }).start();

    loop.notify(7);
    loop.notify(7);
    await until(() => passes.calls.length === 1);
    loop.notify(7);
    loop.notify(7);
    loop.notify(8);
    await until(() => passes.calls.length === 2);
    passes.finishAll();
    await until(() => passes.calls.length === 3);
    passes.finishAll();
    await loop.whenIdle();

    expect(passes.calls.sort()).toEqual([7, 7, 8]);
    expect(passes.maxOverlap()).toBe(1);
    await loop.stop();
  });

  it('when a portal is notified right after a pass, then the next pass waits out the minimum interval', async () => {
    const starts: number[] = [];
    const loop = createWebhookProcessorLoop(deps, {
      debounceMs: 1,
      minPassIntervalMs: 200,
      process: () => {
        starts.push(performance.now());
        return Promise.resolve({ events: 1, fetched: 0, apiCalls: 0 });
      },
    }).start();

    loop.notify(4);
    await until(() => starts.length === 1);
    loop.notify(4);
    await until(() => starts.length === 2);
    await loop.whenIdle();

    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(195);
    await loop.stop();
  });

  it('when more portals are notified than may run at once, then the rest wait for a slot and all are processed', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const loop = createWebhookProcessorLoop(deps, {
      debounceMs: 1,
      maxConcurrentPortals: 2,
      process: async (_deps, portalId) => {
        running += 1;
        peak = Math.max(peak, running);
        await tick(15);
        running -= 1;
        seen.push(portalId);
        return { events: 1, fetched: 0, apiCalls: 0 };
      },
    }).start();

    for (const portalId of [1, 2, 3, 4, 5]) loop.notify(portalId);
    await until(() => seen.length === 5);
    await loop.whenIdle();

    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    await loop.stop();
  });

  it('when a pass fails, then the portal is retried after the retry delay and the failure is logged', async () => {
    let attempts = 0;
    const loop = createWebhookProcessorLoop(deps, {
      debounceMs: 1,
      retryDelayMs: 20,
      minPassIntervalMs: 0,
      process: () => {
        attempts += 1;
        return attempts === 1
          ? Promise.reject(new Error('HubSpot is down'))
          : Promise.resolve({ events: 1, fetched: 1, apiCalls: 1 });
      },
    }).start();

    loop.notify(3);
    await until(() => attempts === 2);
    await loop.whenIdle();

    expect(logLines().some((line) => line.includes('webhook processing failed'))).toBe(true);
    await loop.stop();
  });

  it('when the loop is built with events pending, then nothing runs until start(), whose sweep processes their portals', async () => {
    const stored = (portalId: number) => ({
      portalId,
      eventId: `${portalId}-1`,
      subscriptionType: 'company.creation',
      objectId: '1',
      occurredAt: new Date(),
      payload: {},
    });
    await storeWebhookEvents(handle.db, [stored(5), stored(6)]);
    const seen: number[] = [];

    const loop = createWebhookProcessorLoop(deps, {
      debounceMs: 1,
      process: (_deps, portalId) => {
        seen.push(portalId);
        return Promise.resolve({ events: 1, fetched: 0, apiCalls: 0 });
      },
    });
    loop.notify(5);
    await tick(30);
    expect(seen).toEqual([]);

    loop.start();
    await until(() => seen.length === 2);
    await loop.whenIdle();

    expect(seen.sort()).toEqual([5, 6]);
    await loop.stop();
  });

  it('when stopped, then the pass in flight is awaited and later notifications are ignored', async () => {
    const passes = controllablePasses();
    const loop = createWebhookProcessorLoop(deps, { process: passes.process, debounceMs: 1 }).start();
    loop.notify(9);
    await until(() => passes.calls.length === 1);

    const stopped = loop.stop();
    loop.notify(9);
    passes.finishAll();
    await stopped;
    await tick(20);

    expect(passes.calls).toEqual([9]);
  });
});
