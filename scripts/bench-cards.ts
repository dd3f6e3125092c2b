/**
 * The company card's data under load: `npm run bench:cards -- [--companies N] [--rate R] [--seconds S] [--json]`.
 * A sandbox portal of N companies (default 10,000) is synced in full into PostgreSQL (DATABASE_URL, default the
 * local `test` database, in a schema of its own), scored and its signals opened; then signed requests (v3, as hubspot.fetch signs
 * them) ask Harbor's company view for random companies at R requests/s (default 200) for S seconds (default 30).
 * The same load then goes to the pattern HubSpot's samples use — the card asking HubSpot on every load, here a
 * signed route that reads the company and its associations from the sandbox through Harbor's gateway (rate
 * limits and retries included) — measured in the same run. The load comes from a process of its own
 * (scripts/bench-cards-load.ts). Prints {companies, rps, p50Ms, p99Ms, errors,
 * liveRps, liveP50Ms, liveP99Ms, liveErrors}; errors count non-2xx answers, timeouts (10 s) and socket errors.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import express from 'express';
import { z } from 'zod';

import { createHealthServices } from '../src/health/health-services.ts';
import { portalSignalRules } from '../src/signals/portal-signal-rules.ts';
import { createSignalService } from '../src/signals/signal-service.ts';
import { createApp } from '../src/http/create-app.ts';
import { createMetricsRegistry } from '../src/http/http-metrics.ts';
import { requireHubSpotSignature } from '../src/http/middleware/require-hubspot-signature.ts';
import { createHubSpotGateway } from '../src/hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../src/hubspot/token-source.ts';
import { createInstaller } from '../src/install/installer.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { createLogger } from '../src/shared/logger.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { listHealthScores } from '../src/store/repositories/health-scores-repository.ts';
import { saveInstall } from '../src/store/repositories/portals-repository.ts';
import { vacuumAnalyze } from '../src/store/repositories/schemas-repository.ts';
import { runSync } from '../src/sync/run-sync.ts';
import { openBenchDatabase } from './bench-database.ts';
import { startSandboxChild } from './sandbox-child.ts';

const usage = 'usage: bench-cards [--companies N] [--rate R] [--seconds S] [--json]\n';
const positive = z.coerce.number().int().positive();
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const parsed = z
  .object({ companies: positive, rate: positive, seconds: positive, json: z.boolean() })
  .safeParse(values);
if (!parsed.success) {
  process.stderr.write(
    `${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n')}\n${usage}`,
  );
  process.exit(2);
}
const options = parsed.data;
// The target is PostgreSQL's: PGlite would measure the embedded store instead.
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';

const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
// Errors only: the live pattern's 429 waits are the point of the comparison, not news.
const logger = createLogger({ level: 'error', destination: process.stderr });
const publicBaseUrl = 'http://harbor.bench';
const requestTimeoutSeconds = 10;
const loadResult = z.object({ rps: z.number(), p50Ms: z.number(), p99Ms: z.number(), errors: z.number() });

say(`Generating a portal of ${options.companies} companies in the sandbox...`);
const sandbox = await startSandboxChild([
  '--port',
  '0',
  '--companies',
  String(options.companies),
  '--seed',
  '1',
]);
const servers: Server[] = [];
const { database, cleanup } = await openBenchDatabase('bench_cards');
try {
  const { db } = database;
  await migrateToLatest(db);
  const cipher = createTokenCipher(randomBytes(32));
  const { portalId } = sandbox;
  await saveInstall(
    db,
    cipher,
    { portalId, authKind: 'static', accessToken: sandbox.accessToken, scopes: [] },
    new Date(),
  );
  const gateway = createHubSpotGateway({
    basePath: sandbox.baseUrl,
    logger,
    tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
    // The sandbox's limit is HubSpot's (100 calls / 10 s for a public app's portal).
    rateLimits: { callsPer10Seconds: 100 },
  });
  const deps = { db, gateway, logger, now: () => new Date() };

  say('Syncing it into PostgreSQL (HubSpot’s rate limit applies; a few minutes for 10,000 companies)...');
  const sync = await runSync(deps, { portalId, mode: 'full' });
  if (sync.status !== 'succeeded') throw new Error(`the full sync failed: ${sync.error ?? '?'}`);
  // Signals as the service opens them after scoring, so the accounts that have an action plan read it.
  const signals = createSignalService({ db, logger, now: deps.now, ...portalSignalRules(db, logger) });
  const health = createHealthServices({
    ...deps,
    leaseOwner: 'bench-cards',
    onScored: async (scoredPortal, scored) => {
      await signals.evaluate(scoredPortal, scored);
    },
  });
  await health.rescore(portalId, { writeBack: false });
  const companyIds = await allScoredCompanyIds(portalId);
  // A store in use has long been vacuumed and analysed; right after this bulk load autovacuum would start
  // during the measurement and the planner would still guess at tables it has no statistics for.
  say(`${companyIds.length} companies scored. Vacuuming and analysing, as autovacuum would have by now...`);
  await vacuumAnalyze(db, [
    'portals',
    'companies',
    'owners',
    'company_associations',
    'feedback_submissions',
    'health_scores',
    'health_snapshots',
    'sync_runs',
    'signals',
    'signal_events',
  ]);
  say('Loading the company view...');

  const app = createApp({
    logger,
    db,
    metrics: createMetricsRegistry(),
    publicBaseUrl,
    hubspotClientSecret: sandbox.clientSecret,
    bodyLimit: '1mb',
    oauth: undefined,
    installer: createInstaller({
      db,
      cipher,
      now: () => new Date(),
      exchangeCode: () => Promise.reject(new Error('no OAuth installs in the benchmark')),
      describeToken: () => Promise.reject(new Error('no static installs in the benchmark')),
    }),
    now: () => new Date(),
    health,
  });
  const harbor = await listenOn(app);
  const view = await load(harbor, '/api/views/company/', `?portalId=${portalId}`);

  say('Loading the same cards the way HubSpot’s samples do (HubSpot asked on every load)...');
  const live = await listenOn(liveCardApp(gateway, portalId));
  const asked = await load(live, '/live/company/', `?portalId=${portalId}`);

  const result = {
    companies: companyIds.length,
    rps: view.rps,
    p50Ms: view.p50Ms,
    p99Ms: view.p99Ms,
    errors: view.errors,
    liveRps: asked.rps,
    liveP50Ms: asked.p50Ms,
    liveP99Ms: asked.p99Ms,
    liveErrors: asked.errors,
  };
  process.stdout.write(
    options.json
      ? `${JSON.stringify(result)}\n`
      : `${Object.entries(result)
          .map(([key, value]) => `${key.padEnd(12)}${value}`)
          .join('\n')}\n`,
  );

  async function allScoredCompanyIds(portal: number): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await listHealthScores(db, portal, { limit: 1_000, after });
      ids.push(...page.results.map((score) => score.companyId));
      after = page.after;
    } while (after !== undefined);
    return ids;
  }

  /** The load from a process of its own (scripts/bench-cards-load.ts), so it never slows the service down. */
  async function load(port: number, pathPrefix: string, pathSuffix: string) {
    const config = {
      port,
      pathPrefix,
      pathSuffix,
      companyIds,
      rate: options.rate,
      seconds: options.seconds,
      timeoutSeconds: requestTimeoutSeconds,
      // The live pattern gets none: its queue behind HubSpot's limit is what it is from the first request.
      warmupSeconds: pathPrefix.startsWith('/live') ? 0 : 5,
      clientSecret: sandbox.clientSecret,
      publicBaseUrl,
    };
    // The configuration goes through stdin: 10,000 company ids are too long for an argument.
    const child = spawn(process.execPath, [join(import.meta.dirname, 'bench-cards-load.ts')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(JSON.stringify(config));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`the load generator exited with ${String(code)}`);
    return loadResult.parse(JSON.parse(output));
  }
} finally {
  await Promise.all(servers.map((server) => closeServer(server)));
  await sandbox.close();
  await cleanup();
}
// Live requests still queued behind HubSpot's rate limit when the load stopped must not keep the run alive.
process.exit(0);

/**
 * The card that asks HubSpot every time it opens: the company's properties with its deal and ticket links,
 * through the same gateway (one portal budget, retries) and behind the same signature check.
 */
function liveCardApp(gateway: ReturnType<typeof createHubSpotGateway>, portalId: number): express.Express {
  const live = express();
  live.get(
    '/live/company/:companyId',
    requireHubSpotSignature({ clientSecret: sandbox.clientSecret, publicBaseUrl, accept: ['v3'] }),
    (req, res, next) => {
      const companyId = z.string().regex(/^\d+$/).parse(req.params.companyId);
      gateway
        .forPortal(portalId)
        .getById('companies', companyId, {
          properties: ['name', 'contract_value', 'renewal_date', 'hubspot_owner_id'],
          associations: ['deals', 'tickets'],
        })
        .then((company) => res.json(company), next);
    },
  );
  return live;
}

async function listenOn(handler: express.Express): Promise<number> {
  const server = handler.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
