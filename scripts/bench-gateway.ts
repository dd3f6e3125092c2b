/**
 * How close the gateway runs to HubSpot's rate limit without tripping it:
 * `npm run bench:gateway -- [--calls N] [--rate-limit R] [--json]`.
 * Starts the sandbox in-process with R calls per rolling 10 s, makes N getById calls on random companies
 * through one portal's gateway (16 at a time), and prints {calls, seconds, floorSeconds, ratio, rateLimited}:
 * floorSeconds = N / (R / 10) is the fastest the limit allows, rateLimited the 429s the sandbox served.
 */
import { parseArgs } from 'node:util';

import { createHubSpotGateway } from '../src/hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../src/hubspot/token-source.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { createLogger } from '../src/shared/logger.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '2000' },
    'rate-limit': { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
    companies: { type: 'string', default: '500' },
    json: { type: 'boolean', default: false },
  },
});

const calls = Number(values.calls);
const rateLimit = Number(values['rate-limit']);
const concurrency = Number(values.concurrency);
const companies = Number(values.companies);
if (![calls, rateLimit, concurrency, companies].every((n) => Number.isSafeInteger(n) && n > 0)) {
  process.stderr.write(
    'usage: bench-gateway [--calls N] [--rate-limit R] [--concurrency C] [--companies M] [--json]\n',
  );
  process.exit(2);
}

const sandbox = await startSandbox({ port: 0, companies, seed: 1, rateLimit });
const logger = createLogger({ level: 'warn', destination: process.stderr });
const gatewayOptions = {
  basePath: sandbox.baseUrl,
  logger,
  tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
  rateLimits: { callsPer10Seconds: rateLimit },
};

try {
  // Company ids come from a separate gateway (its own limiter), so the measured one starts with a full window.
  const ids: string[] = [];
  for await (const page of createHubSpotGateway(gatewayOptions)
    .forPortal(sandbox.portalId)
    .listPages('companies', { properties: [] })) {
    ids.push(...page.results.map((record) => record.id));
  }
  await fetch(`${sandbox.baseUrl}/_sandbox/reset-stats`, { method: 'POST' });

  const gateway = createHubSpotGateway(gatewayOptions).forPortal(sandbox.portalId);
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < calls) {
      started += 1;
      const id = ids[Math.floor(Math.random() * ids.length)] ?? '';
      await gateway.getById('companies', id, { properties: ['name'] });
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, worker));
  const seconds = (performance.now() - began) / 1000;

  const stats = (await (await fetch(`${sandbox.baseUrl}/_sandbox/stats`)).json()) as {
    rateLimited: Record<string, number>;
  };
  const floorSeconds = calls / (rateLimit / 10);
  const result = {
    calls,
    seconds: Math.round(seconds * 100) / 100,
    floorSeconds: Math.round(floorSeconds * 100) / 100,
    ratio: Math.round((seconds / floorSeconds) * 1000) / 1000,
    rateLimited: Object.values(stats.rateLimited).reduce((sum, count) => sum + count, 0),
  };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(result)}\n`
      : `${result.calls} calls in ${result.seconds} s against a floor of ${result.floorSeconds} s ` +
          `(ratio ${result.ratio}); the sandbox answered 429 ${result.rateLimited} times.\n`,
  );
} finally {
  await sandbox.close();
}
