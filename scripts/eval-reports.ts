/**
 * The retention report against the sandbox generator's own record of revenue:
 * `npm run eval:reports -- [--companies <n>] [--seed <s>] [--json] [--ledger <file.jsonl>]`.
 *
 * 1. Generates a portal (default 10,000 companies), serves it from an in-process sandbox, and runs Harbor on
 *    it: full sync, rescoring with the default model (the report's segments are the model's), then
 *    `harbor report retention --period year` over every year of the portal's history.
 * 2. Recomputes the same metrics from the generator's revenue ledger (src/sandbox/generator/revenue-ledger.ts:
 *    the deals it wrote, as it wrote them) with this script's own arithmetic — no Harbor code — by the
 *    definitions in docs/reports.md ("Retention"): a start sets the subscription, a won renewal replaces it,
 *    a won expansion adds to it, a lost renewal ends everything; the cohort is who pays at the year's first
 *    instant; movements are net per company over the year.
 * 3. Prints both and `maxGapPp`: the largest absolute gap, in percentage points, over GRR, NRR and logo churn,
 *    every segment (and `all`) and every year. Target ≤ 0.5.
 * 4. Checks the cohort report by start year against the ledger: each cohort's size and its churns (`cohortsMatch`),
 *    with the median lifetime and the survival at age 4 (one year) for reading.
 * The ledger's segment is the contract band the generator drew the contract value from, which is what the
 * default model's segmentation reads (contract_value bands); `labelGapPp` repeats the comparison with the
 * `customer_segment` label instead (wrong for about 5 % of companies), to show what a mis-mapped segment costs.
 * `--ledger` also writes the ledger as JSON Lines. Storage: PGlite in a temporary folder, or DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

import type { RetentionRowWire } from '@harbor/wire';
import { z } from 'zod';

import { rescorePortal } from '../src/health/scoring/rescore-portal.ts';
import { createHubSpotGateway } from '../src/hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../src/hubspot/token-source.ts';
import { buildCohortReport } from '../src/reports/cohorts/build-cohort-report.ts';
import { buildRetentionReport } from '../src/reports/retention/build-retention-report.ts';
import { generatePortal } from '../src/sandbox/generator/generate-portal.ts';
import { writeRevenueLedger, type RevenueLedgerEntry } from '../src/sandbox/generator/revenue-ledger.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { createLogger } from '../src/shared/logger.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { saveInstall } from '../src/store/repositories/portals-repository.ts';
import { runSync } from '../src/sync/run-sync.ts';
import { openBenchDatabase } from './bench-database.ts';

const argsSchema = z.object({
  companies: z.coerce.number().int().positive().default(10_000),
  seed: z.coerce.number().int().positive().default(1),
  json: z.boolean().default(false),
  ledger: z.string().min(1).optional(),
});
const parsedArgs = argsSchema.safeParse(
  parseArgs({
    options: {
      companies: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      ledger: { type: 'string' },
    },
  }).values,
);
if (!parsedArgs.success) {
  process.stderr.write(
    `${parsedArgs.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n')}\n` +
      'usage: eval-reports [--companies <n>] [--seed <s>] [--json] [--ledger <file.jsonl>]\n',
  );
  process.exit(2);
}
const options = parsedArgs.data;

const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const logger = createLogger({ level: 'warn', destination: process.stderr });
const generatedAt = Date.UTC(2026, 10, 24);
/** The report runs after the sync, the same day. */
const reportAt = generatedAt + 12 * 3_600_000;
const metrics = ['grr', 'nrr', 'logoChurn'] as const;
type Metric = (typeof metrics)[number];

interface LedgerRow {
  segment: string;
  periodStart: string;
  customersStart: number;
  customersChurned: number;
  startingRevenue: number;
  churnedRevenue: number;
  contractionRevenue: number;
  expansionRevenue: number;
  grr: number | null;
  nrr: number | null;
  logoChurn: number | null;
}

/** The company's ARR (whole currency units) after every ledger event closing strictly before `time`. */
function arrAt(entry: RevenueLedgerEntry, time: number): number {
  let subscription = 0;
  let upsells = 0;
  for (const event of entry.events) {
    if (Date.parse(event.closedAt) >= time) break;
    const paying = subscription + upsells > 0;
    if (event.kind === 'renewal_lost') {
      subscription = 0;
      upsells = 0;
    } else if (!paying) {
      subscription = event.amount;
      upsells = 0;
    } else if (event.kind === 'expansion_won') {
      upsells += event.amount;
    } else {
      subscription = event.amount;
    }
  }
  return subscription + upsells;
}

/** Retention per segment (and `all`) and calendar year from the ledger alone. */
function ledgerRetention(
  ledger: readonly RevenueLedgerEntry[],
  segmentOf: (entry: RevenueLedgerEntry) => string,
  years: readonly number[],
  now: number,
): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const year of years) {
    const start = Date.UTC(year, 0, 1);
    // Measured to the end of the year, or to now (inclusive) for the year under way.
    const end = Math.min(Date.UTC(year + 1, 0, 1), now + 1);
    const sums = new Map<string, Omit<LedgerRow, 'segment' | 'periodStart' | Metric>>();
    for (const entry of ledger) {
      const before = arrAt(entry, start);
      if (before <= 0) continue;
      const after = arrAt(entry, end);
      for (const segment of ['all', segmentOf(entry)]) {
        const sum = sums.get(segment) ?? {
          customersStart: 0,
          customersChurned: 0,
          startingRevenue: 0,
          churnedRevenue: 0,
          contractionRevenue: 0,
          expansionRevenue: 0,
        };
        sum.customersStart += 1;
        sum.startingRevenue += before;
        if (after === 0) {
          sum.customersChurned += 1;
          sum.churnedRevenue += before;
        } else if (after < before) sum.contractionRevenue += before - after;
        else sum.expansionRevenue += after - before;
        sums.set(segment, sum);
      }
    }
    for (const [segment, sum] of [...sums].sort(([a], [b]) =>
      a === 'all' ? -1 : b === 'all' ? 1 : a < b ? -1 : 1,
    )) {
      const s = sum.startingRevenue;
      const kept = s - sum.churnedRevenue - sum.contractionRevenue;
      rows.push({
        segment,
        periodStart: new Date(start).toISOString().slice(0, 10),
        ...sum,
        grr: s === 0 ? null : kept / s,
        nrr: s === 0 ? null : (kept + sum.expansionRevenue) / s,
        logoChurn: sum.customersStart === 0 ? null : sum.customersChurned / sum.customersStart,
      });
    }
  }
  return rows;
}

interface Gap {
  segment: string;
  year: string;
  metric: Metric;
  harbor: number | null;
  ledger: number | null;
  gapPp: number | null;
}

/** Every metric of every segment and year either side has; a value only one side has is an unbounded gap (null). */
function compare(harbor: readonly RetentionRowWire[], ledger: readonly LedgerRow[]): Gap[] {
  const key = (segment: string, periodStart: string) => `${segment}|${periodStart}`;
  const harborRows = new Map(harbor.map((row) => [key(row.segment, row.periodStart), row]));
  const ledgerRows = new Map(ledger.map((row) => [key(row.segment, row.periodStart), row]));
  const keys = [...new Set([...harborRows.keys(), ...ledgerRows.keys()])].sort();
  return keys.flatMap((rowKey) => {
    const [segment = '', periodStart = ''] = rowKey.split('|');
    const ours = harborRows.get(rowKey);
    const theirs = ledgerRows.get(rowKey);
    return metrics.map((metric): Gap => {
      const a = ours?.[metric] ?? null;
      const b = theirs?.[metric] ?? null;
      return {
        segment,
        year: periodStart.slice(0, 4),
        metric,
        harbor: a === null ? null : round(a, 6),
        ledger: b === null ? null : round(b, 6),
        gapPp:
          a === null && b === null ? 0 : a === null || b === null ? null : round(Math.abs(a - b) * 100, 4),
      };
    });
  });
}

function maxGap(gaps: readonly Gap[]): number | null {
  if (gaps.some((gap) => gap.gapPp === null)) return null;
  return gaps.reduce((max, gap) => Math.max(max, gap.gapPp ?? 0), 0);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

say(`Generating ${options.companies} companies with their revenue ledger...`);
const portal = generatePortal({ companies: options.companies, seed: options.seed, now: generatedAt });
if (options.ledger !== undefined) {
  await writeRevenueLedger(options.ledger, portal.ledger);
  say(`Ledger written to ${options.ledger}`);
}
const sandbox = await startSandbox({ port: 0, store: portal.store, rateLimit: 10_000, generatedAt });
const { database, cleanup } = await openBenchDatabase('eval_reports');
try {
  const { db } = database;
  await migrateToLatest(db);
  const { portalId } = sandbox;
  await saveInstall(
    db,
    createTokenCipher(randomBytes(32)),
    { portalId, authKind: 'static', accessToken: sandbox.accessToken, scopes: [] },
    new Date(generatedAt),
  );
  const gateway = createHubSpotGateway({
    basePath: sandbox.baseUrl,
    logger,
    tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
    rateLimits: { callsPer10Seconds: 10_000 },
  });
  const clock = (): Date => new Date(reportAt);
  say('Full sync...');
  const sync = await runSync({ db, gateway, logger, now: clock }, { portalId, mode: 'full' });
  if (sync.status !== 'succeeded') throw new Error(`sync ${sync.status}`);
  say('Scoring with the default model (the report’s segments)...');
  await rescorePortal({ db, logger, now: clock }, portalId);

  const firstStart = portal.ledger.reduce(
    (min, entry) => Math.min(min, Date.parse(entry.events[0]?.closedAt ?? '9999-12-31T00:00:00Z')),
    reportAt,
  );
  const firstYear = new Date(firstStart).getUTCFullYear();
  const lastYear = new Date(reportAt).getUTCFullYear();
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index);
  say(`Harbor's retention report, ${firstYear}–${lastYear} by year...`);
  const started = performance.now();
  const report = await buildRetentionReport(
    db,
    portalId,
    { period: 'year', from: `${firstYear}-01-01`, to: new Date(reportAt).toISOString().slice(0, 10) },
    new Date(reportAt),
  );
  const reportSeconds = round((performance.now() - started) / 1000, 2);

  // The cohort report by start year: each cohort's size and churns against the ledger's starts and lost renewals.
  const cohorts = await buildCohortReport(
    db,
    logger,
    portalId,
    { period: 'year', from: `${firstYear}-01-01`, to: new Date(reportAt).toISOString().slice(0, 10) },
    new Date(reportAt),
  );
  const ledgerCohorts = new Map<string, { customers: number; churned: number }>();
  for (const entry of portal.ledger) {
    const start = entry.events.find((event) => event.kind === 'start');
    if (start === undefined) continue;
    const cohort = ledgerCohorts.get(start.closedAt.slice(0, 4)) ?? { customers: 0, churned: 0 };
    cohort.customers += 1;
    if (entry.churnedAt !== null) cohort.churned += 1;
    ledgerCohorts.set(start.closedAt.slice(0, 4), cohort);
  }
  const cohortCheck = cohorts.cohorts
    .filter((cohort) => cohort.cohort !== 'all')
    .map((cohort) => {
      const churned = cohort.ages.reduce((sum, row) => sum + row.events, 0);
      const ledgerCohort = ledgerCohorts.get(cohort.cohort);
      return {
        cohort: cohort.cohort,
        customers: cohort.customers,
        ledgerCustomers: ledgerCohort?.customers ?? 0,
        churned,
        ledgerChurned: ledgerCohort?.churned ?? 0,
        medianLifetimeQuarters: cohort.medianLifetimeQuarters,
        logoSurvivalAt4: cohort.ages[4]?.logoSurvival ?? null,
        revenueSurvivalAt4: cohort.ages[4]?.revenueSurvival ?? null,
      };
    });
  const cohortsMatch =
    cohortCheck.length === ledgerCohorts.size &&
    cohortCheck.every((row) => row.customers === row.ledgerCustomers && row.churned === row.ledgerChurned);

  const ledgerRows = ledgerRetention(portal.ledger, (entry) => entry.segment, years, reportAt);
  const gaps = compare(report.rows, ledgerRows);
  const labelGaps = compare(
    report.rows,
    ledgerRetention(portal.ledger, (entry) => entry.segmentLabel, years, reportAt),
  );
  // The largest gap where at least one side has a value (a row neither side has says nothing).
  const worst = gaps
    .filter((gap) => gap.harbor !== null || gap.ledger !== null)
    .reduce<Gap | undefined>(
      (max, gap) => (max === undefined || (gap.gapPp ?? Infinity) > (max.gapPp ?? Infinity) ? gap : max),
      undefined,
    );
  const maxGapPp = maxGap(gaps);
  const summary = {
    companies: options.companies,
    seed: options.seed,
    reportAt: new Date(reportAt).toISOString(),
    years,
    reportSeconds,
    maxGapPp,
    target: 0.5,
    withinTarget: maxGapPp !== null && maxGapPp <= 0.5,
    worst,
    labelGapPp: maxGap(labelGaps),
    cohortsMatch,
    cohorts: cohortCheck,
  };
  const harbor = report.rows.map((row) => ({
    segment: row.segment,
    periodStart: row.periodStart,
    customersStart: row.customersStart,
    customersChurned: row.customersChurned,
    startingRevenue: row.startingRevenue,
    churnedRevenue: row.churnedRevenue,
    contractionRevenue: row.contractionRevenue,
    expansionRevenue: row.expansionRevenue,
    grr: row.grr,
    nrr: row.nrr,
    logoChurn: row.logoChurn,
  }));
  const ledger = ledgerRows.map((row) => ({
    ...row,
    grr: row.grr === null ? null : round(row.grr, 6),
    nrr: row.nrr === null ? null : round(row.nrr, 6),
    logoChurn: row.logoChurn === null ? null : round(row.logoChurn, 6),
  }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, harbor, ledger, gaps })}\n`);
  } else {
    for (const [name, value] of Object.entries(summary)) {
      process.stdout.write(
        `${name.padEnd(16)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`,
      );
    }
    const percent = (value: number | null) => (value === null ? '-' : (value * 100).toFixed(2));
    process.stdout.write(
      `\n${'segment'.padEnd(12)}${'year'.padEnd(6)}${'n'.padStart(7)}` +
        `${'GRR H'.padStart(9)}${'GRR L'.padStart(9)}${'NRR H'.padStart(9)}${'NRR L'.padStart(9)}` +
        `${'churn H'.padStart(9)}${'churn L'.padStart(9)}\n`,
    );
    const ledgerByKey = new Map(ledger.map((row) => [`${row.segment}|${row.periodStart}`, row]));
    for (const row of harbor) {
      const other = ledgerByKey.get(`${row.segment}|${row.periodStart}`);
      process.stdout.write(
        `${row.segment.padEnd(12)}${row.periodStart.slice(0, 4).padEnd(6)}${String(row.customersStart).padStart(7)}` +
          `${percent(row.grr).padStart(9)}${percent(other?.grr ?? null).padStart(9)}` +
          `${percent(row.nrr).padStart(9)}${percent(other?.nrr ?? null).padStart(9)}` +
          `${percent(row.logoChurn).padStart(9)}${percent(other?.logoChurn ?? null).padStart(9)}\n`,
      );
    }
  }
} finally {
  await cleanup();
  await sandbox.close();
}
