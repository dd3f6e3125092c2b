import type { Kysely } from 'kysely';

import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { releaseLease, tryAcquireLease } from '../store/repositories/job-leases-repository.ts';

export interface PortalLeaseOptions {
  portalId: number;
  /** The lease's name, e.g. 'sync'. */
  job: string;
  /** This instance (INSTANCE_ID), or the CLI process. */
  owner: string;
  /** How long a holder that stops renewing keeps others out: a crashed run is picked up after this. */
  ttlMs: number;
  /** Renewal period; well under ttlMs so a slow database round trip never lets the lease lapse. */
  heartbeatMs: number;
  now: () => Date;
  logger: Logger;
  /** Stops the work from outside (shutdown). */
  signal?: AbortSignal;
}

export type LeaseOutcome<T> = { acquired: false } | { acquired: true; value: T };

export const defaultLeaseTtlMs = 120_000;
export const defaultHeartbeatMs = 30_000;

/**
 * Runs `work` while holding the (portal, job) lease in the database, renewed every heartbeat and released
 * afterwards. When another owner holds it, nothing runs. When a renewal finds the lease gone (this process
 * stalled past the TTL and another instance took over), the work's signal is aborted so two runs never carry on.
 */
export async function withPortalLease<T>(
  db: Kysely<Database>,
  options: PortalLeaseOptions,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const lease = { portalId: options.portalId, job: options.job, owner: options.owner, ttlMs: options.ttlMs };
  if (!(await tryAcquireLease(db, lease, options.now()))) return { acquired: false };

  const lost = new AbortController();
  const signal = options.signal === undefined ? lost.signal : AbortSignal.any([lost.signal, options.signal]);
  let timer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> = Promise.resolve();
  let isDone = false;
  const scheduleRenewal = (): void => {
    timer = setTimeout(() => {
      renewing = renew().finally(() => {
        if (!isDone && !lost.signal.aborted) scheduleRenewal();
      });
    }, options.heartbeatMs);
    // The work keeps the process alive, not the heartbeat.
    timer.unref();
  };
  const renew = async (): Promise<void> => {
    try {
      if (!(await tryAcquireLease(db, lease, options.now()))) {
        options.logger.warn({ lease: options.job }, 'lease lost to another instance; stopping this run');
        lost.abort(new AppError('CONFLICT', `lease ${options.job} for portal ${options.portalId} was lost`));
      }
    } catch (error) {
      // One failed renewal is survivable: the TTL spans several heartbeats.
      options.logger.warn({ err: error, lease: options.job }, 'lease renewal failed; retrying');
    }
  };

  scheduleRenewal();
  try {
    return { acquired: true, value: await work(signal) };
  } finally {
    isDone = true;
    clearTimeout(timer);
    await renewing;
    if (!lost.signal.aborted) {
      await releaseLease(db, lease).catch((error: unknown) => {
        // It expires on its own; the next run just waits out the TTL.
        options.logger.warn({ err: error, lease: options.job }, 'lease release failed');
      });
    }
  }
}
