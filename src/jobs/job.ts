import type { Logger } from '../shared/logger.ts';
import type { RunSync, SyncDeps } from '../sync/sync-types.ts';

/** What every job may use, built once in main.ts. */
export interface JobDeps extends SyncDeps {
  runSync: RunSync;
  /** The webhook processor loop: one pass at a time per portal, retried on failure. */
  webhookProcessor: { notify(portalId: number): void };
  /** After each successful sync (the health rescoring); see PortalSyncDeps. */
  afterSync?: ((portalId: number) => Promise<unknown>) | undefined;
}

/** Database leases, one per (portal, lease): jobs sharing a lease never run side by side for one portal. */
export type LeaseName = 'sync' | 'webhooks' | 'actions';

export interface JobContext {
  portalId: number;
  /** Carries job and portal on every line. */
  logger: Logger;
  /** Aborted on shutdown or when the lease is lost; the work stops between pages and resumes next time. */
  signal: AbortSignal;
}

/** One scheduled job: `schedule` is a cron expression (UTC); `run` covers one portal, under `lease` if any. */
export interface Job {
  readonly name: string;
  readonly schedule: string;
  /** Absent when the work guards itself (webhook processing takes its own lease per batch). */
  readonly lease?: LeaseName;
  /** The portals one tick covers. */
  portals(deps: JobDeps): Promise<readonly number[]>;
  run(deps: JobDeps, context: JobContext): Promise<void>;
}
