/**
 * The sync engine against a fresh sandbox:
 * `npm run bench:sync -- --companies <n> [--rate-limit <r>] [--webhook-changes <k>] [--seed <s>] [--json]`.
 *
 * 1. Full sync of a generated portal (sandbox at r calls per rolling 10 s, default 100 as HubSpot's private-app
 *    limit; the gateway paced to the same r): apiCalls (the gateway's counter), floorCalls = Σ over the five
 *    synced types of ceil(records / 100) from the sandbox's own counts (the list pages no sync can avoid),
 *    callRatio = apiCalls / floorCalls, seconds, rateLimited (429s the sandbox served), peakRssMb (this process
 *    only: the sandbox runs as a child process, `src/sandbox/cli.ts`, so its generated portal is not counted).
 * 2. The sandbox mutates 1% of its records, then an incremental sync: incrementalChanged (records written or
 *    archived), incrementalCalls.
 * 3. Harbor's app with the webhook processor on a real port, the sandbox's webhooks pointed at it, k changes
 *    (default 200): webhookP95Ms, change → store.
 * Storage: PGlite in a temporary folder, or DATABASE_URL (a schema of its own, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { createSyncProgressView } from '../src/cli/sync/sync-progress-view.ts';
import { createStatusArea } from '../src/cli/terminal/status-area.ts';
import { createApp } from '../src/http/create-app.ts';
import { createMetricsRegistry } from '../src/http/http-metrics.ts';
import { createHubSpotGateway } from '../src/hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../src/hubspot/token-source.ts';
import { createInstaller } from '../src/install/installer.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { createLogger } from '../src/shared/logger.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { saveInstall } from '../src/store/repositories/portals-repository.ts';
import { runSync } from '../src/sync/run-sync.ts';
import {
  syncedObjectTypes,
  type SyncDeps,
  type SyncedObjectType,
  type SyncProgress,
  type SyncSummary,
} from '../src/sync/sync-types.ts';
import { measureWebhookLatency } from '../src/webhooks/webhook-latency.ts';
import { openBenchDatabase } from './bench-database.ts';
import { startSandboxChild } from './sandbox-child.ts';
import { createWebhookProcessorLoop } from '../src/webhooks/processor/webhook-processor-loop.ts';

const positive = z.coerce.number().int().positive();
/** The parts of `GET /_sandbox/stats` the bench reads. */
const statsSchema = z.object({
  rateLimited: z.record(z.string(), z.number()),
  webhooks: z.object({
    batchesDelivered: z.number(),
    batchesFailed: z.number(),
    attempts: z.number(),
  }),
  portals: z.array(z.object({ portalId: z.number(), records: z.record(z.string(), z.number()) })),
});
const usage =
  'usage: bench-sync --companies <n> [--rate-limit <r>] [--webhook-changes <k>] [--seed <s>] [--json]\n' +
  '  The sandbox runs as a child process; peakRssMb is this (Harbor) process only, not the sandbox child.\n';
const parsed = z
  .object({
    companies: positive,
    'rate-limit': positive.default(100),
    'webhook-changes': positive.default(200),
    seed: positive.default(1),
    json: z.boolean().default(false),
  })
  .safeParse(
    parseArgs({
      options: {
        companies: { type: 'string' },
        'rate-limit': { type: 'string' },
        'webhook-changes': { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
      },
    }).values,
  );
if (!parsed.success) {
  process.stderr.write(
    `${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`,
  );
  process.exit(2);
}
const options = parsed.data;
const rateLimit = options['rate-limit'];
const logger = createLogger({ level: 'warn', destination: process.stderr });
const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

// Harbor's port comes first: the sandbox signs webhooks for a fixed URL. Until the webhook phase a stand-in
// acknowledges and drops them (the incremental sync is what picks those changes up).
const server = createServer((_req, res) => {
  res.statusCode = 204;
  res.end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const harborUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

say(`Generating a portal of ${options.companies} companies (sandbox limit ${rateLimit} calls / 10 s)...`);
const sandbox = await startSandboxChild([
  '--port',
  '0',
  '--companies',
  String(options.companies),
  '--seed',
  String(options.seed),
  '--rate-limit',
  String(rateLimit),
  '--webhook-url',
  `${harborUrl}/webhooks/hubspot`,
]).catch(async (error: unknown) => {
  await closeServer();
  throw error;
});
const loop = { stop: (): Promise<void> => Promise.resolve() };
let cleanup = (): Promise<void> => Promise.resolve();

try {
  const opened = await openBenchDatabase('bench_sync');
  const { database } = opened;
  cleanup = opened.cleanup;
  await migrateToLatest(database.db);
  const cipher = createTokenCipher(randomBytes(32));
  const { portalId } = sandbox;
  await saveInstall(
    database.db,
    cipher,
    { portalId, authKind: 'static', accessToken: sandbox.accessToken, scopes: [] },
    new Date(),
  );
  const deps: SyncDeps = {
    db: database.db,
    gateway: createHubSpotGateway({
      basePath: sandbox.baseUrl,
      logger,
      tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
      rateLimits: { callsPer10Seconds: rateLimit },
    }),
    logger,
    now: () => new Date(),
  };
  const portal = deps.gateway.forPortal(portalId);
  const records = await sandboxRecordCounts(portalId);

  // 1. Full sync.
  await fetch(`${sandbox.baseUrl}/_sandbox/reset-stats`, { method: 'POST' });
  const fullCallsBefore = portal.callCount();
  const fullStarted = performance.now();
  const full = await withProgress((onProgress) => runSync(deps, { portalId, mode: 'full', onProgress }));
  const seconds = (performance.now() - fullStarted) / 1000;
  const apiCalls = portal.callCount() - fullCallsBefore;
  const rateLimited = await sandboxRateLimited();
  const floorCalls = syncedObjectTypes.reduce((sum, type) => sum + Math.ceil(records[type] / 100), 0);
  assertSucceeded(full);

  // 2. 1% of the records change, then an incremental sync.
  const liveRecords = syncedObjectTypes.reduce((sum, type) => sum + records[type], 0);
  await postJson(`${sandbox.baseUrl}/_sandbox/mutate`, { count: Math.max(1, Math.round(liveRecords / 100)) });
  const incrementalCallsBefore = portal.callCount();
  const incremental = await withProgress((onProgress) =>
    runSync(deps, { portalId, mode: 'incremental', onProgress }),
  );
  const incrementalCalls = portal.callCount() - incrementalCallsBefore;
  assertSucceeded(incremental);
  const incrementalChanged = Object.values(incremental.counts).reduce(
    (sum, count) => sum + count.written + count.archived,
    0,
  );

  // 3. Webhooks: Harbor's own app and processor take over the port the sandbox delivers to.
  await sandboxWebhooksIdle();
  say(`Webhook phase: ${options['webhook-changes']} changes through ${harborUrl}/webhooks/hubspot...`);
  // The sweep interval mirrors the service's webhook-processing job; notifications do the real work.
  const processor = createWebhookProcessorLoop(deps, { intervalMs: 5_000 }).start();
  loop.stop = () => processor.stop();
  const app = createApp({
    logger,
    db: database.db,
    metrics: createMetricsRegistry(),
    publicBaseUrl: harborUrl,
    hubspotClientSecret: sandbox.clientSecret,
    bodyLimit: '1mb',
    oauth: undefined,
    installer: createInstaller({
      db: database.db,
      cipher,
      now: () => new Date(),
      exchangeCode: () => Promise.reject(new Error('no OAuth installs in the benchmark')),
      describeToken: () => Promise.reject(new Error('no static installs in the benchmark')),
    }),
    now: () => new Date(),
    onWebhookEventsStored: (ids) => {
      for (const id of ids) processor.notify(id);
    },
  });
  server.removeAllListeners('request');
  server.on('request', app);
  const latency = await measureWebhookLatency({
    db: database.db,
    sandboxBaseUrl: sandbox.baseUrl,
    portalId,
    changes: options['webhook-changes'],
  });
  if (latency.missed > 0) say(`${latency.missed} of ${latency.samples} changes never reached the store.`);

  const result = {
    companies: records.companies,
    deals: records.deals,
    tickets: records.tickets,
    contacts: records.contacts,
    feedback: records.feedback_submissions,
    apiCalls,
    floorCalls,
    callRatio: round(apiCalls / floorCalls, 3),
    seconds: round(seconds, 2),
    rateLimited,
    incrementalChanged,
    incrementalCalls,
    webhookP95Ms: Math.round(latency.p95Ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(
    options.json
      ? `${JSON.stringify(result)}\n`
      : `${Object.entries(result)
          .map(([key, value]) => `${key.padEnd(20)}${value}`)
          .join('\n')}\n`,
  );
} finally {
  await loop.stop();
  await sandbox.close();
  await closeServer();
  await cleanup();
}

async function closeServer(): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function sandboxStats(): Promise<z.infer<typeof statsSchema>> {
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/stats`);
  if (!response.ok) throw new Error(`GET /_sandbox/stats answered ${response.status}`);
  return statsSchema.parse(await response.json());
}

/** Records per synced type in the sandbox's portal, from its own counts. */
async function sandboxRecordCounts(portalId: number): Promise<Record<SyncedObjectType, number>> {
  const portal = (await sandboxStats()).portals.find((entry) => entry.portalId === portalId);
  if (portal === undefined) throw new Error(`the sandbox has no portal ${portalId}`);
  const counts = Object.fromEntries(
    syncedObjectTypes.map((type) => {
      const count = portal.records[type];
      if (count === undefined) throw new Error(`the sandbox's stats have no count of ${type}`);
      return [type, count];
    }),
  );
  return counts as Record<SyncedObjectType, number>;
}

/**
 * Waits until the sandbox's webhook counters (batches delivered or failed, attempts) have not moved for a
 * second: nothing left to deliver to the stand-in before Harbor's app takes over the port.
 */
async function sandboxWebhooksIdle(timeoutMs = 120_000): Promise<void> {
  const quietMs = 1_000;
  const started = performance.now();
  let last = '';
  let quietSince = performance.now();
  for (;;) {
    const { webhooks } = await sandboxStats();
    const now = performance.now();
    const current = `${webhooks.batchesDelivered}/${webhooks.batchesFailed}/${webhooks.attempts}`;
    if (current !== last) {
      last = current;
      quietSince = now;
    } else if (now - quietSince >= quietMs) {
      return;
    }
    if (now - started > timeoutMs) {
      throw new Error(`the sandbox's webhooks were still being delivered after ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The CLI's progress bar on stderr while a sync runs (plain lines when stderr is not a terminal). */
async function withProgress(
  run: (onProgress: (progress: SyncProgress) => void) => Promise<SyncSummary>,
): Promise<SyncSummary> {
  const view = createSyncProgressView(createStatusArea(process.stderr), () => Date.now());
  try {
    return await run((progress) => {
      view.update(progress);
    });
  } finally {
    view.finish();
  }
}

function assertSucceeded(summary: SyncSummary): void {
  if (summary.status !== 'succeeded') throw new Error(`${summary.mode} sync failed: ${summary.error ?? '?'}`);
}

async function sandboxRateLimited(): Promise<number> {
  const stats = await sandboxStats();
  return Object.values(stats.rateLimited).reduce((sum, count) => sum + count, 0);
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}`);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
