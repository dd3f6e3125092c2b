import { schedule as scheduleCron, validate, type Logger as CronLogger, type ScheduledTask } from 'node-cron';

import type { Logger } from '../shared/logger.ts';
import type { Job, JobDeps } from './job.ts';
import { reportJobFailure } from './job-failure.ts';
import { defaultHeartbeatMs, defaultLeaseTtlMs, withPortalLease } from './portal-lease.ts';

/** node-cron's own check: 5 fields, or 6 with seconds first. */
export function isValidCronExpression(expression: string): boolean {
  return validate(expression);
}

export interface SchedulerOptions {
  deps: JobDeps;
  jobs: readonly Job[];
  /** Lease owner: INSTANCE_ID. */
  owner: string;
  leaseTtlMs?: number;
  heartbeatMs?: number;
  /** Portals one job works on at once in this process (each portal has its own HubSpot limit). */
  portalConcurrency?: number;
}

/** What happened to one portal in a tick. */
export type PortalRunResult = 'ran' | 'failed' | 'running-here' | 'leased-elsewhere';

export interface Scheduler {
  /** Schedules every job on its cron expression (UTC). */
  start(): void;
  /** One tick of `job` now (scheduled or not); resolves when every portal's run has ended. */
  runNow(job: Job): Promise<Map<number, PortalRunResult>>;
  /** Stops ticking, aborts runs in flight and waits up to `timeoutMs` for them; true when all ended. */
  stop(timeoutMs: number): Promise<boolean>;
}

/** The only importer of node-cron: ticks jobs per portal behind an overlap guard, a DB lease and one error path. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { deps, owner } = options;
  const logger = deps.logger.child({ component: 'scheduler', owner });
  const ttlMs = options.leaseTtlMs ?? defaultLeaseTtlMs;
  const heartbeatMs = options.heartbeatMs ?? defaultHeartbeatMs;
  const concurrency = options.portalConcurrency ?? 4;
  const stopping = new AbortController();
  // Keyed by lease, not job: this process holds a lease as one owner, so two of its jobs sharing a lease
  // would both "renew" it and run side by side.
  const inFlight = new Map<string, Promise<PortalRunResult>>();
  const tasks: ScheduledTask[] = [];

  async function runPortal(job: Job, portalId: number, jobLogger: Logger): Promise<PortalRunResult> {
    const runLogger = jobLogger.child({ portalId });
    let signal: AbortSignal | undefined = stopping.signal;
    try {
      if (job.lease === undefined) {
        await job.run(deps, { portalId, logger: runLogger, signal: stopping.signal });
        return 'ran';
      }
      const outcome = await withPortalLease(
        deps.db,
        {
          portalId,
          job: job.lease,
          owner,
          ttlMs,
          heartbeatMs,
          now: deps.now,
          logger: runLogger,
          signal: stopping.signal,
        },
        (leaseSignal) => {
          signal = leaseSignal;
          return job.run(deps, { portalId, logger: runLogger, signal: leaseSignal });
        },
      );
      if (!outcome.acquired) {
        runLogger.debug('another instance holds the lease; skipped');
        return 'leased-elsewhere';
      }
      return 'ran';
    } catch (error) {
      reportJobFailure(runLogger, error, signal);
      return 'failed';
    }
  }

  function guarded(job: Job, portalId: number, jobLogger: Logger): Promise<PortalRunResult> {
    const key = `${job.lease ?? job.name}:${portalId}`;
    const running = inFlight.get(key);
    if (running !== undefined) {
      jobLogger.debug({ portalId }, 'previous run still going; skipped');
      return Promise.resolve('running-here');
    }
    const run = runPortal(job, portalId, jobLogger).finally(() => inFlight.delete(key));
    inFlight.set(key, run);
    return run;
  }

  async function runNow(job: Job): Promise<Map<number, PortalRunResult>> {
    const results = new Map<number, PortalRunResult>();
    if (stopping.signal.aborted) return results;
    const jobLogger = logger.child({ job: job.name });
    let portals: readonly number[];
    try {
      portals = await job.portals(deps);
    } catch (error) {
      reportJobFailure(jobLogger, error);
      return results;
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let index = next++; index < portals.length && !stopping.signal.aborted; index = next++) {
        const portalId = portals[index] ?? 0;
        results.set(portalId, await guarded(job, portalId, jobLogger));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, portals.length) }, worker));
    return results;
  }

  return {
    start() {
      for (const job of options.jobs) {
        const task = scheduleCron(
          job.schedule,
          () => {
            // Not awaited: a long portal run must not hold back the next tick for the others.
            void runNow(job);
          },
          { name: job.name, timezone: 'Etc/UTC', logger: cronLogger(logger) },
        );
        tasks.push(task);
        logger.info(
          { job: job.name, schedule: job.schedule },
          `scheduled ${job.name} at "${job.schedule}" UTC`,
        );
      }
    },
    runNow,
    async stop(timeoutMs) {
      for (const task of tasks.splice(0)) await task.destroy();
      stopping.abort(new Error('the service is shutting down'));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => {
          resolve(false);
        }, timeoutMs);
      });
      const allEnded = Promise.all(inFlight.values()).then(() => true as const);
      const isClean = await Promise.race([allEnded, deadline]);
      clearTimeout(timer);
      return isClean;
    },
  };
}

/** node-cron writes to the console unless given a logger. */
function cronLogger(logger: Logger): CronLogger {
  return {
    info: (message) => {
      logger.debug(message);
    },
    warn: (message) => {
      logger.warn(message);
    },
    error: (message, error) => {
      logger.error({ err: error ?? message }, typeof message === 'string' ? message : message.message);
    },
    debug: (message) => {
      logger.debug(typeof message === 'string' ? message : message.message);
    },
  };
}
