/**
 * The health score against the sandbox's hidden ground truth:
 * `npm run eval:score -- [--companies <n>] [--seed <s>] [--json]`.
 *
 * 1. Generates a portal (default 10,000 companies) with its hidden churn outcomes, serves it from an in-process
 *    sandbox, and runs Harbor on it: full sync, rescoring with the default model, the backtest of past outcomes
 *    (each company scored as it was 75 days before its renewal), calibration (fit on 75 % of the past outcomes),
 *    and applies the proposal as an admin would.
 * 2. Judges the scores of today's customers, whose renewals are still ahead, against the outcomes only the
 *    ground truth knows: default-model AUC and calibrated-model AUC, and an oracle for comparison, a logistic
 *    regression fit on all of those customers' indicator points (the same inputs) with their true outcomes.
 * Storage: PGlite in a temporary folder, or DATABASE_URL (a schema of its own, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';

import { fitLogistic, predictRow } from '../src/calibration/logistic-regression.pure.ts';
import { auc } from '../src/calibration/metrics.pure.ts';
import { applyStandardizer, fitStandardizer } from '../src/calibration/standardize.pure.ts';
import {
  applyCalibrationProposal,
  proposeCalibration,
  runBacktest,
} from '../src/health/backtest/run-backtest.ts';
import { builtInIndicatorIds } from '../src/health/model/health-model-schema.ts';
import { rescorePortal } from '../src/health/scoring/rescore-portal.ts';
import { createHubSpotGateway } from '../src/hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../src/hubspot/token-source.ts';
import { generatePortal } from '../src/sandbox/generator/generate-portal.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { createLogger } from '../src/shared/logger.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import {
  listHealthScores,
  type HealthScoreRecord,
} from '../src/store/repositories/health-scores-repository.ts';
import { saveInstall } from '../src/store/repositories/portals-repository.ts';
import { runSync } from '../src/sync/run-sync.ts';
import { openBenchDatabase } from './bench-database.ts';
import { parseEvalArgs } from './eval-args.ts';

const options = parseEvalArgs('eval-score');
const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const logger = createLogger({ level: 'warn', destination: process.stderr });
const now = Date.UTC(2026, 10, 24);

say(`Generating ${options.companies} companies with their hidden outcomes...`);
const portal = generatePortal({ companies: options.companies, seed: options.seed, now });
const upcoming = new Map(
  portal.truth.filter((row) => !row.outcomeKnown).map((row) => [row.companyId, row.churned]),
);
const sandbox = await startSandbox({ port: 0, store: portal.store, rateLimit: 10_000, generatedAt: now });
const { database, cleanup } = await openBenchDatabase('eval_score');
try {
  const { db } = database;
  await migrateToLatest(db);
  const { portalId } = sandbox;
  await saveInstall(
    db,
    createTokenCipher(randomBytes(32)),
    { portalId, authKind: 'static', accessToken: sandbox.accessToken, scopes: [] },
    new Date(now),
  );
  const gateway = createHubSpotGateway({
    basePath: sandbox.baseUrl,
    logger,
    tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
    rateLimits: { callsPer10Seconds: 10_000 },
  });
  const clock = (): Date => new Date(now + 12 * 3_600_000);
  say('Full sync...');
  const sync = await runSync({ db, gateway, logger, now: clock }, { portalId, mode: 'full' });
  if (sync.status !== 'succeeded') throw new Error(`sync ${sync.status}`);

  say('Scoring with the default model...');
  await rescorePortal({ db, logger, now: clock }, portalId);
  const defaultScores = await allScores(portalId);

  say('Backtest and calibration on past outcomes...');
  const deps = { db, logger, now: clock, gateway: gateway.forPortal(portalId) };
  const backtest = await runBacktest(deps, portalId);
  const proposal = await proposeCalibration(deps, portalId, { actor: 'eval-score', save: true });
  if (proposal.proposalId === null) throw new Error('the proposal was not saved');
  await applyCalibrationProposal(deps, portalId, proposal.proposalId, 'eval-score');
  await rescorePortal({ db, logger, now: clock }, portalId);
  const calibratedScores = await allScores(portalId);

  const defaultAuc = upcomingAuc(defaultScores);
  const calibratedAuc = upcomingAuc(calibratedScores);
  const oracleAuc = oracle(defaultScores);
  const result = {
    companies: options.companies,
    pastOutcomes: backtest.cases,
    upcomingRenewals: upcoming.size,
    backtestDefaultAuc: backtest.card.overall.auc,
    heldOutDefaultAuc: proposal.current.overall.auc,
    heldOutCalibratedAuc: proposal.proposed.overall.auc,
    defaultAuc: round(defaultAuc),
    calibratedAuc: round(calibratedAuc),
    oracleAuc: round(oracleAuc),
    gapToOracle: round(oracleAuc - calibratedAuc),
  };
  if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    for (const [key, value] of Object.entries(result))
      process.stdout.write(`${key.padEnd(22)} ${String(value)}\n`);
    process.stdout.write(`\nProposed weights: ${JSON.stringify(proposal.weights)}\n`);
    process.stdout.write('\nBacktest report card (default model, all past outcomes):\n');
    for (const card of [backtest.card.overall, ...backtest.card.segments]) {
      process.stdout.write(`  ${JSON.stringify(card)}\n`);
    }
  }
} finally {
  await cleanup();
  await sandbox.close();
}

async function allScores(portalId: number): Promise<HealthScoreRecord[]> {
  const rows: HealthScoreRecord[] = [];
  let after: string | undefined;
  do {
    const page = await listHealthScores(database.db, portalId, { limit: 1_000, after });
    rows.push(...page.results);
    after = page.after;
  } while (after !== undefined);
  return rows;
}

/** AUC of (100 − score) against the true outcome of the renewals still ahead. */
function upcomingAuc(scores: readonly HealthScoreRecord[]): number {
  const rows = scores.filter((row) => upcoming.has(row.companyId) && row.score !== null);
  return (
    auc(
      rows.map((row) => 100 - (row.score ?? 0)),
      rows.map((row) => upcoming.get(row.companyId) ?? false),
    ) ?? Number.NaN
  );
}

/** In-sample AUC of a logistic regression on the same indicator points, fit with the true outcomes. */
function oracle(scores: readonly HealthScoreRecord[]): number {
  const rows = scores.filter((row) => upcoming.has(row.companyId));
  const d = builtInIndicatorIds.length;
  const column = new Map<string, number>(builtInIndicatorIds.map((id, index) => [id, index]));
  const x = new Float64Array(rows.length * d).fill(Number.NaN);
  rows.forEach((row, i) => {
    for (const component of row.components) {
      for (const indicator of component.indicators) {
        const j = column.get(indicator.id);
        if (j !== undefined && indicator.points !== null) x[i * d + j] = indicator.points;
      }
    }
  });
  const y = Uint8Array.from(rows, (row) => (upcoming.get(row.companyId) === true ? 1 : 0));
  const standardized = applyStandardizer(x, rows.length, d, fitStandardizer(x, rows.length, d));
  const fit = fitLogistic({ x: standardized, y, n: rows.length, d }, { l2: 1 });
  const risk = rows.map((_, i) => predictRow(fit, standardized, d, i));
  return auc(risk, y) ?? Number.NaN;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
