/**
 * `npm run demo`: a generated HubSpot portal in the sandbox, and Harbor connected to it on embedded PGlite.
 * Harbor syncs the portal on start (the banner waits for it, asking the signed status endpoint, and says how
 * many records arrived) and then keeps it in sync through the sandbox's webhooks. Both stop on Ctrl-C.
 * Options: --companies <n> (default 300), --port <harbor port> (default 3000),
 * --sandbox-port <p> (default 4010), --seed <s> (default 1), --fresh (start from an empty data folder).
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { computeSignatureV3 } from '../src/hubspot/signature/hubspot-signature.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';

const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '300' },
    port: { type: 'string', default: '3000' },
    'sandbox-port': { type: 'string', default: '4010' },
    seed: { type: 'string', default: '1' },
    fresh: { type: 'boolean', default: false },
  },
});

const root = join(import.meta.dirname, '..');
const dataDir = join(root, '.data', 'demo', 'pglite');
const harborPort = Number(values.port);
const harborUrl = `http://localhost:${harborPort}`;

if (values.fresh) await rm(join(root, '.data', 'demo'), { recursive: true, force: true });

process.stderr.write(`Generating a portal of ${values.companies} companies in the HubSpot sandbox...\n`);
const sandbox = await startSandbox({
  port: Number(values['sandbox-port']),
  companies: Number(values.companies),
  seed: Number(values.seed),
  webhookUrl: `${harborUrl}/webhooks/hubspot`,
});

const service = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: String(harborPort),
    PUBLIC_BASE_URL: harborUrl,
    DATA_DIR: dataDir,
    HUBSPOT_API_BASE_URL: sandbox.baseUrl,
    HUBSPOT_AUTHORIZE_URL: `${sandbox.baseUrl}/oauth/authorize`,
    HUBSPOT_CLIENT_ID: sandbox.clientId,
    HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
    HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
  },
});

async function waitForHarbor(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${harborUrl}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('Harbor did not become ready within 60 s');
}

let isStopping = false;
async function stop(code: number): Promise<never> {
  if (!isStopping) {
    isStopping = true;
    service.kill('SIGTERM');
    await sandbox.close();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
service.on('exit', (code) => {
  if (!isStopping) {
    process.stderr.write(`Harbor exited (${code}); stopping the demo.\n`);
    void stop(code ?? 1);
  }
});

const statusSchema = z.object({
  runs: z.array(
    z.object({
      mode: z.string(),
      status: z.enum(['running', 'succeeded', 'failed']),
      apiCalls: z.number(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      progress: z.object({ types: z.record(z.string(), z.object({ done: z.number() })).optional() }).loose(),
      error: z.string().nullable(),
    }),
  ),
});
type SyncRun = z.infer<typeof statusSchema>['runs'][number];

/** A GET signed the way HubSpot signs hubspot.fetch calls (the demo knows the app's secret). */
function signedGet(path: string): Promise<Response> {
  const timestamp = String(Date.now());
  const signature = computeSignatureV3({
    clientSecret: sandbox.clientSecret,
    method: 'GET',
    uri: `${harborUrl}${path}`,
    rawBody: '',
    timestamp,
  });
  return fetch(`${harborUrl}${path}`, {
    headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
  });
}

const scoresSchema = z.object({
  results: z.array(
    z.object({ tier: z.string().nullable(), topDriver: z.object({ label: z.string() }).nullable() }),
  ),
});

/** The health scores the service computed after the start-up sync: tier counts and the commonest top driver. */
async function healthSummary(): Promise<string> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const response = await signedGet(`/api/health/scores?portalId=${sandbox.portalId}&limit=1000`);
    if (response.ok) {
      const { results } = scoresSchema.parse(await response.json());
      if (results.length > 0) {
        const count = (tier: string): number => results.filter((row) => row.tier === tier).length;
        const drivers = new Map<string, number>();
        for (const row of results) {
          if (row.topDriver !== null)
            drivers.set(row.topDriver.label, (drivers.get(row.topDriver.label) ?? 0) + 1);
        }
        const [topDriver] = [...drivers.entries()].sort((a, b) => b[1] - a[1]);
        return (
          `${results.length} companies: ${count('healthy')} healthy, ${count('watch')} watch, ${count('at_risk')} at risk` +
          (topDriver === undefined ? '' : `; commonest top driver: ${topDriver[0]}`)
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return 'not scored yet (see the log)';
}

const backtestSchema = z.object({
  cases: z.number(),
  card: z.object({
    overall: z.object({
      churned: z.number(),
      auc: z.number().nullable(),
      topDecileLift: z.number().nullable(),
    }),
  }),
});

/** The backtest's overall line: the default score against the portal's past renewals. */
async function backtestSummary(): Promise<string> {
  const response = await signedGet(`/api/health/backtest?portalId=${sandbox.portalId}`);
  if (!response.ok) return `not available (${response.status})`;
  const { cases, card } = backtestSchema.parse(await response.json());
  return `${cases} past renewals (${card.overall.churned} churned): AUC ${card.overall.auc ?? '-'}, top-decile lift ${card.overall.topDecileLift ?? '-'}`;
}

/** The latest sync run, from GET /api/sync/status. */
async function latestSyncRun(): Promise<SyncRun | undefined> {
  const response = await signedGet(`/api/sync/status?portalId=${sandbox.portalId}&limit=1`);
  // 404 until the static-token install is recorded.
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /api/sync/status answered ${response.status}`);
  return statusSchema.parse(await response.json()).runs[0];
}

async function waitForStartSync(): Promise<SyncRun | undefined> {
  for (let attempt = 0; attempt < 1_200; attempt += 1) {
    const run = await latestSyncRun();
    if (run !== undefined && run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

function describeSync(run: SyncRun | undefined): string {
  if (run === undefined) return 'the start-up sync is still running (see the log)';
  const types = Object.entries(run.progress.types ?? {});
  const records = types.reduce((sum, [, type]) => sum + type.done, 0);
  const seconds = (Date.parse(run.finishedAt ?? run.startedAt) - Date.parse(run.startedAt)) / 1000;
  const perType = types.map(([type, { done }]) => `${done} ${type}`).join(', ');
  return run.status === 'succeeded'
    ? `${records} records (${perType}) in ${seconds.toFixed(1)} s, ${run.apiCalls} API calls`
    : `start-up sync failed: ${run.error ?? 'see the log'}`;
}

await waitForHarbor();
process.stderr.write(`\nHarbor is up; syncing the sandbox portal ${sandbox.portalId}...\n`);
const startSync = await waitForStartSync();
const synced = startSync?.status === 'succeeded';
const health = synced ? await healthSummary() : 'waits for a successful sync';
const backtest = synced ? await backtestSummary() : 'waits for a successful sync';
process.stderr.write(`
Harbor demo is running.

  Harbor service     ${harborUrl}   (data in ${dataDir})
  HubSpot sandbox    ${sandbox.baseUrl}   (portal ${sandbox.portalId}, app ${sandbox.appId})
  Synced on start    ${describeSync(startSync)}
  Health scores      ${health}
  Backtest           ${backtest}

From now on Harbor keeps the portal in sync: webhooks within a second, an incremental sync every 5 minutes,
a reconciliation every night.

Try:
  curl ${harborUrl}/readyz                          database up, migrations applied
  curl ${harborUrl}/metrics                         Prometheus metrics
  open ${harborUrl}/oauth/install                   the OAuth install flow, through the sandbox's consent stand-in
  curl -H 'Authorization: Bearer ${sandbox.accessToken}' '${sandbox.baseUrl}/crm/v3/objects/companies?limit=3&properties=name,contract_value,renewal_date'
  curl -X POST -H 'content-type: application/json' -d '{"count":5}' ${sandbox.baseUrl}/_sandbox/mutate
                                                    changes 5 records; the sandbox delivers signed webhooks to Harbor,
                                                    and the log shows "applied N webhook events" a moment later
  curl ${sandbox.baseUrl}/_sandbox/stats            API calls, 429s and webhook deliveries so far
  curl -H 'Authorization: Bearer ${sandbox.accessToken}' '${sandbox.baseUrl}/crm/v3/objects/companies?limit=3&properties=name,harbor_health_score,harbor_health_tier,harbor_health_top_driver'
                                                    the scores Harbor wrote back to HubSpot

Ctrl-C stops both.
`);
