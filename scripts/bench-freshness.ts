/**
 * How fast a change in HubSpot reaches Harbor's score and signals: `npm run bench:freshness -- [--companies N]
 * [--changes C] [--rate R] [--timeout S] [--json]`. The sandbox generates a portal of N companies (default 200)
 * and delivers its webhooks to Harbor, which runs as the service does (its own process, on PostgreSQL:
 * DATABASE_URL, default the local `test` database, in a schema of its own) and syncs and scores the portal on
 * start. Then C changes (default 30, R a second, default 5) are made in the sandbox, cycling through three
 * kinds on healthy companies: two of its tickets escalated, its usage dropped (company properties), an NPS
 * detractor answer from one of its contacts. Timed from each change: the score Harbor writes back to the
 * company in the sandbox (`harbor_health_score` changed) and the signal the change opens in Harbor
 * (critical_ticket, usage_drop, detractor). A change not followed within S seconds (default 60) is missed.
 * Prints {changes, p50Ms, p95Ms, maxMs, missed, signals, signalP50Ms, signalP95Ms, signalMaxMs,
 * signalMissed, byKind}.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { computeSignatureV3 } from '../src/hubspot/signature/hubspot-signature.ts';
import { startOfUtcDay, wireDateTime } from '../src/sandbox/generator/wire-values.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { defaultAssociationTypeId } from '../src/sandbox/store/association-types.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { listHealthScores } from '../src/store/repositories/health-scores-repository.ts';
import { listPortalsWithPendingRescores } from '../src/store/repositories/rescore-queue-repository.ts';
import { dropSchema } from '../src/store/repositories/schemas-repository.ts';
import { listActiveSignals } from '../src/store/repositories/signals-repository.ts';
import { listPortalsWithPendingWebhookEvents } from '../src/store/repositories/webhook-changes-repository.ts';

const usage = 'usage: bench-freshness [--companies N] [--changes C] [--rate R] [--timeout S] [--json]\n';
const positive = z.coerce.number().int().positive();
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '200' },
    changes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '5' },
    timeout: { type: 'string', default: '60' },
    json: { type: 'boolean', default: false },
  },
});
const parsed = z
  .object({
    companies: positive,
    changes: positive,
    rate: positive,
    timeout: positive,
    json: z.boolean(),
  })
  .safeParse(values);
if (!parsed.success) {
  process.stderr.write(
    `${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n')}\n${usage}`,
  );
  process.exit(2);
}
const options = parsed.data;
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Kind = 'ticket_escalated' | 'usage_dropped' | 'nps_detractor';
const kinds: readonly Kind[] = ['ticket_escalated', 'usage_dropped', 'nps_detractor'];
const signalOf: Record<Kind, string> = {
  ticket_escalated: 'critical_ticket',
  usage_dropped: 'usage_drop',
  nps_detractor: 'detractor',
};

interface Change {
  kind: Kind;
  companyId: string;
  scoreBefore: string | undefined;
  at: number;
  scoredMs?: number;
  signalMs?: number;
}

const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const harborPort = await freePort();
const harborUrl = `http://127.0.0.1:${harborPort}`;
say(`Generating a portal of ${options.companies} companies in the sandbox...`);
const sandbox = await startSandbox({
  port: 0,
  companies: options.companies,
  seed: 1,
  generatedAt: startOfUtcDay(Date.now()),
  webhookUrl: `${harborUrl}/webhooks/hubspot`,
});
const portal = sandbox.sandbox.world.defaultPortal;
const schema = `harbor_bench_freshness_${randomBytes(4).toString('hex')}`;
const database = await openDatabase({ databaseUrl, dataDir: 'unused', schema });
const dataDir = await mkdtemp(join(tmpdir(), 'harbor-bench-freshness-'));
const root = join(import.meta.dirname, '..');
const service = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
  cwd: root,
  // Harbor logs to stdout; ours carries only the result.
  stdio: ['ignore', process.stderr, 'inherit'],
  env: {
    ...process.env,
    PORT: String(harborPort),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: harborUrl,
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    DATA_DIR: join(dataDir, 'data'),
    HUBSPOT_API_BASE_URL: sandbox.baseUrl,
    HUBSPOT_CLIENT_ID: sandbox.clientId,
    HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
    HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  },
});
let isStopping = false;
/** When isQuiet first found nothing pending (0: not quiet). */
let quietSince = 0;
service.on('exit', (code) => {
  if (!isStopping) {
    say(`Harbor exited (${String(code)}) before the benchmark ended.`);
    process.exit(1);
  }
});

try {
  say('Starting Harbor; it syncs and scores the portal, then writes the scores back...');
  await waitFor('Harbor to answer /readyz', 60, async () => (await fetch(`${harborUrl}/readyz`)).ok);
  await waitFor('the start-up sync', 600, startSyncSucceeded);
  await waitFor('the scores written back to the sandbox', 300, () =>
    Promise.resolve([...portal.tables.companies.all()].every((c) => c.properties.harbor_health_score)),
  );
  await waitFor('Harbor to go quiet (webhooks applied, rescore queue empty)', 120, isQuiet);

  const changes = await pickCompanies();
  if (changes.length < options.changes)
    say(`Only ${changes.length} healthy companies fit; measuring ${changes.length} changes.`);
  const pending = new Map(changes.map((change) => [change.companyId, change]));
  const unsubscribe = portal.onChange((event) => {
    if (event.kind !== 'propertyChange' || event.objectType !== 'companies') return;
    if (event.propertyName !== 'harbor_health_score') return;
    const change = pending.get(event.objectId);
    if (change === undefined || change.at === 0 || change.scoredMs !== undefined) return;
    if (event.propertyValue !== change.scoreBefore) change.scoredMs = Date.now() - change.at;
  });

  say(`Making ${changes.length} changes in the sandbox, ${options.rate} a second...`);
  for (const change of changes) {
    change.at = Date.now();
    mutate(change);
    await pause(1_000 / options.rate);
  }
  const deadline = Date.now() + options.timeout * 1_000;
  while (Date.now() < deadline && changes.some((c) => c.scoredMs === undefined || c.signalMs === undefined)) {
    await readSignals(changes);
    await pause(100);
  }
  await readSignals(changes);
  unsubscribe();

  const result = {
    changes: changes.length,
    ...summary(changes.map((change) => change.scoredMs)),
    ...prefixed('signal', summary(changes.map((change) => change.signalMs))),
    byKind: Object.fromEntries(
      kinds.map((kind) => {
        const ofKind = changes.filter((change) => change.kind === kind);
        return [
          kind,
          {
            changes: ofKind.length,
            ...summary(ofKind.map((change) => change.scoredMs)),
            ...prefixed('signal', summary(ofKind.map((change) => change.signalMs))),
          },
        ];
      }),
    ),
  };
  process.stdout.write(
    options.json
      ? `${JSON.stringify(result)}\n`
      : `${Object.entries(result)
          .map(
            ([key, value]) => `${key.padEnd(14)}${typeof value === 'object' ? JSON.stringify(value) : value}`,
          )
          .join('\n')}\n`,
  );
} finally {
  isStopping = true;
  service.kill('SIGTERM');
  await new Promise((resolve) => service.once('exit', resolve));
  await sandbox.close();
  await dropSchema(database.db, schema);
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * The first `--changes` healthy companies, highest score first, each given the next kind of change; a company
 * that already has the kind's signal active would open none, and an NPS answer needs one of its contacts.
 */
async function pickCompanies(): Promise<Change[]> {
  const healthy: { companyId: string; score: number }[] = [];
  let after: string | undefined;
  do {
    const page = await listHealthScores(database.db, sandbox.portalId, {
      tier: 'healthy',
      limit: 1_000,
      after,
    });
    healthy.push(...page.results.map((row) => ({ companyId: row.companyId, score: row.score ?? 0 })));
    after = page.after;
  } while (after !== undefined);
  healthy.sort((a, b) => b.score - a.score || a.companyId.localeCompare(b.companyId));
  const active = await listActiveSignals(
    database.db,
    sandbox.portalId,
    healthy.map((row) => row.companyId),
  );
  const busy = new Set(active.map((signal) => `${signal.companyId}:${signal.type}`));
  const picked: Change[] = [];
  for (const { companyId } of healthy) {
    if (picked.length >= options.changes) break;
    const kind = kinds[picked.length % kinds.length] ?? 'usage_dropped';
    if (busy.has(`${companyId}:${signalOf[kind]}`)) continue;
    if (kind === 'nps_detractor' && portal.associations.ids('companies', companyId, 'contacts').length === 0)
      continue;
    const scoreBefore = portal.tables.companies.get(companyId)?.properties.harbor_health_score;
    picked.push({ kind, companyId, scoreBefore, at: 0 });
  }
  return picked;
}

/** The change as HubSpot would record it; the sandbox announces it to its webhook delivery. */
function mutate(change: Change): void {
  const { companyId, at } = change;
  if (change.kind === 'usage_dropped') {
    portal.updateRecord('companies', companyId, { active_users_30d: '1', logins_30d: '2' }, at);
    return;
  }
  if (change.kind === 'nps_detractor') {
    const contactId = portal.associations.ids('companies', companyId, 'contacts')[0] ?? '';
    const when = wireDateTime(at);
    const answer = portal.createRecord(
      'feedback_submissions',
      {
        hs_contact_id: contactId,
        hs_response_group: 'DETRACTOR',
        hs_sentiment: 'NEGATIVE',
        hs_submission_timestamp: when,
        hs_survey_channel: 'EMAIL',
        hs_survey_id: 'bench-nps',
        hs_survey_name: 'NPS',
        hs_survey_type: 'NPS',
        hs_value: '1',
        hs_content: 'Support has stopped answering us.',
      },
      at,
    );
    portal.associations.add('feedback_submissions', answer.id, 'contacts', contactId);
    return;
  }
  // Two open tickets escalated and made urgent (the critical-ticket rule wants two); new ones when it has fewer.
  const open = portal.associations
    .ids('companies', companyId, 'tickets')
    .filter((id) => {
      const ticket = portal.tables.tickets.get(id);
      return ticket !== undefined && !ticket.archived && !ticket.properties.closed_date;
    })
    .slice(0, 2);
  for (const id of open)
    portal.updateRecord('tickets', id, { hs_ticket_priority: 'URGENT', escalated: 'true' }, at);
  const typeId = defaultAssociationTypeId('tickets', 'companies') ?? 0;
  for (let index = open.length; index < 2; index += 1) {
    const ticket = portal.createRecord(
      'tickets',
      {
        subject: 'Exports fail for every user',
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        hs_ticket_priority: 'URGENT',
        escalated: 'true',
        createdate: wireDateTime(at),
      },
      at,
    );
    portal.associate('tickets', ticket.id, 'companies', companyId, typeId, at);
  }
}

/** When each change's signal opened, by Harbor's own record of it. */
async function readSignals(changes: readonly Change[]): Promise<void> {
  const waiting = changes.filter((change) => change.signalMs === undefined);
  if (waiting.length === 0) return;
  const opened = await listActiveSignals(
    database.db,
    sandbox.portalId,
    waiting.map((change) => change.companyId),
  );
  for (const change of waiting) {
    const signal = opened.find(
      (row) =>
        row.companyId === change.companyId &&
        row.type === signalOf[change.kind] &&
        row.openedAt >= change.at - 1_000,
    );
    if (signal !== undefined) change.signalMs = Math.max(0, signal.openedAt - change.at);
  }
}

/** p50/p95/max over the changes that arrived, and how many did not. */
function summary(latencies: readonly (number | undefined)[]) {
  const arrived = latencies.filter((ms): ms is number => ms !== undefined).sort((a, b) => a - b);
  const at = (share: number): number | null =>
    arrived.length === 0
      ? null
      : (arrived[Math.min(arrived.length - 1, Math.ceil(share * arrived.length) - 1)] ?? null);
  return {
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: arrived.at(-1) ?? null,
    missed: latencies.length - arrived.length,
  };
}

function prefixed(prefix: string, fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      `${prefix}${key[0]?.toUpperCase() ?? ''}${key.slice(1)}`,
      value,
    ]),
  );
}

async function waitFor(what: string, seconds: number, isDone: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + seconds * 1_000;
  let lastError: unknown;
  for (;;) {
    try {
      if (await isDone()) return;
    } catch (error) {
      // Not up yet; said if it never comes up.
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${seconds} s waiting for ${what}`, { cause: lastError });
    await pause(250);
  }
}

/** GET /api/sync/status signed as hubspot.fetch signs it; true once the start-up sync succeeded. */
async function startSyncSucceeded(): Promise<boolean> {
  const path = `/api/sync/status?portalId=${sandbox.portalId}&limit=1`;
  const timestamp = String(Date.now());
  const signature = computeSignatureV3({
    clientSecret: sandbox.clientSecret,
    method: 'GET',
    uri: `${harborUrl}${path}`,
    rawBody: '',
    timestamp,
  });
  const response = await fetch(`${harborUrl}${path}`, {
    headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
  });
  if (!response.ok) return false;
  const body = z
    .object({ runs: z.array(z.object({ status: z.string(), error: z.string().nullable() })) })
    .parse(await response.json());
  const [run] = body.runs;
  if (run?.status === 'failed') throw new Error(`the start-up sync failed: ${run.error ?? '?'}`);
  return run?.status === 'succeeded';
}

/** No webhook waiting in the sandbox or in Harbor, nothing in the rescore queue, for two seconds. */
async function isQuiet(): Promise<boolean> {
  await sandbox.sandbox.webhooks?.whenIdle();
  const [events, queued] = await Promise.all([
    listPortalsWithPendingWebhookEvents(database.db),
    listPortalsWithPendingRescores(database.db),
  ]);
  if (events.length > 0 || queued.length > 0) {
    quietSince = 0;
    return false;
  }
  quietSince ||= Date.now();
  return Date.now() - quietSince >= 2_000;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
