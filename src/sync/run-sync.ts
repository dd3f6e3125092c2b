import {
  failAbandonedSyncRuns,
  finishSyncRun,
  startSyncRun,
} from '../store/repositories/sync-runs-repository.ts';
import { estimateTotals } from './estimate-totals.ts';
import { runFullPass } from './full-pass.ts';
import { runIncrementalPass } from './incremental-pass.ts';
import { syncOwnersAndPipelines } from './metadata-sync.ts';
import { createProgressTracker } from './progress-tracker.ts';
import { loadMappedProperties } from './mapped-properties.ts';
import { propertiesFor, propertiesKey } from './sync-catalog.pure.ts';
import {
  isMetadataDue,
  newFullCheckpoint,
  newIncrementalCheckpoint,
  planRun,
  type Checkpoint,
  type TypePlan,
  type TypeState,
} from './sync-checkpoint.pure.ts';
import { throwIfAborted, type SyncContext } from './sync-context.ts';
import { describeSyncFailure, SyncAbortedError } from './sync-progress.pure.ts';
import { findMetadataRefreshedMs, loadTypeStates, saveTypeState } from './sync-state-store.ts';
import { syncedObjectTypes, type RunSync, type SyncedObjectType, type SyncSummary } from './sync-types.ts';

/**
 * Syncs one portal: owners and pipelines, then companies, deals, tickets, contacts and feedback in that order
 * (feedback's company links derive from its contact's). Every page commits with its checkpoint, so a run
 * that dies — kill -9 included — is resumed by the next one. Never throws for a failed sync: the summary and
 * sync_runs say why, and the checkpoint stays. One run per portal at a time (the scheduler's lease).
 */
export const runSync: RunSync = async (deps, options) => {
  const { db, gateway, now } = deps;
  const { portalId, mode } = options;
  const startedAt = now();
  await failAbandonedSyncRuns(db, portalId, startedAt);
  const runId = await startSyncRun(db, portalId, mode, startedAt);
  const logger = deps.logger.child({ portalId, runId, mode });
  const portal = gateway.forPortal(portalId);
  const progress = createProgressTracker({
    db,
    logger,
    portal,
    runId,
    portalId,
    mode,
    startedAt,
    now,
    onProgress: options.onProgress,
  });
  const context: SyncContext = {
    db,
    portal,
    portalId,
    logger,
    now,
    properties: {} as SyncContext['properties'],
    propertiesKeys: {} as SyncContext['propertiesKeys'],
    progress,
    signal: options.signal,
  };
  logger.info('sync started');

  let error: unknown;
  try {
    await syncPortal(context, mode);
  } catch (caught) {
    error = caught;
  }
  const finishedAt = now();
  const summary: SyncSummary = {
    runId,
    portalId,
    mode,
    status: error === undefined ? 'succeeded' : 'failed',
    counts: progress.counts(),
    apiCalls: progress.apiCalls(),
    seconds: (finishedAt.getTime() - startedAt.getTime()) / 1_000,
    ...(error === undefined ? {} : { error: describeSyncFailure(error) }),
  };
  if (error === undefined) await progress.setPhase('done');
  await finishSyncRun(
    db,
    runId,
    {
      status: summary.status,
      apiCalls: summary.apiCalls,
      progress: progress.persistable(),
      ...(summary.error === undefined ? {} : { error: summary.error }),
    },
    finishedAt,
  );
  if (error === undefined) logger.info({ ...summary }, 'sync finished');
  else if (error instanceof SyncAbortedError)
    logger.warn({ ...summary }, 'sync aborted; the checkpoint stays');
  else logger.error({ err: error, ...summary }, 'sync failed; the checkpoint stays');
  return summary;
};

async function syncPortal(context: SyncContext, mode: SyncSummary['mode']): Promise<void> {
  const { db, portalId } = context;
  throwIfAborted(context);
  const mapped = await loadMappedProperties(db, portalId);
  for (const type of syncedObjectTypes) {
    context.properties[type] = propertiesFor(type, mapped);
    context.propertiesKeys[type] = propertiesKey(context.properties[type]);
  }
  const states = await loadTypeStates(db, portalId, syncedObjectTypes);
  const plans = planRun(mode, states, context.propertiesKeys, syncedObjectTypes);

  const nowMs = context.now().getTime();
  if (isMetadataDue(mode, await findMetadataRefreshedMs(db, portalId), nowMs)) {
    await syncOwnersAndPipelines(context);
    throwIfAborted(context);
  }
  await startPasses(context, plans, states);
  for (const type of syncedObjectTypes) {
    const checkpoint = states[type]?.checkpoint;
    if (plans[type] === 'skip' || checkpoint === undefined || checkpoint.kind === 'idle') continue;
    const estimate = checkpoint.kind === 'full' ? checkpoint.estimatedTotal : undefined;
    context.progress.declareType(type, {
      done: checkpoint.done,
      ...(estimate === undefined ? {} : { estimatedTotal: estimate }),
    });
  }

  for (const type of syncedObjectTypes) {
    if (plans[type] !== 'skip') await syncType(context, type, states[type]);
    throwIfAborted(context);
  }
}

/**
 * Writes the checkpoint of every type starting a new pass before any page is read, in one transaction and
 * with one start time. Should the run die, the next one sees which passes are owed and finishes those
 * instead of starting over; and "written since the pass began" means the same instant for every type, which
 * is how survey answers find the contacts that changed under them.
 */
async function startPasses(
  context: SyncContext,
  plans: Record<SyncedObjectType, TypePlan>,
  states: Partial<Record<SyncedObjectType, TypeState>>,
): Promise<void> {
  const fullTypes = syncedObjectTypes.filter((type) => plans[type] === 'fresh-full');
  const estimates = fullTypes.length === 0 ? {} : await estimateTotals(context, fullTypes);
  const now = context.now();
  await context.db.transaction().execute(async (tx) => {
    for (const type of syncedObjectTypes) {
      const state = states[type];
      const lastModifiedMs = state?.lastModifiedMs;
      let checkpoint: Checkpoint | undefined;
      if (plans[type] === 'fresh-full') {
        checkpoint = newFullCheckpoint(now.getTime(), context.propertiesKeys[type], estimates[type]);
      } else if (
        plans[type] === 'fresh-incremental' &&
        state?.checkpoint.kind === 'idle' &&
        lastModifiedMs !== undefined
      ) {
        checkpoint = newIncrementalCheckpoint(now.getTime(), lastModifiedMs, state.checkpoint);
      }
      if (checkpoint === undefined) continue;
      states[type] = { checkpoint, lastModifiedMs };
      await saveTypeState(tx, context.portalId, type, checkpoint, lastModifiedMs, now);
    }
  });
}

async function syncType(
  context: SyncContext,
  type: SyncedObjectType,
  state: TypeState | undefined,
): Promise<void> {
  const checkpoint = state?.checkpoint;
  if (checkpoint?.kind === 'full') await runFullPass(context, type, checkpoint, state?.lastModifiedMs);
  else if (checkpoint?.kind === 'incremental') {
    await runIncrementalPass(context, type, checkpoint, state?.lastModifiedMs);
  }
}
