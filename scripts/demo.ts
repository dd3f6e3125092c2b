/**
 * `npm run demo`: a generated HubSpot portal in the sandbox, and Harbor connected to it on embedded PGlite.
 * Harbor syncs the portal on start (the banner waits for it, asking the signed status endpoint, and says how
 * many records arrived) and then keeps it in sync through the sandbox's webhooks. Both stop on Ctrl-C.
 * Options: --companies <n> (default 300), --port <harbor port> (default 3000),
 * --sandbox-port <p> (default 4010), --seed <s> (default 1), --fresh (start from an empty data folder).
 * The data folder remembers which portal it was synced from (portal.json); a different portal (seed, size,
 * day or id) starts it afresh, since an incremental sync would never read records behind its high-water mark.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { computeSignatureV3 } from '../src/hubspot/signature/hubspot-signature.ts';
import { startOfUtcDay } from '../src/sandbox/generator/wire-values.ts';
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
const demoDir = join(root, '.data', 'demo');
const dataDir = join(demoDir, 'pglite');
const portalFile = join(demoDir, 'portal.json');
const harborPort = Number(values.port);
const harborUrl = `http://localhost:${harborPort}`;

const generatedAt = startOfUtcDay(Date.now());
process.stderr.write(`Generating a portal of ${values.companies} companies in the HubSpot sandbox...\n`);
const sandbox = await startSandbox({
  port: Number(values['sandbox-port']),
  companies: Number(values.companies),
  seed: Number(values.seed),
  generatedAt,
  webhookUrl: `${harborUrl}/webhooks/hubspot`,
  // The project's workflow actions point at ${PUBLIC_BASE_URL}: the sandbox resolves it to this Harbor.
  workflowActions: { variables: { PUBLIC_BASE_URL: harborUrl } },
});

/** What identifies the generated portal: the same values generate the same records. */
const portalIdentity = JSON.stringify({
  portalId: sandbox.portalId,
  seed: Number(values.seed),
  companies: Number(values.companies),
  generatedAt: new Date(generatedAt).toISOString(),
});
// A folder without the file predates it (or is not ours): its portal is unknown, so it starts afresh too.
const syncedFrom = await readFile(portalFile, 'utf8').catch(() => undefined);
if (values.fresh || syncedFrom?.trim() !== portalIdentity) {
  if (!values.fresh && syncedFrom !== undefined)
    process.stderr.write('The data folder was synced from another portal; starting it afresh.\n');
  await rm(demoDir, { recursive: true, force: true });
}
await mkdir(demoDir, { recursive: true });
await writeFile(portalFile, `${portalIdentity}\n`);

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
    // Routine info lines would scroll the banner away; the user's own LOG_LEVEL / LOG_FORMAT win.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
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

/** A request signed the way HubSpot signs hubspot.fetch calls (the demo knows the app's secret). */
function signedRequest(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const timestamp = String(Date.now());
  const rawBody = body === undefined ? '' : JSON.stringify(body);
  const signature = computeSignatureV3({
    clientSecret: sandbox.clientSecret,
    method,
    uri: `${harborUrl}${path}`,
    rawBody,
    timestamp,
  });
  return fetch(`${harborUrl}${path}`, {
    method,
    headers: {
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': timestamp,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: rawBody }),
  });
}

function signedGet(path: string): Promise<Response> {
  return signedRequest('GET', path);
}

const scoresSchema = z.object({
  results: z.array(
    z.object({ tier: z.string().nullable(), topDriver: z.object({ label: z.string() }).nullable() }),
  ),
  after: z.string().nullish(),
});
type ScoreRow = z.infer<typeof scoresSchema>['results'][number];

/** Every score, page by page; undefined while the service has none to give yet. */
async function allScores(): Promise<ScoreRow[] | undefined> {
  const rows: ScoreRow[] = [];
  let after: string | undefined;
  do {
    const cursor = after === undefined ? '' : `&after=${after}`;
    const response = await signedGet(`/api/health/scores?portalId=${sandbox.portalId}&limit=200${cursor}`);
    if (!response.ok) return undefined;
    const page = scoresSchema.parse(await response.json());
    rows.push(...page.results);
    after = page.after ?? undefined;
  } while (after !== undefined);
  return rows;
}

/** The health scores the service computed after the start-up sync: tier counts and the commonest top driver. */
async function healthSummary(): Promise<string> {
  // Rescoring follows the sync: wait until every company HubSpot holds has its score (or time runs out).
  const companies = sandbox.sandbox.world.defaultPortal.counts().companies;
  let results: ScoreRow[] | undefined;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    results = await allScores();
    if (results !== undefined && results.length >= companies) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const scored = results ?? [];
  if (scored.length === 0) return 'not scored yet (see the log)';
  const count = (tier: string): string =>
    scored.filter((row) => row.tier === tier).length.toLocaleString('en-US');
  const drivers = new Map<string, number>();
  for (const row of scored) {
    if (row.topDriver !== null) drivers.set(row.topDriver.label, (drivers.get(row.topDriver.label) ?? 0) + 1);
  }
  const [topDriver] = [...drivers.entries()].sort((a, b) => b[1] - a[1]);
  return (
    `${scored.length.toLocaleString('en-US')} companies: ${count('healthy')} healthy, ${count('watch')} watch, ${count('at_risk')} at risk` +
    (topDriver === undefined ? '' : `; commonest top driver: ${topDriver[0]}`)
  );
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
  const perType = types.map(([type, { done }]) => `${done.toLocaleString('en-US')} ${type}`).join(', ');
  return run.status === 'succeeded'
    ? `${records.toLocaleString('en-US')} records (${perType}) in ${seconds.toFixed(1)} s, ${run.apiCalls} API calls`
    : `start-up sync failed: ${run.error ?? 'see the log'}`;
}

/** How many playbooks run, by type (the automations start renewal, detractor and onboarding ones). */
async function runningPlaybooks(): Promise<string> {
  const counts = new Map<string, number>();
  const response = await signedGet(`/api/automations/runs?portalId=${sandbox.portalId}&limit=200`);
  if (!response.ok) return `not available (${response.status})`;
  const { runs } = z
    .object({
      runs: z.array(
        z.object({
          outcome: z.string(),
          action: z.object({ kind: z.string(), playbook: z.string().optional() }),
        }),
      ),
    })
    .parse(await response.json());
  for (const run of runs) {
    if (run.outcome === 'playbook_started' && run.action.playbook !== undefined)
      counts.set(run.action.playbook, (counts.get(run.action.playbook) ?? 0) + 1);
  }
  const started = [...counts.entries()].map(
    ([playbook, count]) => `${count} ${playbook.replaceAll('_', ' ')}`,
  );
  return started.length === 0
    ? 'none started by automations yet'
    : `started by automations: ${started.join(', ')} (harbor playbooks list)`;
}

/** The preview URL of one at-risk company (the index when none is at risk), for the banner. */
/** The whole book's retention for the last complete year, as the Retention home page and `harbor report retention` show it. */
async function retentionSummary(): Promise<string> {
  const response = await signedGet(`/api/reports/retention?portalId=${sandbox.portalId}&period=year`);
  if (!response.ok) return `not available (${response.status})`;
  const { rows } = z
    .object({
      rows: z.array(
        z.object({
          segment: z.string(),
          periodStart: z.string(),
          complete: z.boolean(),
          customersStart: z.number(),
          grr: z.number().nullable(),
          nrr: z.number().nullable(),
          logoChurn: z.number().nullable(),
        }),
      ),
    })
    .parse(await response.json());
  const last = rows.filter((row) => row.segment === 'all' && row.complete).at(-1);
  if (last === undefined) return 'no complete year yet';
  const percent = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)} %`);
  return `${last.periodStart.slice(0, 4)}: ${last.customersStart} customers at the start, GRR ${percent(last.grr)}, NRR ${percent(last.nrr)}, logo churn ${percent(last.logoChurn)} (harbor report retention|nps|cohorts|digest|strategy)`;
}

async function previewUrl(): Promise<string> {
  const response = await signedGet(`/api/health/scores?portalId=${sandbox.portalId}&tier=at_risk&limit=1`);
  if (!response.ok) return `${harborUrl}/preview`;
  const page = z
    .object({ results: z.array(z.object({ companyId: z.string() })) })
    .parse(await response.json());
  const companyId = page.results[0]?.companyId;
  return companyId === undefined ? `${harborUrl}/preview` : `${harborUrl}/preview/company/${companyId}`;
}

const signalsSchema = z.object({
  signals: z.array(
    z.object({
      id: z.number(),
      companyId: z.string(),
      type: z.string(),
      kind: z.string(),
      severity: z.string(),
      status: z.string(),
      actionStartedAt: z.string().nullable(),
    }),
  ),
});
const runsSchema = z.object({
  runs: z.array(
    z.object({
      playbook: z.string(),
      status: z.string(),
      completedSteps: z.number(),
      steps: z.array(z.object({ title: z.string(), hubspotTaskId: z.string().nullable() })),
    }),
  ),
});

/**
 * Open signals and running playbooks on start, and one at-risk company's story: its risk signal and the
 * HubSpot tasks its playbook created. When no risk of an at-risk company has an action yet, the demo starts
 * one as a CSM would from the card (a signed command from one of the portal's users).
 */
async function signalsSummary(): Promise<{ line: string; story: string }> {
  // Signals and automations follow the start-up rescoring: wait until their count holds for a few seconds.
  let signals: z.infer<typeof signalsSchema>['signals'] = [];
  for (let attempt = 0, steady = 0; attempt < 120 && steady < 4; attempt += 1) {
    const response = await signedGet(`/api/signals?portalId=${sandbox.portalId}&limit=200`);
    if (!response.ok) return { line: `not available (${response.status})`, story: '' };
    const page = signalsSchema.parse(await response.json()).signals;
    steady = page.length > 0 && page.length === signals.length ? steady + 1 : 0;
    signals = page;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const risks = signals.filter((signal) => signal.kind === 'risk');
  const scores = await signedGet(`/api/health/scores?portalId=${sandbox.portalId}&tier=at_risk&limit=200`);
  const atRisk = new Set(
    scores.ok
      ? z
          .object({ results: z.array(z.object({ companyId: z.string() })) })
          .parse(await scores.json())
          .results.map((row) => row.companyId)
      : [],
  );
  const candidates = risks.filter((signal) => atRisk.has(signal.companyId));
  const chosen = candidates.find((signal) => signal.actionStartedAt !== null) ?? candidates[0] ?? risks[0];
  const user = sandbox.sandbox.world.defaultPortal.owners.find((owner) => owner.userId > 0);
  if (chosen?.actionStartedAt === null && user !== undefined) {
    await signedRequest(
      'POST',
      `/api/signals/${chosen.id}/commands?portalId=${sandbox.portalId}&userId=${user.userId}`,
      { kind: 'start_action', note: 'started by the demo, as a CSM would from the card' },
    );
  }
  const line = `${signals.length} active (${risks.length} risks, ${signals.length - risks.length} opportunities)`;
  if (chosen === undefined) return { line, story: '' };
  const name =
    sandbox.sandbox.world.defaultPortal.tables.companies.get(chosen.companyId)?.properties.name ??
    chosen.companyId;
  const runsResponse = await signedGet(
    `/api/playbooks?portalId=${sandbox.portalId}&companyId=${chosen.companyId}`,
  );
  const runs = runsResponse.ok ? runsSchema.parse(await runsResponse.json()).runs : [];
  const running = runs.find((run) => run.status === 'running');
  const tasks = running?.steps.filter((step) => step.hubspotTaskId !== null) ?? [];
  const story =
    `  At-risk company   ${name} (${chosen.companyId}): ${chosen.type.replaceAll('_', ' ')} signal, ${chosen.severity}\n` +
    (running === undefined
      ? `                     no playbook running yet (see the card)\n`
      : `                     ${running.playbook} playbook, ${running.completedSteps} of ${running.steps.length} steps done; ` +
        `HubSpot tasks: ${tasks.map((step) => `#${step.hubspotTaskId ?? ''} "${step.title}"`).join(', ')}\n` +
        `                     curl -H 'Authorization: Bearer ${sandbox.accessToken}' '${sandbox.baseUrl}/crm/v3/objects/tasks/${tasks[0]?.hubspotTaskId ?? ''}?properties=hs_task_subject,hs_task_status,harbor_task_key'\n`);
  return { line, story };
}

/** The "Get Harbor health" workflow action run by the sandbox on one at-risk company, as a workflow would. */
async function workflowActionRun(): Promise<string> {
  const scores = await signedGet(`/api/health/scores?portalId=${sandbox.portalId}&tier=at_risk&limit=1`);
  const companyId = scores.ok
    ? z.object({ results: z.array(z.object({ companyId: z.string() })) }).parse(await scores.json())
        .results[0]?.companyId
    : undefined;
  if (companyId === undefined) return 'no at-risk company to run it on';
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/workflow-actions/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ actionUid: 'harbor_get_health', companyId }),
  });
  if (!response.ok) return `not available (${response.status}: ${await response.text()})`;
  const run = z
    .object({ actionName: z.string(), state: z.string(), outputFields: z.record(z.string(), z.string()) })
    .parse(await response.json());
  const outputs = Object.entries(run.outputFields).filter(([name]) => !name.startsWith('hs_'));
  return `"${run.actionName}" on company ${companyId}: ${run.state}, ${outputs.map(([name, value]) => `${name}=${value}`).join(' ')} (GET ${sandbox.baseUrl}/_sandbox/workflow-actions/runs)`;
}

await waitForHarbor();
process.stderr.write(`\nHarbor is up; syncing the sandbox portal ${sandbox.portalId}...\n`);
const startSync = await waitForStartSync();
const synced = startSync?.status === 'succeeded';
const health = synced ? await healthSummary() : 'waits for a successful sync';
const backtest = synced ? await backtestSummary() : 'waits for a successful sync';
const signalStory = synced ? await signalsSummary() : { line: 'waits for a successful sync', story: '' };
const playbookRuns = synced ? await runningPlaybooks() : 'waits for a successful sync';
const preview = await previewUrl();
const workflowAction = synced ? await workflowActionRun() : 'waits for a successful sync';
const retention = synced ? await retentionSummary() : 'waits for a successful sync';
process.stderr.write(`
Harbor demo is running.

  Harbor service     ${harborUrl}   (data in ${dataDir})
  HubSpot sandbox    ${sandbox.baseUrl}   (portal ${sandbox.portalId}, app ${sandbox.appId})
  Synced on start    ${describeSync(startSync)}
  Health scores      ${health}
  Backtest           ${backtest}
  Signals            ${signalStory.line}
  Playbooks          ${playbookRuns}
  Workflow action    ${workflowAction}
  Retention          ${retention}
${signalStory.story}  Browser preview    ${preview}
                     Harbor's HubSpot cards, settings and home pages (portfolio, review, signals, retention,
                     strategy, cohorts, NPS, feedback digest) in a browser (English / Português)

From now on Harbor keeps the portal in sync: webhooks within a second, an incremental sync every 5 minutes,
a reconciliation every night.

Try:
  curl ${harborUrl}/readyz                          database up, migrations applied
  curl ${harborUrl}/metrics                         Prometheus metrics
  open ${harborUrl}/oauth/install                   the OAuth install flow, through the sandbox's consent stand-in
  curl -H 'Authorization: Bearer ${sandbox.accessToken}' '${sandbox.baseUrl}/crm/v3/objects/companies?limit=3&properties=name,contract_value,renewal_date'
  curl -X POST -H 'content-type: application/json' -d '{"count":5}' ${sandbox.baseUrl}/_sandbox/mutate
                                                    changes 5 records; the sandbox delivers signed webhooks to Harbor,
                                                    applied a moment later (LOG_LEVEL=info logs "applied N webhook events")
  curl ${sandbox.baseUrl}/_sandbox/stats            API calls, 429s and webhook deliveries so far
  curl -H 'Authorization: Bearer ${sandbox.accessToken}' '${sandbox.baseUrl}/crm/v3/objects/companies?limit=3&properties=name,harbor_health_score,harbor_health_tier,harbor_health_top_driver'
                                                    the scores Harbor wrote back to HubSpot

Harbor logs only warnings and errors here unless LOG_LEVEL is set (LOG_LEVEL=info npm run demo shows every line).
Ctrl-C stops both.
`);
