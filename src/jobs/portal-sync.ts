import { failAbandonedSyncRuns } from '../store/repositories/sync-runs-repository.ts';
import type { RunSync, SyncDeps, SyncMode, SyncOptions, SyncSummary } from '../sync/sync-types.ts';

export interface PortalSyncDeps extends SyncDeps {
  runSync: RunSync;
  /**
   * Runs after every successful sync, under the same lease (the health score is recomputed from what the
   * sync brought). Its failure is logged, never turned into a failed sync: the data is in either way.
   */
  afterSync?: ((portalId: number) => Promise<unknown>) | undefined;
}

export interface PortalSyncRequest {
  portalId: number;
  /** The engine reads a type in full when it never completed a full pass, whatever the mode asked. */
  mode: SyncMode;
  onProgress?: SyncOptions['onProgress'];
  signal?: AbortSignal;
}

/**
 * Syncs one portal; the caller must hold its 'sync' lease. Holding it means nobody else is syncing the
 * portal, so runs still marked running were left by a process that died: they are closed first (the
 * engine resumes their work from the checkpoint).
 */
export async function syncPortal(deps: PortalSyncDeps, request: PortalSyncRequest): Promise<SyncSummary> {
  const abandoned = await failAbandonedSyncRuns(deps.db, request.portalId, deps.now());
  if (abandoned > 0) {
    deps.logger.warn(
      { portalId: request.portalId, abandoned },
      'closed sync runs left running by a stopped process',
    );
  }
  const { runSync, afterSync, ...syncDeps } = deps;
  const summary = await runSync(syncDeps, {
    portalId: request.portalId,
    mode: request.mode,
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  });
  if (summary.status === 'succeeded' && afterSync !== undefined && request.signal?.aborted !== true) {
    try {
      await afterSync(request.portalId);
    } catch (error) {
      deps.logger.error({ err: error, portalId: request.portalId }, 'rescoring after the sync failed');
    }
  }
  return summary;
}
