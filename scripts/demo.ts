/**
 * `npm run demo`: a generated HubSpot portal in the sandbox, and Harbor connected to it on embedded PGlite.
 * Both stop on Ctrl-C. Options: --companies <n> (default 300), --port <harbor port> (default 3000),
 * --sandbox-port <p> (default 4010), --seed <s> (default 1), --fresh (start from an empty data folder).
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

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

await waitForHarbor();
process.stderr.write(`
Harbor demo is running.

  Harbor service     ${harborUrl}   (data in ${dataDir})
  HubSpot sandbox    ${sandbox.baseUrl}   (portal ${sandbox.portalId}, app ${sandbox.appId})

Try:
  curl ${harborUrl}/readyz                          database up, migrations applied
  curl ${harborUrl}/metrics                         Prometheus metrics
  open ${harborUrl}/oauth/install                   the OAuth install flow, through the sandbox's consent stand-in
  curl -H 'Authorization: Bearer ${sandbox.accessToken}' '${sandbox.baseUrl}/crm/v3/objects/companies?limit=3&properties=name,contract_value,renewal_date'
  curl -X POST -H 'content-type: application/json' -d '{"count":5}' ${sandbox.baseUrl}/_sandbox/mutate
                                                    changes 5 records; the sandbox delivers signed webhooks to Harbor
  curl ${sandbox.baseUrl}/_sandbox/stats            API calls, 429s and webhook deliveries so far

Ctrl-C stops both.
`);
