import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';

import type { DestinationStream } from 'pino';

import type { BacktestCommandDeps } from './cli/commands/backtest.command.ts';
import type { CalibrateDeps } from './cli/commands/calibrate.command.ts';
import { describeFailure } from './cli/commands/describe-failure.ts';
import type { ExportCommandDeps } from './cli/commands/export.command.ts';
import {
  backtestCommand,
  calibrateCommand,
  commandInfos,
  dbMigrateCommand,
  exportCommand,
  ingestCommand,
  proposalsCommand,
  playbooksCommand,
  reportCommand,
  reviewCommand,
  scoreCommand,
  signalsCommand,
  serveCommand,
  syncCommand,
  workflowsCommand,
} from './cli/commands/index.ts';
import { openCsvFile, type IngestCommandDeps } from './cli/commands/ingest.command.ts';
import type { PlaybooksCommandDeps } from './cli/commands/playbooks.command.ts';
import type { ProposalsCommandDeps } from './cli/commands/proposals.command.ts';
import type { ReportCommandDeps } from './cli/commands/report.command.ts';
import type { ReviewCommandDeps } from './cli/commands/review.command.ts';
import type { ScoreCommandDeps } from './cli/commands/score.command.ts';
import type { SignalsCommandDeps } from './cli/commands/signals.command.ts';
import type { SyncCommandDeps } from './cli/commands/sync.command.ts';
import type { WorkflowsCommandDeps } from './cli/commands/workflows.command.ts';
import { executeCommand, resolveInvocation, type Prepared } from './cli/dispatch.ts';
import { createStatusArea, statusAreaDestination } from './cli/terminal/status-area.ts';
import { loadConfig } from './config/load-config.ts';
import { runExport } from './export/run-export.ts';
import { createUsageIngest } from './ingest/usage-ingest.ts';
import { reportBuilders } from './reports/report-registry.ts';
import { buildPortalReview } from './review/weekly-review.ts';
import { buildRuntime, type Runtime } from './runtime/runtime.ts';
import { instanceOwner, type Boot } from './runtime/runtime-parts.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { toPlaybookRunWire } from './playbooks/playbook-wire.ts';
import { toSignalWire } from './signals/signal-wire.ts';
import { migrateToLatest } from './store/migrate.ts';
import { openDatabase } from './store/open-database.ts';
import { listActivePortalIds } from './store/repositories/portals-repository.ts';
import {
  listCompanyRuns,
  listRunningRuns,
  tasksOfRuns,
  type PlaybookRunRecord,
} from './store/repositories/playbook-runs-repository.ts';
import { listSignals } from './store/repositories/signals-repository.ts';
import { runSync } from './sync/run-sync.ts';
import { workflowsFrom } from './workflows/harbor-workflows.ts';
import { unknownActionUids } from './workflows/workflow-catalog.ts';

const output = { stdout: process.stdout, stderr: process.stderr };
// Never INSTANCE_ID: a service with the same id would count the CLI's lease as its own.
const cliOwner = `cli:${hostname()}-${process.pid}`;

/** The only composition root: reads the environment once, builds what the command needs, runs it. */
async function main(argv: readonly string[]): Promise<number> {
  const invocation = resolveInvocation(argv, commandInfos);
  if (invocation.kind === 'print') {
    output[invocation.to].write(`${invocation.text}\n`);
    return invocation.exitCode;
  }
  switch (invocation.name) {
    case 'db:migrate':
      return executeCommand(dbMigrateCommand, invocation.argv, output, () =>
        prepare((boot) => ({ migrate: () => migrate(boot) }), { migrate: false }),
      );
    case 'sync':
      return executeCommand(syncCommand, invocation.argv, output, prepareSync);
    case 'score':
      return executeCommand(scoreCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): ScoreCommandDeps => ({
          logger: runtime.logger,
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          rescore: (portalId, options) => runtime.health.rescoreNow(portalId, options),
          out: process.stdout,
          err: process.stderr,
        })),
      );
    case 'ingest':
      return executeCommand(ingestCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): IngestCommandDeps => ({
          logger: runtime.logger,
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          ingest: createUsageIngest({
            db: runtime.database.db,
            logger: runtime.logger,
            now: () => new Date(),
          }),
          openCsv: openCsvFile,
          now: () => new Date(),
          status: createStatusArea(process.stderr),
          out: process.stdout,
        })),
      );
    case 'signals':
      return executeCommand(signalsCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): SignalsCommandDeps => ({
          logger: runtime.logger,
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          evaluate: (portalId) => runtime.signals.evaluatePortal(portalId),
          list: async (portalId, activeOnly) => {
            const now = Date.now();
            const rows = await listSignals(runtime.database.db, portalId, { activeOnly, limit: 1_000 });
            return rows.map((signal) => toSignalWire(signal, now));
          },
          out: process.stdout,
          err: process.stderr,
        })),
      );
    case 'playbooks':
      return executeCommand(playbooksCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): PlaybooksCommandDeps => {
          const { db } = runtime.database;
          const wire = async (portalId: number, runs: PlaybookRunRecord[]) => {
            const tasks = await tasksOfRuns(db, portalId, runs);
            return runs.map((run) => toPlaybookRunWire(run, tasks));
          };
          return {
            logger: runtime.logger,
            listActivePortals: () => listActivePortalIds(db),
            list: async (portalId, companyId) =>
              wire(
                portalId,
                companyId === undefined
                  ? await listRunningRuns(db, portalId, 1_000)
                  : await listCompanyRuns(db, portalId, [companyId], new Date(Date.now() - 30 * 86_400_000)),
              ),
            start: async (portalId, companyId, playbook) => {
              const { run, created } = await runtime.signalActions.startPlaybook(portalId, {
                companyId,
                playbook,
                actor: cliOwner,
              });
              const [shown] = await wire(portalId, [run]);
              return { run: shown ?? toPlaybookRunWire(run, new Map()), created };
            },
            out: process.stdout,
            err: process.stderr,
          };
        }),
      );
    case 'workflows':
      return executeCommand(workflowsCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): WorkflowsCommandDeps => {
          const { catalog, service } = workflowsFrom(
            runtime.syncDeps.gateway,
            undefined,
            runtime.config.HUBSPOT_APP_ID,
            { db: runtime.database.db, owner: cliOwner, logger: runtime.logger },
          );
          return {
            logger: runtime.logger,
            listActivePortals: () => listActivePortalIds(runtime.database.db),
            status: (portalId) => service.status(portalId),
            install: (portalId) => service.install(portalId),
            catalogProblems: unknownActionUids(catalog).map(
              (uid) =>
                `workflows use the action harbor:${uid}, which no app/workflow-actions/*-hsmeta.json declares`,
            ),
            out: process.stdout,
            err: process.stderr,
          };
        }),
      );
    case 'review':
      return executeCommand(reviewCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): ReviewCommandDeps => ({
          logger: runtime.logger,
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          review: (portalId) => buildPortalReview(runtime.database.db, portalId, new Date()),
          out: process.stdout,
          err: process.stderr,
        })),
      );
    case 'report':
      return executeCommand(reportCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): ReportCommandDeps => ({
          logger: runtime.logger,
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          build: (kind, portalId, query) =>
            reportBuilders[kind](
              { db: runtime.database.db, logger: runtime.logger, portalId, now: new Date() },
              query,
            ),
          out: process.stdout,
          err: process.stderr,
        })),
      );
    case 'export': {
      // Progress and log lines share stderr; only the database is needed (migrations create the bi_* views).
      const status = createStatusArea(process.stderr);
      return executeCommand(exportCommand, invocation.argv, output, () =>
        prepare(
          (boot): ExportCommandDeps => ({
            logger: boot.logger,
            listActivePortals: () => listActivePortalIds(boot.database.db),
            runExport: (request) => runExport({ ...request, db: boot.database.db, now: new Date() }),
            status,
            out: process.stdout,
          }),
          { logTo: statusAreaDestination(status) },
        ),
      );
    }
    case 'backtest':
      return executeCommand(backtestCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): BacktestCommandDeps => ({
          logger: runtime.logger,
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          backtest: (portalId) => runtime.health.backtest(portalId),
          out: process.stdout,
          err: process.stderr,
        })),
      );
    case 'calibrate':
      return executeCommand(calibrateCommand, invocation.argv, output, () =>
        Promise.resolve({ deps: calibrateDeps(), close: () => Promise.resolve() }),
      );
    case 'proposals':
      return executeCommand(proposalsCommand, invocation.argv, output, () =>
        prepareRuntime(cliOwner, (runtime): ProposalsCommandDeps => ({
          logger: runtime.logger,
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          list: (portalId) => runtime.health.listProposals(portalId, { limit: 50 }),
          apply: (portalId, id, actor) => runtime.health.apply(portalId, id, actor),
          dismiss: (portalId, id, actor) => runtime.health.dismiss(portalId, id, actor),
          defaultActor: `cli:${userInfo().username}`,
          out: process.stdout,
          err: process.stderr,
        })),
      );
    default:
      return executeCommand(serveCommand, invocation.argv, output, () =>
        prepare(async (boot) => {
          const runtime = await buildRuntime(boot, { owner: instanceOwner(boot.config) });
          return { logger: runtime.logger, signals: process, start: () => runtime.start() };
        }),
      );
  }
}

/** Config, logger and database, then (unless told otherwise) migrations, then the command's deps. */
async function prepare<Deps>(
  build: (boot: Boot) => Deps | Promise<Deps>,
  options: { migrate?: boolean; logTo?: DestinationStream } = {},
): Promise<Prepared<Deps> | number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `Harbor cannot start: invalid configuration\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const config = loaded.config;
  const logger = createLogger({
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
    isTty: process.stdout.isTTY,
    nodeEnv: config.NODE_ENV,
    ...(options.logTo === undefined ? {} : { destination: options.logTo }),
  });
  installProcessHandlers(logger);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    schema: config.DATABASE_SCHEMA,
  });
  logger.info(
    { database: database.kind, location: database.location },
    `data lives in ${database.location} (${database.kind})`,
  );
  let closing: Promise<void> | undefined;
  const boot: Boot = { config, logger, database, close: () => (closing ??= database.close()) };
  try {
    if (options.migrate !== false && !(await migrate(boot))) {
      await boot.close();
      return 1;
    }
    return { deps: await build(boot), close: boot.close };
  } catch (error) {
    await boot.close();
    throw error;
  }
}

async function migrate({ database, logger }: Boot): Promise<boolean> {
  try {
    const applied = await migrateToLatest(database.db);
    logger.info(
      { applied },
      applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date',
    );
    return true;
  } catch (error) {
    logger.fatal({ err: error }, 'database migration failed');
    return false;
  }
}

/** `harbor sync`: logs share stderr with the progress bar (printed above it); the summary goes to stdout. */
function prepareSync(): Promise<Prepared<SyncCommandDeps> | number> {
  const status = createStatusArea(process.stderr);
  return prepare(
    async (boot) => {
      const runtime = await buildRuntime(boot, { owner: cliOwner });
      // A static token names its portal: syncing works before the service has ever run.
      await runtime.recordStaticInstall();
      const interrupt = new AbortController();
      process.on('SIGINT', () => {
        if (interrupt.signal.aborted) process.exit(130);
        interrupt.abort(new Error('interrupted'));
        status.print('Stopping after the current page (Ctrl-C again quits at once)...');
      });
      return {
        ...runtime.syncDeps,
        runSync,
        afterSync: (portalId: number) => runtime.health.rescore(portalId, { scope: 'auto' }),
        owner: cliOwner,
        status,
        out: process.stdout,
        signal: interrupt.signal,
      };
    },
    { logTo: statusAreaDestination(status) },
  );
}

/** `harbor calibrate`: a CSV needs nothing; `--portal` opens the store and the gateway only then. */
function calibrateDeps(): CalibrateDeps {
  return {
    readFile: (path) => readFile(path, 'utf8'),
    out: process.stdout,
    err: process.stderr,
    defaultActor: `cli:${userInfo().username}`,
    async withPortals(work) {
      const prepared = await prepareRuntime(cliOwner, (runtime) => runtime);
      if (typeof prepared === 'number') return prepared;
      const runtime = prepared.deps;
      try {
        return await work({
          listActivePortals: () => listActivePortalIds(runtime.database.db),
          propose: (portalId, actor) => runtime.health.propose(portalId, actor),
          describeFailure: (error, portalId) => describeFailure(error, runtime.logger, { portalId }),
        });
      } finally {
        await prepared.close();
      }
    },
  };
}

/** A command over the runtime (one gateway, one cipher, the health services), its leases held by `owner`. */
function prepareRuntime<Deps>(
  owner: string,
  build: (runtime: Runtime) => Deps,
): Promise<Prepared<Deps> | number> {
  return prepare(async (boot) => build(await buildRuntime(boot, { owner })));
}

function installProcessHandlers(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
}

// Open handles (pools, timers) must not keep a finished command alive.
process.exit(await main(process.argv.slice(2)));
