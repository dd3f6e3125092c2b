import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import type { SyncDeps } from '../sync/sync-types.ts';
import { measureWebhookLatency } from './webhook-latency.ts';
import { createWebhookProcessorLoop, type WebhookProcessorLoop } from './processor/webhook-processor-loop.ts';
import {
  diffStoreAgainstSandbox,
  installPortal,
  sandboxGateway,
  seedStoreFromSandbox,
} from './testing/webhook-test-kit.ts';

// HubSpot's burst limit for an OAuth app in one portal (platform doc §8.1): the sandbox enforces it, the
// gateway paces itself to it.
const callsPer10Seconds = 110;

describe.each(testDatabaseTargets())(
  'webhooks end to end (sandbox → intake → processor → store) on $name',
  (target) => {
    let database: DatabaseHandle;
    let server: Server;
    let sandbox: RunningSandbox;
    let loop: WebhookProcessorLoop;
    let deps: SyncDeps;
    /** Answers to lose (the connection is cut after the batch is stored), so the sandbox delivers again. */
    let answersToLose = 0;

    beforeAll(async () => {
      database = await target.open();
      server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const harborUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      sandbox = await startSandbox({
        port: 0,
        companies: 40,
        seed: 23,
        rateLimit: callsPer10Seconds,
        webhookUrl: `${harborUrl}/webhooks/hubspot`,
        webhook: { retryBaseMs: 50 },
      });
      const { logger } = createCapturingLogger();
      deps = {
        db: database.db,
        gateway: sandboxGateway(sandbox, logger, callsPer10Seconds),
        logger,
        now: () => new Date(),
      };
      await installPortal(database.db, sandbox, new Date());
      await seedStoreFromSandbox(database.db, sandbox, new Date());
      loop = createWebhookProcessorLoop(deps, { intervalMs: 1_000 }).start();
      const { app } = buildTestApp(database, {
        logger,
        publicBaseUrl: harborUrl,
        hubspotClientSecret: sandbox.clientSecret,
        now: () => new Date(),
        // As the composition root wires it: a stored batch wakes the loop.
        onWebhookEventsStored: (portalIds) => {
          for (const portalId of portalIds) loop.notify(portalId);
        },
      });
      server.on('request', (req, res) => {
        if (req.method === 'POST' && req.url === '/webhooks/hubspot' && answersToLose > 0) {
          answersToLose -= 1;
          res.end = () => {
            req.socket.destroy();
            return res;
          };
        }
        app(req, res);
      });
    });

    afterAll(async () => {
      await loop.stop();
      await sandbox.close();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await database.close();
    });

    it('when the sandbox makes 200 changes, then each reaches the store within seconds and the store matches HubSpot', async () => {
      const gateway = deps.gateway.forPortal(sandbox.portalId);
      const callsBefore = gateway.callCount();

      const latency = await measureWebhookLatency({
        db: database.db,
        sandboxBaseUrl: sandbox.baseUrl,
        portalId: sandbox.portalId,
        changes: 200,
      });
      await sandbox.sandbox.webhooks?.whenIdle();
      await loop.whenIdle();

      process.stdout.write(
        `[${target.name}] webhook change → store over ${latency.samples} record changes: ` +
          `p50 ${latency.p50Ms.toFixed(0)} ms, p95 ${latency.p95Ms.toFixed(0)} ms, max ${latency.maxMs.toFixed(0)} ms; ` +
          `${gateway.callCount() - callsBefore} HubSpot calls\n`,
      );
      expect(latency.samples).toBeGreaterThan(100);
      expect(latency.missed).toBe(0);
      const pending = await database.db
        .selectFrom('webhook_events')
        .select('event_id')
        .where('processed_at', 'is', null)
        .execute();
      expect(pending).toEqual([]);
      expect(await diffStoreAgainstSandbox(database.db, sandbox)).toEqual([]);
    });

    it('when Harbor’s answers are lost after storing, then HubSpot’s retries are stored once and applied once', async () => {
      const before = { ...sandbox.sandbox.stats.webhooks, rows: await countWebhookRows() };
      answersToLose = 3;

      const response = await fetch(`${sandbox.baseUrl}/_sandbox/mutate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 40 }),
      });
      expect(response.status).toBe(200);
      await sandbox.sandbox.webhooks?.whenIdle();
      await loop.whenIdle();

      const after = sandbox.sandbox.stats.webhooks;
      expect(answersToLose).toBe(0);
      expect(after.retries - before.retries).toBeGreaterThanOrEqual(3);
      expect((await countWebhookRows()) - before.rows).toBe(after.eventsDelivered - before.eventsDelivered);
      expect(await diffStoreAgainstSandbox(database.db, sandbox)).toEqual([]);
    });

    async function countWebhookRows(): Promise<number> {
      const rows = await database.db.selectFrom('webhook_events').select('event_id').execute();
      return rows.length;
    }
  },
);
