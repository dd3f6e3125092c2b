import { countCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { archiveCrmObjects } from '../store/repositories/sync-objects-repository.ts';
import { reconcileLinks } from './link-reconcile.ts';
import { fetchMissingRecords } from './missing-records.ts';
import { writeRecords } from './page-writes.ts';
import { mergedIdsOfPage, modifiedAtOf } from './record-mapping.pure.ts';
import { lastModifiedProperty } from './sync-catalog.pure.ts';
import { excessLiveRecords, missingLiveRecords, type IncrementalCheckpoint } from './sync-checkpoint.pure.ts';
import { throwIfAborted, type SyncContext } from './sync-context.ts';
import { saveTypeState } from './sync-state-store.ts';
import type { SyncedObjectType } from './sync-types.ts';

/**
 * One type's incremental pass, in three resumable steps: apply everything modified since the last change
 * applied (minus the overlap), archive what HubSpot deleted or merged away, then re-read company links where
 * they may have changed (all but companies). Each page commits with its checkpoint; the high-water mark
 * moves only when the pass completes.
 */
export async function runIncrementalPass(
  context: SyncContext,
  type: SyncedObjectType,
  start: IncrementalCheckpoint,
  lastModifiedMs: number | undefined,
): Promise<void> {
  let checkpoint = start;
  context.progress.startType(type, { done: checkpoint.done });
  const save = async (next: IncrementalCheckpoint, db = context.db): Promise<void> => {
    checkpoint = next;
    await saveTypeState(db, context.portalId, type, next, lastModifiedMs, context.now());
  };
  if (checkpoint.step === 'changes') {
    await context.progress.setPhase(type);
    await applyChanges(context, type, checkpoint, save);
    await save({ ...checkpoint, step: 'deletions' });
  }
  if (checkpoint.step === 'deletions') {
    await context.progress.setPhase('reconcile');
    await applyDeletions(context, type, checkpoint, save);
    await fetchMissingRecords(context, type, checkpoint, save);
    if (type !== 'companies') await save({ ...checkpoint, step: 'links' });
  }
  if (checkpoint.step === 'links' && type !== 'companies') {
    await context.progress.setPhase('associations');
    await reconcileLinks(context, type, checkpoint, save);
  }
  const sweepCursor =
    checkpoint.links === undefined ? checkpoint.sweepCursor : checkpoint.links.nextSweepCursor;
  await saveTypeState(
    context.db,
    context.portalId,
    type,
    {
      kind: 'idle',
      propertiesKey: checkpoint.propertiesKey,
      ...(sweepCursor === undefined ? {} : { sweepCursor }),
    },
    Math.max(lastModifiedMs ?? 0, checkpoint.maxModifiedMs),
    context.now(),
  );
  context.progress.finishType(type);
}

type Save = (next: IncrementalCheckpoint, db?: SyncContext['db']) => Promise<void>;

async function applyChanges(
  context: SyncContext,
  type: SyncedObjectType,
  start: IncrementalCheckpoint,
  save: Save,
): Promise<void> {
  const { db, portal, portalId } = context;
  let checkpoint = start;
  const pages = portal.searchModifiedSince(type, {
    sinceMs: checkpoint.resumeFromMs,
    properties: context.properties[type],
    lastModifiedProperty: lastModifiedProperty[type],
    pageSize: 200,
  });
  for await (const page of pages) {
    const now = context.now();
    let written = 0;
    let archived = 0;
    await db.transaction().execute(async (tx) => {
      written = await writeRecords(tx, portalId, type, page.results, now);
      // A merge archives the records it folds in; the survivor names them and its own change brought it here.
      const merged = await archiveCrmObjects(tx, portalId, type, { ids: mergedIdsOfPage(page.results) }, now);
      archived = merged.length;
      const newest = Math.max(0, ...page.results.map((record) => modifiedAtOf(type, record).getTime()));
      checkpoint = {
        ...checkpoint,
        resumeFromMs: page.resumeFromMs,
        maxModifiedMs: Math.max(checkpoint.maxModifiedMs, newest),
        done: checkpoint.done + page.results.length,
        written: checkpoint.written + written,
        archived: checkpoint.archived + archived,
      };
      await save(checkpoint, tx);
    });
    await context.progress.page(type, { records: page.results.length, written, archived });
    throwIfAborted(context);
  }
}

/**
 * Search never shows archived records, so deletions are found by counting: when we hold more live records
 * than HubSpot's search total, the archived listing names the ones to archive. It stops as soon as the
 * excess is accounted for; its cost grows with HubSpot's archive (kept 90 days), which is why it only runs
 * when the counts disagree. Records purged from HubSpot's archive are left for the nightly reconcile.
 */
async function applyDeletions(
  context: SyncContext,
  type: SyncedObjectType,
  start: IncrementalCheckpoint,
  save: Save,
): Promise<void> {
  const { db, portal, portalId } = context;
  let checkpoint = start;
  if (checkpoint.deletions === undefined) {
    const { total } = await portal.search(type, { limit: 1, properties: ['hs_object_id'] });
    const live = await countCrmObjects(db, portalId, type);
    checkpoint = {
      ...checkpoint,
      deletions: { excess: excessLiveRecords(live, total), found: 0 },
      missing: { count: missingLiveRecords(live, total), found: 0 },
    };
    await save(checkpoint);
  }
  let deletions = checkpoint.deletions;
  if (deletions === undefined || deletions.found >= deletions.excess) return;
  const pages = portal.listPages(type, {
    properties: [lastModifiedProperty[type]],
    archived: true,
    ...(deletions.after === undefined ? {} : { after: deletions.after }),
  });
  for await (const page of pages) {
    const now = context.now();
    let archived = 0;
    await db.transaction().execute(async (tx) => {
      const ids = page.results.map((record) => record.id);
      const gone = await archiveCrmObjects(tx, portalId, type, { ids }, now);
      archived = gone.length;
      deletions = {
        excess: deletions?.excess ?? 0,
        found: (deletions?.found ?? 0) + archived,
        ...(page.after === undefined ? {} : { after: page.after }),
      };
      checkpoint = { ...checkpoint, deletions, archived: checkpoint.archived + archived };
      await save(checkpoint, tx);
    });
    await context.progress.page(type, { records: 0, archived });
    if (deletions.found >= deletions.excess) break;
    throwIfAborted(context);
  }
}
