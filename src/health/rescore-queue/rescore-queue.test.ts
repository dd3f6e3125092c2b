import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { releaseLease, tryAcquireLease } from '../../store/repositories/job-leases-repository.ts';
import { loadPendingRescores } from '../../store/repositories/rescore-queue-repository.ts';
import { createRescoreQueue, type RescoreQueue } from './rescore-queue.ts';

const t0 = Date.parse('2026-12-01T09:00:00.000Z');
const portals = [7001, 7002];

/** Lets the other worker's database round trips in, without any timer. */
async function yieldTurns(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

interface Ledger {
  /** Every request and every rescoring start, in the order they happened. */
  events: { kind: 'request' | 'rescore'; key: string; seq: number }[];
  /** Companies found in two rescorings at once. */
  overlaps: string[];
}

describe.each(testDatabaseTargets())('the rescore queue on $name', (target) => {
  let handle: DatabaseHandle;
  let clock = t0;
  const now = (): Date => new Date(clock);
  const { logger } = createCapturingLogger();

  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.deleteFrom('rescore_requests').execute();
    await handle.db.deleteFrom('job_leases').execute();
    clock = t0;
  });

  /** Two instances' queues on one database, sharing a ledger of what each rescoring saw. */
  function twoInstances(
    rescore: (portalId: number, companyIds: readonly string[]) => Promise<void>,
  ): RescoreQueue[] {
    return ['instance-a', 'instance-b'].map((owner) =>
      createRescoreQueue({
        db: handle.db,
        logger,
        now,
        leaseOwner: `${owner}:rescore`,
        batchSize: 7,
        rescore,
      }),
    );
  }

  it('when two instances drain one queue while webhooks keep asking, then no company is ever rescored twice at once and every request is followed by a rescoring', async () => {
    const ledger: Ledger = { events: [], overlaps: [] };
    let seq = 0;
    const inFlight = new Set<string>();
    let queues: RescoreQueue[] = [];
    let rescorings = 0;
    const ask = async (queue: RescoreQueue, portalId: number, companyIds: string[]): Promise<void> => {
      await queue.request(portalId, companyIds);
      for (const id of companyIds)
        ledger.events.push({ kind: 'request', key: `${portalId}:${id}`, seq: seq++ });
    };
    queues = twoInstances(async (portalId, companyIds) => {
      rescorings += 1;
      const keys = companyIds.map((id) => `${portalId}:${id}`);
      for (const key of keys) {
        if (inFlight.has(key)) ledger.overlaps.push(key);
        inFlight.add(key);
        ledger.events.push({ kind: 'rescore', key, seq: seq++ });
      }
      clock += 1_000;
      // Webhooks for companies being scored right now arrive mid-rescoring, through the other instance.
      if (rescorings <= 4) await ask(queues[rescorings % 2]!, portalId, companyIds.slice(0, 2));
      await yieldTurns(5);
      for (const key of keys) inFlight.delete(key);
    });
    const companies = Array.from({ length: 30 }, (_, index) => `c${String(index).padStart(2, '0')}`);
    for (const portalId of portals) await ask(queues[0]!, portalId, companies);

    // Each instance drains each portal the way its webhook intake and its periodic job would, side by side.
    const outcomes = await Promise.all(
      queues.flatMap((queue) =>
        portals.flatMap((portalId) => [queue.drain(portalId), queue.drain(portalId)]),
      ),
    );
    for (const queue of queues) for (const portalId of portals) await queue.drain(portalId);

    expect(ledger.overlaps).toEqual([]);
    expect(outcomes.map((outcome) => outcome.status)).toContain('busy');
    for (const portalId of portals) expect(await loadPendingRescores(handle.db, portalId, 10)).toEqual([]);
    const lost = ledger.events
      .filter((event) => event.kind === 'request')
      .filter(
        (request) =>
          !ledger.events.some(
            (event) => event.kind === 'rescore' && event.key === request.key && event.seq > request.seq,
          ),
      );
    expect(lost).toEqual([]);
    // Coalesced: 60 companies and 8 requests made mid-rescoring, far fewer rescorings than requests.
    expect(ledger.events.filter((event) => event.kind === 'rescore')).toHaveLength(68);
  });

  it('when a company is asked for while it is being rescored, then it is rescored again right after, by the instance holding the portal', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rescored: { companyIds: readonly string[]; at: number }[] = [];
    const [first, second] = twoInstances(async (_portalId, companyIds) => {
      rescored.push({ companyIds, at: clock });
      if (rescored.length === 1) await blocked;
    });
    await first!.request(portals[0]!, ['c1', 'c2']);
    const running = first!.drain(portals[0]!);
    while (rescored.length === 0) await yieldTurns(1);

    clock += 5_000;
    const asked = clock;
    const meanwhile = await second!.requestAndDrain(portals[0]!, ['c2']);
    expect(meanwhile).toEqual({ status: 'busy', companies: 0 });
    release();

    expect(await running).toEqual({ status: 'drained', companies: 3 });
    expect(rescored).toEqual([
      { companyIds: ['c1', 'c2'], at: t0 },
      { companyIds: ['c2'], at: asked },
    ]);
    expect(await loadPendingRescores(handle.db, portals[0]!, 10)).toEqual([]);
  });

  it('when a sync holds the portal, then the companies stay queued and the first drain after the sync rescores them once', async () => {
    const rescored: (readonly string[])[] = [];
    const [queue] = twoInstances((_portalId, companyIds) => {
      rescored.push(companyIds);
      return Promise.resolve();
    });
    const sync = { portalId: portals[0]!, job: 'sync', owner: 'instance-a', ttlMs: 120_000 };
    expect(await tryAcquireLease(handle.db, sync, now())).toBe(true);

    expect(await queue!.requestAndDrain(portals[0]!, ['c1', 'c2'])).toMatchObject({ status: 'busy' });
    clock += 1_000;
    expect(await queue!.requestAndDrain(portals[0]!, ['c2', 'c3'])).toMatchObject({ status: 'busy' });
    expect(rescored).toEqual([]);
    const waiting = await loadPendingRescores(handle.db, portals[0]!, 10);
    expect(waiting.map((request) => [request.companyId, request.requestedAt.getTime()])).toEqual([
      ['c1', t0],
      ['c2', t0],
      ['c3', t0 + 1_000],
    ]);

    await releaseLease(handle.db, sync);
    expect(await queue!.drain(portals[0]!)).toEqual({ status: 'drained', companies: 3 });
    expect(rescored).toEqual([['c1', 'c2', 'c3']]);
  });

  it('when a rescoring fails, then its companies stay queued for the next pass', async () => {
    let fail = true;
    const rescored: (readonly string[])[] = [];
    const [queue] = twoInstances((_portalId, companyIds) => {
      if (fail) return Promise.reject(new Error('connection reset'));
      rescored.push(companyIds);
      return Promise.resolve();
    });
    await expect(queue!.requestAndDrain(portals[0]!, ['c1'])).rejects.toThrow('connection reset');
    fail = false;

    expect(await queue!.drain(portals[0]!)).toEqual({ status: 'drained', companies: 1 });
    expect(rescored).toEqual([['c1']]);
  });
});
