/**
 * The usage ingest API under load: `npm run bench:ingest -- [--companies N] [--days N] [--concurrency N] [--json]`.
 * Loads N companies (default 10,000) into a fresh store (a schema of its own on DATABASE_URL, or PGlite in a
 * temporary folder), creates an ingest key, then POSTs days × companies usage rows (default 100 days: 1,000,000
 * rows) to POST /api/ingest/usage over HTTP in batches of 5,000, two in flight (more only queue on a
 * two-core machine), each row with four metrics and two feature counts. Batches are generated as they are
 * sent, so memory stays flat however many rows there are. Prints {rows, values, seconds, rowsPerSecond, peakRssMb, rssStartMb, rssEndMb}.
 * Target on PostgreSQL: ≥ 20,000 rows/s.
 */
import { parseArgs } from 'node:util';

import { createApp } from '../src/http/create-app.ts';
import { createMetricsRegistry } from '../src/http/http-metrics.ts';
import { issueIngestKey } from '../src/ingest/ingest-keys.ts';
import { maxRowsPerBatch } from '../src/ingest/usage-rows.pure.ts';
import { createInstaller } from '../src/install/installer.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { createLogger } from '../src/shared/logger.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { upsertCrmObjects } from '../src/store/repositories/crm-objects-repository.ts';
import { saveInstall } from '../src/store/repositories/portals-repository.ts';
import { openBenchDatabase } from './bench-database.ts';

const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '10000' },
    days: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
});
const companies = Number(values.companies);
const days = Number(values.days);
const concurrency = Number(values.concurrency);
if (![companies, days, concurrency].every((n) => Number.isSafeInteger(n) && n > 0)) {
  process.stderr.write('usage: bench-ingest [--companies N] [--days N] [--concurrency N] [--json]\n');
  process.exit(2);
}
const portalId = 9_200_001;
const firstCompanyId = 100_000;
const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const logger = createLogger({ level: 'warn', destination: process.stderr });
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** Row `index` of the run: day-major, so one batch is one day of 5,000 companies and batches never share keys. */
function usageRow(index: number) {
  const company = index % companies;
  const day = Math.floor(index / companies);
  const date = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const seats = 10 + (company % 90);
  return {
    company: { id: String(firstCompanyId + company) },
    date,
    metrics: {
      activeUsers: (company + day) % seats,
      seats,
      logins: (company * 7 + day) % 200,
      minutes: day * 3,
    },
    features: { reports: company % 5, 'exports.csv': day % 3 },
  };
}

const { database, cleanup } = await openBenchDatabase('bench_ingest');
try {
  const { db } = database;
  await migrateToLatest(db);
  const cipher = createTokenCipher(Buffer.alloc(32, 7));
  const loadedAt = new Date();
  await saveInstall(db, cipher, { portalId, authKind: 'static', accessToken: 'bench', scopes: [] }, loadedAt);
  say(`Loading ${companies} companies...`);
  for (let start = 0; start < companies; start += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, companies - start) }, (_, offset) => ({
      id: String(firstCompanyId + start + offset),
      properties: { name: `Company ${start + offset}`, domain: `c${start + offset}.example` },
      archived: false,
      modifiedAt: loadedAt,
    }));
    await upsertCrmObjects(db, portalId, 'companies', rows, loadedAt);
  }
  const { secret } = await issueIngestKey(db, portalId, { name: 'bench', createdBy: 'bench' }, loadedAt);
  const app = createApp({
    logger,
    db,
    metrics: createMetricsRegistry(),
    publicBaseUrl: 'https://harbor.bench',
    hubspotClientSecret: undefined,
    bodyLimit: '1mb',
    oauth: undefined,
    installer: createInstaller({
      db,
      cipher,
      now: () => new Date(),
      exchangeCode: () => Promise.reject(new Error('no OAuth installs in the benchmark')),
      describeToken: () => Promise.reject(new Error('no static installs in the benchmark')),
    }),
    now: () => new Date(Date.UTC(2026, 11, 31)),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const total = companies * days;
  const batches = Math.ceil(total / maxRowsPerBatch);
  const rssStart = process.memoryUsage().rss;
  say(`Pushing ${total} rows in ${batches} batches of ${maxRowsPerBatch}, ${concurrency} in flight...`);
  let next = 0;
  let applied = 0;
  let refused = 0;
  const started = performance.now();
  const worker = async () => {
    for (let batch = next++; batch < batches; batch = next++) {
      const from = batch * maxRowsPerBatch;
      const rows = Array.from({ length: Math.min(maxRowsPerBatch, total - from) }, (_, i) =>
        usageRow(from + i),
      );
      const response = await fetch(`http://127.0.0.1:${port}/api/ingest/usage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ rows }),
      });
      const answer = (await response.json()) as { applied?: number; refused?: unknown[] };
      if (!response.ok)
        throw new Error(`batch ${batch}: ${response.status} ${JSON.stringify(answer).slice(0, 200)}`);
      applied += answer.applied ?? 0;
      refused += answer.refused?.length ?? 0;
      if (batch % 20 === 0) say(`  batch ${batch + 1}/${batches}, rss ${mb(process.memoryUsage().rss)} MB`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => server.close(resolve));
  if (applied !== total || refused !== 0)
    throw new Error(`applied ${applied} of ${total}, refused ${refused}`);
  const result = {
    rows: total,
    values: total * 6,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(total / seconds),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    rssStartMb: mb(rssStart),
    rssEndMb: mb(process.memoryUsage().rss),
    database:
      process.env.DATABASE_URL === undefined || process.env.DATABASE_URL === '' ? 'pglite' : 'postgresql',
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      `${result.rows} rows (${result.values} values) in ${result.seconds} s: ${result.rowsPerSecond} rows/s on ` +
        `${result.database}, peak RSS ${result.peakRssMb} MB (${result.rssStartMb} → ${result.rssEndMb} MB).\n`,
    );
} finally {
  await cleanup();
}
