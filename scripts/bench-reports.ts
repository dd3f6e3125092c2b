/**
 * Speed of `harbor report retention` on a large portal: `npm run bench:reports -- [--companies N] [--seed N] [--json]`.
 * Builds a store of N companies (default 100,000) with about five deals each — a won new-business deal,
 * a renewal at each anniversary (about one in eight lost, amounts drifting up or down) and 0–4 upsells —
 * in three segments and twenty owners, on PostgreSQL in a schema of its own (TEST_DATABASE_URL, else
 * DATABASE_URL; PGlite in a temporary folder when neither is set), vacuums it as autovacuum would, then times
 * the report as the CLI runs it (quarters, every segment, every format rendered) and drops the store.
 * Building is not timed. Prints {companies, deals, seconds, rows, database}. Target on PostgreSQL: < 10 s.
 */
import { randomBytes } from 'node:crypto';

import { pino } from 'pino';

import { reportBuilders } from '../src/reports/report-registry.ts';
import type { RetentionCompanyRow, RetentionDealRow } from '../src/reports/retention/retention-loader.ts';
import { seedRetentionStore } from '../src/reports/retention/testing/seed-retention-store.ts';
import { portalPipelines } from '../src/sandbox/generator/pipelines.ts';
import { Prng } from '../src/sandbox/generator/prng.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { dropSchema, vacuumAnalyze } from '../src/store/repositories/schemas-repository.ts';
import { stageOutcome } from '../src/sync/pipeline-stages.pure.ts';
import { openBenchDatabase } from './bench-database.ts';
import { parseSizeArgs } from './bench-size-args.ts';

const { companies, seed, json } = parseSizeArgs('bench-reports');
const portalId = 9_300_001;
const now = new Date('2026-11-24T12:00:00.000Z');
const DAY_MS = 86_400_000;
const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

// The generated portal's deal pipelines, with won and closed read as the pipeline sync reads them.
const stages = portalPipelines(0).deals.flatMap((pipeline) =>
  pipeline.stages.map((stage) => ({
    pipelineId: pipeline.id,
    stageId: stage.id,
    pipelineLabel: pipeline.label,
    ...stageOutcome('deals', stage.metadata),
  })),
);
const segments = ['SMB', 'MID_MARKET', 'ENTERPRISE'] as const;
const baseValue = { SMB: 8_000, MID_MARKET: 40_000, ENTERPRISE: 150_000 } as const;

function iso(time: number): string {
  return new Date(time).toISOString();
}

/** A seeded book shaped like a sandbox portal's deals (src/sandbox/generator/deal-generator.ts). */
function syntheticBook(count: number): { companies: RetentionCompanyRow[]; deals: RetentionDealRow[] } {
  const companyRows: RetentionCompanyRow[] = [];
  const deals: RetentionDealRow[] = [];
  let dealId = 10_000_000;
  const addDeal = (
    companyId: string,
    fields: Omit<RetentionDealRow, 'company_id' | 'id' | 'hs_arr'>,
  ): void => {
    deals.push({ company_id: companyId, id: String((dealId += 1)), hs_arr: null, ...fields });
  };
  for (let index = 0; index < count; index += 1) {
    const rng = new Prng(seed, index);
    const id = String(100_000 + index);
    const segment = segments[rng.int(0, 2)] ?? 'SMB';
    const start = now.getTime() - rng.int(30, 5 * 365) * DAY_MS;
    let amount = Math.round((baseValue[segment] * rng.range(0.5, 1.5)) / 100) * 100;
    companyRows.push({
      id,
      owner_id: String(500 + rng.int(0, 19)),
      contract_value: String(amount),
      customer_since: iso(start),
      created_at: iso(start - 60 * DAY_MS),
      segment,
    });
    const sale = { pipeline: 'default', hs_is_closed: 'true', hs_is_closed_won: 'true', stage: 'closedwon' };
    addDeal(id, { ...sale, amount: String(amount), close_date: iso(start), dealtype: 'newbusiness' });
    for (let year = 1; ; year += 1) {
      const anniversary = start + year * 365 * DAY_MS;
      if (anniversary > now.getTime()) {
        const upcoming = { pipeline: 'renewals', stage: 'renewal_upcoming', hs_is_closed: 'false' };
        addDeal(id, {
          ...upcoming,
          amount: String(amount),
          close_date: iso(anniversary),
          dealtype: 'existingbusiness',
          hs_is_closed_won: 'false',
        });
        break;
      }
      const lost = rng.chance(0.12);
      if (!lost) amount = Math.round((amount * rng.range(0.9, 1.12)) / 100) * 100;
      addDeal(id, {
        pipeline: 'renewals',
        stage: lost ? 'renewal_lost' : 'renewal_won',
        hs_is_closed: 'true',
        hs_is_closed_won: String(!lost),
        amount: String(amount),
        close_date: iso(anniversary),
        dealtype: 'existingbusiness',
      });
      if (lost) break;
    }
    for (let upsell = rng.int(0, 4); upsell > 0; upsell -= 1) {
      const closeAt = start + rng.int(30, 4 * 365) * DAY_MS;
      if (closeAt > now.getTime()) continue;
      const won = rng.chance(0.6);
      addDeal(id, {
        pipeline: 'default',
        stage: won ? 'closedwon' : 'closedlost',
        hs_is_closed: 'true',
        hs_is_closed_won: String(won),
        amount: String(Math.round((amount * rng.range(0.08, 0.3)) / 100) * 100),
        close_date: iso(closeAt),
        dealtype: 'existingbusiness',
      });
    }
  }
  return { companies: companyRows, deals };
}

async function openStore(): Promise<{
  db: Awaited<ReturnType<typeof openDatabase>>['db'];
  cleanup: () => Promise<void>;
  kind: string;
}> {
  // An empty TEST_DATABASE_URL means "not set", as in test/support/test-databases.ts.
  const url =
    process.env.TEST_DATABASE_URL === ''
      ? process.env.DATABASE_URL
      : (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  if (url === undefined || url === '') {
    const { database, cleanup } = await openBenchDatabase('bench-reports');
    return { db: database.db, cleanup, kind: 'pglite' };
  }
  const schema = `harbor_bench_reports_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: url, dataDir: 'unused', schema });
  return {
    db: database.db,
    kind: 'postgres',
    cleanup: async () => {
      await dropSchema(database.db, schema);
      await database.close();
    },
  };
}

const store = await openStore();
try {
  await migrateToLatest(store.db);
  const book = syntheticBook(companies);
  say(`writing ${companies} companies and ${book.deals.length} deals to ${store.kind}…`);
  await seedRetentionStore(store.db, portalId, { ...book, stages }, now);
  if (store.kind === 'postgres') {
    await vacuumAnalyze(store.db, [
      'companies',
      'deals',
      'company_associations',
      'health_scores',
      'pipeline_stages',
    ]);
  }
  const build = reportBuilders.retention;
  const logger = pino({ level: 'warn' }, process.stderr);
  say('timing harbor report retention…');
  const started = performance.now();
  const report = await build({ db: store.db, logger, portalId, now }, { period: 'quarter' });
  const line = JSON.stringify(report.json);
  const seconds = (performance.now() - started) / 1000;
  const rows = (report.json as { rows: unknown[] }).rows.length;
  const result = {
    companies,
    deals: book.deals.length,
    seconds: Math.round(seconds * 1000) / 1000,
    rows,
    database: store.kind,
  };
  process.stdout.write(
    json
      ? `${JSON.stringify(result)}\n`
      : `Retention report over ${companies} companies and ${result.deals} deals on ${store.kind}: ` +
          `${result.seconds} s, ${rows} rows (${line.length} bytes of json).\n`,
  );
} finally {
  await store.cleanup();
}
