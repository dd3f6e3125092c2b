/**
 * The signal rules against the sandbox's hidden ground truth:
 * `npm run eval:signals -- [--companies <n>] [--seed <s>] [--json]`.
 *
 * 1. Generates a portal (default 10,000 companies) with its hidden churn outcomes, serves it from an in-process
 *    sandbox, and runs Harbor on it: full sync (contacts' job titles mapped, as the executive rule needs),
 *    rescoring with the default health model.
 * 2. Evaluates the rules with the default signal settings, as of today, for today's customers whose renewal
 *    is still ahead and at least 60 days away, and judges them against the outcomes only the truth knows:
 *    - `riskRecallAt60d`: the share of those who will churn with at least one risk signal firing now;
 *    - `riskFalseAlarmRate`: the share of those who will renew with at least one risk signal firing now;
 *    - per rule: how many companies it fires for, among churners and renewers;
 *    - `signalsPerCompany`: risk and opportunity signals per company at one evaluation;
 * 3. Runs the signal service and the default automations on those companies, as the service does after a
 *    rescoring, and counts the HubSpot tasks that landed in the sandbox:
 *    - `tasksPerCompany`: Harbor tasks created per company (playbooks' first steps, signal tasks), and
 *      `automations`: what the automations did, by outcome.
 * Storage: PGlite in a temporary folder, or DATABASE_URL (a schema of its own, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';

import { defaultSignalSettings } from '@harbor/wire';

import { loadActiveHealthModel } from '../src/health/model/active-health-model.ts';
import { rescorePortal } from '../src/health/scoring/rescore-portal.ts';
import { createHubSpotGateway } from '../src/hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../src/hubspot/token-source.ts';
import { generatePortal } from '../src/sandbox/generator/generate-portal.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { createLogger } from '../src/shared/logger.ts';
import { createSignalActions } from '../src/automations/signal-actions.ts';
import { createPlaybookService } from '../src/playbooks/playbook-service.ts';
import { portalSignalRules } from '../src/signals/portal-signal-rules.ts';
import { evaluateRules } from '../src/signals/rules/evaluate-rules.pure.ts';
import { createSignalService } from '../src/signals/signal-service.ts';
import { harborTaskKeyProperty } from '../src/tasks/harbor-task-property.ts';
import { loadSignalInputs } from '../src/signals/signal-inputs.ts';
import { signalKind, signalTypes, type SignalType } from '../src/signals/signal-types.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { saveInstall } from '../src/store/repositories/portals-repository.ts';
import { saveSettingsVersion } from '../src/store/repositories/settings-repository.ts';
import { runSync } from '../src/sync/run-sync.ts';
import { openBenchDatabase } from './bench-database.ts';
import { parseEvalArgs } from './eval-args.ts';

const options = parseEvalArgs('eval-signals');
const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const logger = createLogger({ level: 'warn', destination: process.stderr });
const now = Date.UTC(2026, 10, 24);
const DAY_MS = 86_400_000;
/** A risk signal must be open this long before the renewal to leave time to act. */
const LEAD_DAYS = 60;

say(`Generating ${options.companies} companies with their hidden outcomes...`);
const portal = generatePortal({ companies: options.companies, seed: options.seed, now });
const sandbox = await startSandbox({ port: 0, store: portal.store, rateLimit: 10_000, generatedAt: now });
const { database, cleanup } = await openBenchDatabase('eval_signals');
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
  // The executive rule reads the answering contact's job title, a property an admin maps for the sync.
  await saveSettingsVersion(db, portalId, { mappedProperties: { contacts: ['jobtitle'] } }, 'eval-signals');
  const gateway = createHubSpotGateway({
    basePath: sandbox.baseUrl,
    logger,
    tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
    rateLimits: { callsPer10Seconds: 10_000 },
  });
  const evaluatedAt = now + 12 * 3_600_000;
  const clock = (): Date => new Date(evaluatedAt);
  say('Full sync...');
  const sync = await runSync({ db, gateway, logger, now: clock }, { portalId, mode: 'full' });
  if (sync.status !== 'succeeded') throw new Error(`sync ${sync.status}`);

  say('Scoring with the default model...');
  await rescorePortal({ db, logger, now: clock }, portalId);
  const { model } = await loadActiveHealthModel(db, portalId);

  const outcomes = new Map(
    portal.truth
      .filter((row) => !row.outcomeKnown && Date.parse(row.renewalDate) - evaluatedAt >= LEAD_DAYS * DAY_MS)
      .map((row) => [row.companyId, row.churned]),
  );
  say(`Evaluating the rules for ${outcomes.size} customers renewing in ${LEAD_DAYS}+ days...`);
  const ids = [...outcomes.keys()];
  const perRule = Object.fromEntries(
    signalTypes.map((type) => [type, { companies: 0, churners: 0, renewers: 0 }]),
  ) as Record<SignalType, { companies: number; churners: number; renewers: number }>;
  let churners = 0;
  let caught = 0;
  let renewers = 0;
  let falseAlarms = 0;
  let signals = 0;
  let evaluated = 0;
  for (let start = 0; start < ids.length; start += 1_000) {
    const page = await loadSignalInputs(
      db,
      portalId,
      ids.slice(start, start + 1_000),
      model,
      defaultSignalSettings,
      evaluatedAt,
    );
    for (const inputs of page) {
      const churned = outcomes.get(inputs.companyId) === true;
      const firings = evaluateRules(inputs, defaultSignalSettings, evaluatedAt);
      const risky = firings.some((firing) => signalKind(firing.type) === 'risk');
      evaluated += 1;
      signals += firings.length;
      if (churned) {
        churners += 1;
        if (risky) caught += 1;
      } else {
        renewers += 1;
        if (risky) falseAlarms += 1;
      }
      for (const firing of firings) {
        const counts = perRule[firing.type];
        counts.companies += 1;
        if (churned) counts.churners += 1;
        else counts.renewers += 1;
      }
    }
    say(`  ${Math.min(ids.length, start + 1_000)} / ${ids.length}`);
  }

  /** The service's own path: signals stored, automations run, tasks created in the sandbox. */
  async function tasksCreated(companyIds: string[], companies: number) {
    say('Opening the signals and running the default automations...');
    const taskDeps = { db, gateway, logger, instanceId: 'eval-signals', now: clock, tuning: { settleMs: 0 } };
    const playbooks = createPlaybookService(taskDeps);
    const signalService = createSignalService({
      db,
      logger,
      now: clock,
      ...portalSignalRules(db, logger),
      runAction: (portal, signal, actor) => actions.startDefinedAction(portal, signal, actor),
    });
    const actions = createSignalActions({ ...taskDeps, signals: signalService, playbooks });
    await signalService.evaluate(portalId, companyIds);
    const automations = await actions.runAutomations(portalId);
    const tasks = [...portal.store.tables.tasks.all()].filter(
      (task) => (task.properties[harborTaskKeyProperty] ?? '') !== '',
    ).length;
    return { tasksPerCompany: round(tasks / companies), tasks, automations: automations.outcomes };
  }

  const summary = {
    companies: options.companies,
    seed: options.seed,
    evaluatedAt: new Date(evaluatedAt).toISOString(),
    evaluated,
    churners,
    renewers,
    riskRecallAt60d: round(caught / churners),
    riskFalseAlarmRate: round(falseAlarms / renewers),
    signalsPerCompany: round(signals / evaluated),
    ...(await tasksCreated(ids, evaluated)),
  };
  const result = { ...summary, perRule };
  if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    for (const [key, value] of Object.entries(summary)) {
      process.stdout.write(
        `${key.padEnd(20)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`,
      );
    }
    process.stdout.write(`\n${'rule'.padEnd(22)}${'kind'.padEnd(13)}companies  churners  renewers\n`);
    for (const type of signalTypes) {
      const counts = perRule[type];
      process.stdout.write(
        `${type.padEnd(22)}${signalKind(type).padEnd(13)}${String(counts.companies).padStart(9)}` +
          `${String(counts.churners).padStart(10)}${String(counts.renewers).padStart(10)}\n`,
      );
    }
  }
} finally {
  await cleanup();
  await sandbox.close();
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
