import { z } from 'zod';

import type { Logger } from '../../shared/logger.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export interface RunningService {
  /** Stops jobs, webhook processing, HTTP and the database in that order; true when nothing was cut off. */
  stop(): Promise<boolean>;
}

export interface ServeDeps {
  logger: Logger;
  /** Builds and starts the service; resolves once it listens. */
  start(): Promise<RunningService>;
  /** Where SIGTERM and SIGINT arrive (the process). */
  signals: { on(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown };
}

const help = `Usage: npm start   (or: npm run harbor -- serve)

Starts the service: applies pending migrations, listens on PORT, and (JOBS_ENABLED) runs the scheduled
jobs: incremental sync (SYNC_INCREMENTAL_CRON), nightly reconciliation (SYNC_RECONCILE_CRON), webhook
processing; with SYNC_ON_START every active portal is synced once at start.

SIGTERM or SIGINT stops it gracefully (jobs stop between pages and resume from their checkpoint next time);
a second signal exits at once.

Options:
  -h, --help   this message`;

/** `harbor serve` (the default): runs until a stop signal. */
export const serveCommand: CliCommand<Record<string, never>, ServeDeps> = {
  name: 'serve',
  summary: 'start the service (default)',
  help,
  parse: (argv) => parseCommandArgs(argv, {}, z.object({}).strict()),
  async run(_args, deps) {
    const service = await deps.start();
    return new Promise<number>((resolveExit) => {
      let isStopping = false;
      const stop = (signal: NodeJS.Signals): void => {
        if (isStopping) {
          deps.logger.warn({ signal }, 'second signal: exiting now');
          resolveExit(1);
          return;
        }
        isStopping = true;
        deps.logger.info({ signal }, 'shutting down: jobs first, then in-flight requests');
        void service.stop().then((isClean) => {
          deps.logger.info('stopped');
          resolveExit(isClean ? 0 : 1);
        });
      };
      deps.signals.on('SIGTERM', stop);
      deps.signals.on('SIGINT', stop);
    });
  },
};
