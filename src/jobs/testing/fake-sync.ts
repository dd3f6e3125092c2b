import type { Kysely } from 'kysely';

import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { createTokenCipher } from '../../shared/crypto/token-cipher.ts';
import type { Database } from '../../store/database-schema.ts';
import { saveInstall } from '../../store/repositories/portals-repository.ts';
import { finishSyncRun, startSyncRun } from '../../store/repositories/sync-runs-repository.ts';
import type { RunSync, SyncOptions, SyncProgress, SyncSummary } from '../../sync/sync-types.ts';

/** A gateway no test should reach: the fakes below never call HubSpot. */
export const unreachableGateway: HubSpotGateway = {
  forPortal: () => {
    throw new Error('this test does not call HubSpot');
  },
  forget: () => undefined,
};

export async function installPortals(
  db: Kysely<Database>,
  portalIds: readonly number[],
  account: { timeZone?: string; companyCurrency?: string } = {},
): Promise<void> {
  const cipher = createTokenCipher(Buffer.alloc(32, 5));
  for (const portalId of portalIds) {
    await saveInstall(
      db,
      cipher,
      { portalId, authKind: 'static', accessToken: `token-${portalId}`, scopes: [], ...account },
      new Date('2026-11-24T09:00:00Z'),
    );
  }
}

export interface FakeSync {
  runSync: RunSync;
  calls: SyncOptions[];
  /** Runs still waiting on `release`. */
  release(): void;
}

/**
 * A RunSync that records its calls, writes a sync_runs row like the engine does, reports progress twice and,
 * when `isHeld`, waits for `release()` or its abort signal. `fail` makes it return a failed summary.
 */
export function createFakeSync(
  options: { isHeld?: boolean; fail?: string; throws?: Error; onProgressTotal?: number } = {},
): FakeSync {
  const calls: SyncOptions[] = [];
  const waiting: (() => void)[] = [];
  const runSync: RunSync = async (deps, syncOptions) => {
    calls.push(syncOptions);
    if (options.throws !== undefined) throw options.throws;
    const startedAt = deps.now();
    const runId = await startSyncRun(deps.db, syncOptions.portalId, syncOptions.mode, startedAt);
    const total = options.onProgressTotal ?? 200;
    const progress = (done: number): SyncProgress => ({
      portalId: syncOptions.portalId,
      runId,
      mode: syncOptions.mode,
      phase: done < total ? 'companies' : 'done',
      types: { companies: { done, estimatedTotal: total }, deals: { done: done / 2 } },
      apiCalls: Math.ceil(done / 100) + 2,
      startedAt,
    });
    syncOptions.onProgress?.(progress(total / 2));
    if (options.isHeld === true) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        syncOptions.signal?.addEventListener('abort', () => {
          resolve();
        });
      });
    }
    const status =
      options.fail === undefined && syncOptions.signal?.aborted !== true ? 'succeeded' : 'failed';
    syncOptions.onProgress?.(progress(total));
    const summary: SyncSummary = {
      runId,
      portalId: syncOptions.portalId,
      mode: syncOptions.mode,
      status,
      counts: { companies: { written: total, archived: 0 }, deals: { written: total / 2, archived: 1 } },
      apiCalls: Math.ceil(total / 100) + 2,
      seconds: 0.5,
      ...(status === 'failed' ? { error: options.fail ?? 'stopped' } : {}),
    };
    await finishSyncRun(
      deps.db,
      runId,
      {
        status,
        apiCalls: summary.apiCalls,
        progress: { companies: { done: total } },
        ...(summary.error === undefined ? {} : { error: summary.error }),
      },
      deps.now(),
    );
    return summary;
  };
  return {
    runSync,
    calls,
    release: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

/** A webhook processor that records which portals it was told about. */
export function createRecordingProcessor(): { notify(portalId: number): void; notified: number[] } {
  const notified: number[] = [];
  return { notify: (portalId) => notified.push(portalId), notified };
}
