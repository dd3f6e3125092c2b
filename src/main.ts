import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';

import type { DestinationStream } from 'pino';

import type { BacktestCommandDeps } from './cli/commands/backtest.command.ts';
import type { CalibrateDeps } from './cli/commands/calibrate.command.ts';
import { describeFailure } from './cli/commands/describe-failure.ts';
import {
  backtestCommand,
  calibrateCommand,
  commandInfos,
  dbMigrateCommand,
  proposalsCommand,
  scoreCommand,
  serveCommand,
  syncCommand,
} from './cli/commands/index.ts';
import type { ProposalsCommandDeps } from './cli/commands/proposals.command.ts';
import type { ScoreCommandDeps } from './cli/commands/score.command.ts';
import type { RunningService } from './cli/commands/serve.command.ts';
import type { SyncCommandDeps } from './cli/commands/sync.command.ts';
import { executeCommand, resolveInvocation, type Prepared } from './cli/dispatch.ts';
import {
  buildInstaller,
  buildJobs,
  buildSyncDeps,
  instanceOwner,
  localKey,
  oauthSettings,
  registerStaticInstall,
  type Boot,
} from './cli/service-parts.ts';
import { createStatusArea, statusAreaDestination } from './cli/terminal/status-area.ts';
import { loadConfig } from './config/load-config.ts';
import { createApp } from './http/create-app.ts';
import { createMetricsRegistry } from './http/http-metrics.ts';
import { closeGracefully, listen } from './http/server-lifecycle.ts';
import { createHealthServices, type HealthServices } from './health/health-services.ts';
import { createTokenCipher } from './shared/crypto/token-cipher.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { migrateToLatest } from './store/migrate.ts';
import { openDatabase } from './store/open-database.ts';
import { listActivePortalIds } from './store/repositories/portals-repository.ts';
import { runSync } from './sync/run-sync.ts';

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
        prepareHealth((health, boot): ScoreCommandDeps => ({
          logger: boot.logger,
          listActivePortals: () => listActivePortalIds(boot.database.db),
          rescore: (portalId, options) => health.rescoreNow(portalId, options),
          out: process.stdout,
          err: process.stderr,
        })),
      );
    case 'backtest':
      return executeCommand(backtestCommand, invocation.argv, output, () =>
        prepareHealth((health, boot): BacktestCommandDeps => ({
          logger: boot.logger,
          listActivePortals: () => listActivePortalIds(boot.database.db),
          backtest: (portalId) => health.backtest(portalId),
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
        prepareHealth((health, boot): ProposalsCommandDeps => ({
          logger: boot.logger,
          listActivePortals: () => listActivePortalIds(boot.database.db),
          list: (portalId) => health.listProposals(portalId),
          apply: (portalId, id, actor) => health.apply(portalId, id, actor),
          dismiss: (portalId, id, actor) => health.dismiss(portalId, id, actor),
          defaultActor: `cli:${userInfo().username}`,
          out: process.stdout,
          err: process.stderr,
        })),
      );
    default:
      return executeCommand(serveCommand, invocation.argv, output, () =>
        prepare((boot) => ({ logger: boot.logger, signals: process, start: () => startService(boot) })),
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

async function startService(boot: Boot): Promise<RunningService> {
  const { config, logger, database } = boot;
  const encryptionKey = config.ENCRYPTION_KEY ?? (await localKey(config, logger));
  const cipher = createTokenCipher(encryptionKey);
  const publicBaseUrl = config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
  const oauth = oauthSettings(config, publicBaseUrl, encryptionKey);
  const installer = buildInstaller(config, database, cipher, oauth);
  const syncDeps = buildSyncDeps(boot, cipher);
  // Its own lease owner: the jobs' owner would count a sync's lease as its own and run beside it.
  const health = createHealthServices({ ...syncDeps, leaseOwner: `${instanceOwner(config)}:rescore` });
  const jobs = config.JOBS_ENABLED ? buildJobs(config, syncDeps, health) : undefined;

  const app = createApp({
    logger,
    db: database.db,
    metrics: createMetricsRegistry(),
    publicBaseUrl,
    hubspotClientSecret: config.HUBSPOT_CLIENT_SECRET,
    bodyLimit: config.BODY_LIMIT,
    oauth,
    installer,
    now: () => new Date(),
    health,
    onWebhookEventsStored:
      jobs === undefined
        ? undefined
        : (portalId) => {
            jobs.webhookProcessor.notify(portalId);
          },
  });
  const { server, port } = await listen(app, config.PORT, config.HOST);
  logger.info(
    { port, publicBaseUrl },
    `Harbor listening on http://localhost:${port} (public URL ${publicBaseUrl})`,
  );
  if (config.HUBSPOT_CLIENT_SECRET === undefined) {
    logger.warn('HUBSPOT_CLIENT_SECRET is not set: every request from HubSpot will be refused with 401');
  }
  if (config.HUBSPOT_ACCESS_TOKEN !== undefined)
    await registerStaticInstall(installer, config.HUBSPOT_ACCESS_TOKEN, logger);
  jobs?.start();
  if (jobs === undefined) logger.info('JOBS_ENABLED=false: no scheduled sync or webhook processing here');

  return {
    async stop() {
      // Jobs first: a sync stopped between pages resumes from its checkpoint, and nothing may touch the
      // database once it closes. In-flight HTTP requests finish meanwhile.
      const [areJobsClean, isHttpClean] = await Promise.all([
        jobs?.stop(config.SHUTDOWN_TIMEOUT_MS) ?? true,
        closeGracefully(server, config.SHUTDOWN_TIMEOUT_MS),
      ]);
      if (!areJobsClean)
        logger.warn('sync runs cut off at the shutdown deadline; their leases expire on their own');
      if (!isHttpClean) logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'in-flight requests cut off');
      await boot.close();
      return areJobsClean && isHttpClean;
    },
  };
}

/** `harbor sync`: logs share stderr with the progress bar (printed above it); the summary goes to stdout. */
function prepareSync(): Promise<Prepared<SyncCommandDeps> | number> {
  const status = createStatusArea(process.stderr);
  return prepare(
    async (boot) => {
      const cipher = createTokenCipher(
        boot.config.ENCRYPTION_KEY ?? (await localKey(boot.config, boot.logger)),
      );
      const interrupt = new AbortController();
      process.on('SIGINT', () => {
        if (interrupt.signal.aborted) process.exit(130);
        interrupt.abort(new Error('interrupted'));
        status.print('Stopping after the current page (Ctrl-C again quits at once)...');
      });
      const syncDeps = buildSyncDeps(boot, cipher);
      const health = createHealthServices({ ...syncDeps, leaseOwner: cliOwner });
      return {
        ...syncDeps,
        runSync,
        afterSync: (portalId: number) => health.rescore(portalId, { scope: 'auto' }),
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
      const prepared = await prepareHealth((health, boot) => ({ health, boot }));
      if (typeof prepared === 'number') return prepared;
      const { health, boot } = prepared.deps;
      try {
        return await work({
          listActivePortals: () => listActivePortalIds(boot.database.db),
          propose: (portalId, actor) => health.propose(portalId, actor),
          describeFailure: (error, portalId) => describeFailure(error, boot.logger, { portalId }),
        });
      } finally {
        await prepared.close();
      }
    },
  };
}

/** A health command: the sync's gateway (token sources, rate limiter) and the health services over it. */
function prepareHealth<Deps>(
  build: (health: HealthServices, boot: Boot) => Deps,
): Promise<Prepared<Deps> | number> {
  return prepare(async (boot) => {
    const cipher = createTokenCipher(
      boot.config.ENCRYPTION_KEY ?? (await localKey(boot.config, boot.logger)),
    );
    return build(createHealthServices({ ...buildSyncDeps(boot, cipher), leaseOwner: cliOwner }), boot);
  });
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
