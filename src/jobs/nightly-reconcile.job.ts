import { listActivePortalIds } from '../store/repositories/portals-repository.ts';
import type { Job } from './job.ts';
import { runPortalSyncJob } from './sync-job-run.ts';

/**
 * The nightly pass that catches what incremental search cannot see: archived and merged records, association
 * changes and drift. It shares the 'sync' lease, so it never runs beside an incremental sync of the same portal.
 */
export function nightlyReconcileJob(schedule: string): Job {
  return {
    name: 'nightly-reconcile',
    schedule,
    lease: 'sync',
    portals: (deps) => listActivePortalIds(deps.db),
    run: (deps, context) => runPortalSyncJob(deps, context, 'reconcile'),
  };
}
