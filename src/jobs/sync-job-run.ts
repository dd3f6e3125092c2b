import type { ErrorCode } from '../shared/errors/error-codes.ts';
import type { SyncMode } from '../sync/sync-types.ts';
import type { JobContext, JobDeps } from './job.ts';
import { syncPortal } from './portal-sync.ts';

/** Shared by the sync jobs: one portal's sync, its outcome logged once. */
export async function runPortalSyncJob(deps: JobDeps, context: JobContext, mode: SyncMode): Promise<void> {
  const summary = await syncPortal(
    { ...deps, logger: context.logger },
    { portalId: context.portalId, mode, signal: context.signal },
  );
  const fields = {
    runId: summary.runId,
    mode: summary.mode,
    counts: summary.counts,
    apiCalls: summary.apiCalls,
    seconds: summary.seconds,
  };
  if (summary.status === 'succeeded') {
    context.logger.info(fields, `${summary.mode} sync done`);
  } else if (context.signal.aborted) {
    context.logger.info(fields, `${summary.mode} sync stopped; the next run resumes from its checkpoint`);
  } else {
    // The engine recorded the failure in sync_runs; the checkpoint lets the next tick resume.
    context.logger.error(
      { ...fields, code: 'SYNC_FAILED' satisfies ErrorCode, error: summary.error },
      `${summary.mode} sync failed: ${summary.error ?? 'unknown error'}`,
    );
  }
}
