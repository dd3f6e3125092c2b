import type { Kysely } from 'kysely';
import { z } from 'zod';

import { toAppError } from '../../shared/errors/to-app-error.ts';
import { defaultHeartbeatMs, defaultLeaseTtlMs, withPortalLease } from '../../jobs/portal-lease.ts';
import { syncPortal, type PortalSyncDeps } from '../../jobs/portal-sync.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { listActivePortalIds } from '../../store/repositories/portals-repository.ts';
import type { SyncMode } from '../../sync/sync-types.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { createSyncProgressView } from '../sync/sync-progress-view.ts';
import { isSuccess, renderSummaryTable, type PortalOutcome } from '../sync/summary-table.ts';
import type { StatusArea } from '../terminal/status-area.ts';

export interface SyncCommandDeps extends PortalSyncDeps {
  db: Kysely<Database>;
  logger: Logger;
  /** Lease owner for this process, so a running service and the CLI never sync one portal together. */
  owner: string;
  /** stderr: the progress bar and log lines. */
  status: StatusArea;
  /** stdout: the summary table. */
  out: { write(text: string): unknown };
  /** Ctrl-C: the sync stops between pages and the next run resumes from the checkpoint. */
  signal?: AbortSignal;
  leaseTtlMs?: number;
  heartbeatMs?: number;
}

const argsSchema = z
  .object({
    portal: z.coerce.number().int().positive().optional(),
    full: z.boolean().default(false),
    reconcile: z.boolean().default(false),
    verbose: z.boolean().default(false),
  })
  .refine((args) => !(args.full && args.reconcile), '--full and --reconcile cannot be combined');

export type SyncArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- sync [--portal <id>] [--full | --reconcile] [--verbose]

Syncs HubSpot into the store now, one portal after another, with a progress bar on stderr (one plain line
per update when stderr is not a terminal) and a summary table on stdout. Exit code 1 if any portal failed
or was busy.

Without a mode flag the sync is incremental (everything changed since the last checkpoint), or full for a
portal that never completed a sync. A sync interrupted (Ctrl-C, kill) resumes from its checkpoint next time.
A portal being synced by a running service is reported busy: both take the same database lease.

Options:
  --portal <id>   only this portal (default: every active portal)
  --full          re-read everything
  --reconcile     the nightly pass: deletes, merges, association changes, drift
  --verbose       the sync engine's info logs too (default: warnings and errors only)
  -h, --help      this message`;

/** `harbor sync`: a sync on demand, under the same lease as the scheduled jobs. */
export const syncCommand: CliCommand<SyncArgs, SyncCommandDeps> = {
  name: 'sync',
  summary: 'sync HubSpot into the store now, with a progress bar',
  help,
  parse: (argv) =>
    parseCommandArgs(
      argv,
      {
        portal: { type: 'string' },
        full: { type: 'boolean' },
        reconcile: { type: 'boolean' },
        verbose: { type: 'boolean' },
      },
      argsSchema,
    ),
  async run(args, deps) {
    const active = await listActivePortalIds(deps.db);
    if (args.portal !== undefined && !active.includes(args.portal)) {
      deps.status.print(
        `Portal ${args.portal} is not installed (or was uninstalled). Active: ${active.join(', ') || 'none'}.`,
      );
      return 1;
    }
    const portals = args.portal === undefined ? active : [args.portal];
    if (portals.length === 0) {
      deps.status.print(
        'No active portals: install Harbor in a portal, or set HUBSPOT_ACCESS_TOKEN (see README.md).',
      );
      return 0;
    }
    const mode: SyncMode = args.full ? 'full' : args.reconcile ? 'reconcile' : 'incremental';
    const engineLogger =
      args.verbose || !deps.logger.isLevelEnabled('warn')
        ? deps.logger
        : deps.logger.child({}, { level: 'warn' });
    const outcomes: PortalOutcome[] = [];
    for (const portalId of portals) {
      if (deps.signal?.aborted === true) break;
      outcomes.push(await syncOne({ ...deps, logger: engineLogger }, portalId, mode));
    }
    deps.out.write(`${renderSummaryTable(outcomes)}\n`);
    return outcomes.length === portals.length && outcomes.every(isSuccess) ? 0 : 1;
  },
};

async function syncOne(deps: SyncCommandDeps, portalId: number, mode: SyncMode): Promise<PortalOutcome> {
  const view = createSyncProgressView(deps.status, () => deps.now().getTime());
  try {
    const outcome = await withPortalLease(
      deps.db,
      {
        portalId,
        job: 'sync',
        owner: deps.owner,
        ttlMs: deps.leaseTtlMs ?? defaultLeaseTtlMs,
        heartbeatMs: deps.heartbeatMs ?? defaultHeartbeatMs,
        now: deps.now,
        logger: deps.logger,
        ...(deps.signal === undefined ? {} : { signal: deps.signal }),
      },
      (signal) =>
        syncPortal(deps, {
          portalId,
          mode,
          signal,
          onProgress: (progress) => {
            view.update(progress);
          },
        }),
    );
    return outcome.acquired
      ? { portalId, kind: 'synced', summary: outcome.value }
      : { portalId, kind: 'busy' };
  } catch (error) {
    const appError = toAppError(error);
    deps.logger.error({ err: appError.cause ?? appError, code: appError.code, portalId }, 'sync failed');
    const message = appError.code === 'INTERNAL' && error instanceof Error ? error.message : appError.message;
    return { portalId, kind: 'error', code: appError.code, message };
  } finally {
    view.finish();
  }
}
