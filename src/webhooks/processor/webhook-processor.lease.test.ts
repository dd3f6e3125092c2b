import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { findCrmObject } from '../../store/repositories/crm-objects-repository.ts';
import { tryAcquireLease } from '../../store/repositories/job-leases-repository.ts';
import { listPendingWebhookEvents } from '../../store/repositories/webhook-events-repository.ts';
import type { SyncDeps } from '../../sync/sync-types.ts';
import { intakeWebhookBatch } from '../intake/intake-webhook-batch.ts';
import {
  installPortal,
  recordWebhookEvents,
  sandboxGateway,
  sandboxPortal,
  seedStoreFromSandbox,
} from '../testing/webhook-test-kit.ts';
import { processPendingWebhooks, webhookLeaseJob } from './webhook-processor.ts';

// One clock for the lease, the intake and the processor; HubSpot's changes happen an hour before it.
const now = new Date('2026-11-24T12:00:00.000Z');
const changedAt = Date.parse('2026-11-24T11:00:00.000Z');
const ttlMs = 60_000;

/** Fails the `failAt`-th write to job_leases (a renewal, when the acquiring write is the first). */
function failingLeaseWrites(failAt: number): { plugin: KyselyPlugin; writes: () => number } {
  let writes = 0;
  const isLeaseWrite = (node: RootOperationNode): boolean =>
    node.kind === 'InsertQueryNode' && JSON.stringify(node.into).includes('"job_leases"');
  return {
    writes: () => writes,
    plugin: {
      transformQuery({ node }) {
        if (isLeaseWrite(node)) {
          writes += 1;
          if (writes === failAt) throw new Error('connection reset while renewing');
        }
        return node;
      },
      transformResult: ({ result }) => Promise.resolve(result),
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 5) {
    if (waited > 5_000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.each(testDatabaseTargets())('webhook processing under the portal lease on $name', (target) => {
  let handle: DatabaseHandle;
  let sandbox: RunningSandbox;
  let deps: SyncDeps;
  let logLines: () => string[];
  let companyId: string;

  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    for (const table of [
      'companies',
      'deals',
      'tickets',
      'company_associations',
      'webhook_events',
    ] as const) {
      await handle.db.deleteFrom(table).execute();
    }
    for (const table of ['job_leases', 'portals'] as const) await handle.db.deleteFrom(table).execute();
    sandbox = await startSandbox({ port: 0, companies: 3, seed: 7, generatedAt: changedAt - 86_400_000 });
    const captured = createCapturingLogger();
    logLines = captured.lines;
    deps = {
      db: handle.db,
      gateway: sandboxGateway(sandbox, captured.logger),
      logger: captured.logger,
      now: () => now,
    };
    await installPortal(handle.db, sandbox, now);
    await seedStoreFromSandbox(handle.db, sandbox, now);
    const recorder = recordWebhookEvents(sandbox);
    const portal = sandboxPortal(sandbox);
    companyId = [...portal.tables.companies.all()][0]?.id ?? '';
    portal.updateRecord('companies', companyId, { logins_30d: '4242' }, changedAt);
    recorder.stop();
    await intakeWebhookBatch({ db: handle.db, now: () => now, logger: captured.logger }, recorder.take());
  });
  afterEach(async () => {
    await sandbox.close();
  });

  /** The sandbox's gateway, with batchRead running `during` first (while the pass holds the lease). */
  function readingAfter(during: () => Promise<void>): HubSpotGateway {
    return {
      ...deps.gateway,
      forPortal: (portalId) => {
        const real = deps.gateway.forPortal(portalId);
        const batchRead: PortalGateway['batchRead'] = async (...args) => {
          await during();
          return real.batchRead(...args);
        };
        return { ...real, batchRead };
      },
    };
  }

  const storedLogins = async (): Promise<string | null | undefined> =>
    (await findCrmObject(handle.db, sandbox.portalId, 'companies', companyId))?.properties.logins_30d;
  const pending = async (): Promise<number> =>
    (await listPendingWebhookEvents(handle.db, sandbox.portalId, 100)).length;
  const leaseHolder = async (): Promise<string | undefined> =>
    (
      await handle.db
        .selectFrom('job_leases')
        .select('owner')
        .where('portal_id', '=', sandbox.portalId)
        .where('job', '=', webhookLeaseJob)
        .executeTakeFirst()
    )?.owner;

  it('when another instance holds the portal’s lease, then nothing is read or written and the events wait', async () => {
    const other = { portalId: sandbox.portalId, job: webhookLeaseJob, owner: 'other-instance', ttlMs };
    expect(await tryAcquireLease(handle.db, other, now)).toBe(true);

    expect(await processPendingWebhooks(deps, sandbox.portalId, { leaseOwner: 'us' })).toEqual({
      events: 0,
      fetched: 0,
      apiCalls: 0,
    });
    expect(await pending()).toBe(1);
  });

  it('when another instance takes the lease during a pass, then the pass stops before writing and the events stay pending', async () => {
    // This process stalled past the TTL; another instance took the lease as HubSpot was being read.
    const taking = readingAfter(async () => {
      const other = { portalId: sandbox.portalId, job: webhookLeaseJob, owner: 'other-instance', ttlMs };
      expect(await tryAcquireLease(handle.db, other, new Date(now.getTime() + ttlMs + 1))).toBe(true);
      await until(() => logLines().some((line) => line.includes('lease lost')));
    });

    await expect(
      processPendingWebhooks({ ...deps, gateway: taking }, sandbox.portalId, {
        leaseOwner: 'us',
        leaseTtlMs: ttlMs,
        heartbeatMs: 5,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    expect(await pending()).toBe(1);
    expect(await storedLogins()).not.toBe('4242');
    expect(await leaseHolder()).toBe('other-instance');
  });

  it('when a lease renewal fails once, then the pass carries on, renews at the next heartbeat and applies the events', async () => {
    const failing = failingLeaseWrites(2);
    const db = handle.db.withPlugin(failing.plugin);
    const renewingAgain = readingAfter(async () => {
      await until(() => logLines().some((line) => line.includes('lease renewal failed')));
      await until(() => failing.writes() >= 3);
    });

    expect(
      await processPendingWebhooks({ ...deps, db, gateway: renewingAgain }, sandbox.portalId, {
        leaseOwner: 'us',
        leaseTtlMs: ttlMs,
        heartbeatMs: 5,
      }),
    ).toMatchObject({ events: 1, fetched: 1 });

    expect(await storedLogins()).toBe('4242');
    expect(await pending()).toBe(0);
    expect(await leaseHolder()).toBeUndefined();
  });

  it('when the service stops during a pass, then nothing is written and the lease is released for the next one', async () => {
    const stopping = new AbortController();
    const stopped = readingAfter(() => {
      stopping.abort(new Error('shutting down'));
      return Promise.resolve();
    });

    await expect(
      processPendingWebhooks({ ...deps, gateway: stopped }, sandbox.portalId, {
        leaseOwner: 'us',
        signal: stopping.signal,
      }),
    ).rejects.toThrow('shutting down');

    expect(await pending()).toBe(1);
    expect(await leaseHolder()).toBeUndefined();
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toMatchObject({ events: 1, fetched: 1 });
    expect(await storedLogins()).toBe('4242');
  });
});
