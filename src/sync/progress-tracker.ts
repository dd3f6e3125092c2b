import type { Kysely } from 'kysely';

import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { updateSyncRunProgress } from '../store/repositories/sync-runs-repository.ts';
import { estimateEtaSeconds, shouldLogPage, shouldPersistProgress } from './sync-progress.pure.ts';
import type { SyncedObjectType, SyncMode, SyncProgress, SyncSummary, TypeProgress } from './sync-types.ts';

export interface ProgressTrackerOptions {
  db: Kysely<Database>;
  logger: Logger;
  portal: PortalGateway;
  runId: number;
  portalId: number;
  mode: SyncMode;
  startedAt: Date;
  now: () => Date;
  onProgress: ((progress: SyncProgress) => void) | undefined;
}

/** Per-run bookkeeping: progress for the caller, sync_runs and the log, plus the counts for the summary. */
export interface ProgressTracker {
  readonly runId: number;
  setPhase(phase: string): Promise<void>;
  /** Lists a type due work in this run before it starts, so the ETA counts it. */
  declareType(type: SyncedObjectType, progress: TypeProgress): void;
  /** Starts a type's pass: `done` and the estimate carry over from the checkpoint when resuming. */
  startType(type: SyncedObjectType, progress: TypeProgress): void;
  finishType(type: SyncedObjectType): void;
  /** After every committed page: `records` processed, and what it wrote and archived. */
  page(
    type: SyncedObjectType,
    change: { records: number; written?: number; archived?: number },
  ): Promise<void>;
  apiCalls(): number;
  snapshot(): SyncProgress;
  /** sync_runs' progress JSON: the snapshot plus API calls per type. */
  persistable(): Record<string, unknown>;
  counts(): SyncSummary['counts'];
}

export function createProgressTracker(options: ProgressTrackerOptions): ProgressTracker {
  const { db, logger, portal, runId, now } = options;
  const callsAtStart = portal.callCount();
  const types: Partial<Record<SyncedObjectType, TypeProgress>> = {};
  const counts: SyncSummary['counts'] = {};
  const typeCalls: Partial<Record<SyncedObjectType, number>> = {};
  const typeCallsAtStart: Partial<Record<SyncedObjectType, number>> = {};
  let phase = 'starting';
  let processed = 0;
  let pages = 0;
  let lastPersistedMs: number | undefined;

  const apiCalls = (): number => portal.callCount() - callsAtStart;

  function snapshot(): SyncProgress {
    const elapsedMs = now().getTime() - options.startedAt.getTime();
    const etaSeconds = estimateEtaSeconds(types, processed, elapsedMs);
    return {
      portalId: options.portalId,
      runId,
      mode: options.mode,
      phase,
      types: structuredClone(types),
      apiCalls: apiCalls(),
      startedAt: options.startedAt,
      ...(etaSeconds === undefined ? {} : { etaSeconds }),
    };
  }

  function persistable(): Record<string, unknown> {
    const progress = snapshot();
    return { ...progress, startedAt: progress.startedAt.toISOString(), typeCalls: { ...typeCalls } };
  }

  async function persist(force: boolean): Promise<void> {
    const nowMs = now().getTime();
    if (!force && !shouldPersistProgress(lastPersistedMs, nowMs)) return;
    lastPersistedMs = nowMs;
    await updateSyncRunProgress(db, runId, persistable(), apiCalls());
  }

  return {
    runId,
    async setPhase(next) {
      phase = next;
      options.onProgress?.(snapshot());
      await persist(true);
    },
    declareType(type, progress) {
      types[type] ??= { ...progress };
    },
    startType(type, progress) {
      types[type] = { ...progress };
      counts[type] ??= { written: 0, archived: 0 };
      typeCallsAtStart[type] = portal.callCount();
    },
    finishType(type) {
      typeCalls[type] = (typeCalls[type] ?? 0) + portal.callCount() - (typeCallsAtStart[type] ?? 0);
      logger.info(
        { type, done: types[type]?.done, ...counts[type], apiCalls: typeCalls[type] },
        `synced ${type}`,
      );
    },
    async page(type, change) {
      const progress = (types[type] ??= { done: 0 });
      progress.done += change.records;
      const count = (counts[type] ??= { written: 0, archived: 0 });
      count.written += change.written ?? 0;
      count.archived += change.archived ?? 0;
      processed += change.records;
      pages += 1;
      const current = snapshot();
      options.onProgress?.(current);
      if (shouldLogPage(pages)) {
        logger.info(
          { phase, types: current.types, apiCalls: current.apiCalls, etaSeconds: current.etaSeconds },
          'sync progress',
        );
      }
      await persist(false);
    },
    apiCalls,
    snapshot,
    persistable,
    counts: () => structuredClone(counts),
  };
}
