import { listActivePortalIds } from '../store/repositories/portals-repository.ts';
import type { Job } from './job.ts';
import { runPortalSyncJob } from './sync-job-run.ts';

/** Everything changed since each active portal's checkpoint (a full sync for a portal that never finished one). */
export function incrementalSyncJob(schedule: string): Job {
  return {
    name: 'incremental-sync',
    schedule,
    lease: 'sync',
    portals: (deps) => listActivePortalIds(deps.db),
    run: (deps, context) => runPortalSyncJob(deps, context, 'incremental'),
  };
}
