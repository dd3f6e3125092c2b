import type { CrmRecord } from '../hubspot/gateway-types.ts';
import { replaceCompanyAssociations } from '../store/repositories/company-associations-repository.ts';
import { archiveCrmObjects } from '../store/repositories/sync-objects-repository.ts';
import { writeFeedbackLinks, writeRecords } from './page-writes.ts';
import { feedbackContactIds, inlineCompanyLinks } from './record-mapping.pure.ts';
import { inlineAssociations, isCompanyLinkedType } from './sync-catalog.pure.ts';
import type { FullCheckpoint } from './sync-checkpoint.pure.ts';
import { throwIfAborted, type SyncContext } from './sync-context.ts';
import { saveTypeState } from './sync-state-store.ts';
import type { SyncedObjectType } from './sync-types.ts';

/**
 * Lists every live record of a type (100 per page, links inline) and applies each page in one transaction
 * with the checkpoint, so a run killed anywhere resumes at the next page and never applies a page twice
 * without its checkpoint. After the last page, rows the listing did not touch since the pass began are
 * records HubSpot no longer has (deleted or merged away): they are archived in that same transaction, and
 * the type's incremental checkpoint becomes the pass's start time.
 */
export async function runFullPass(
  context: SyncContext,
  type: SyncedObjectType,
  start: FullCheckpoint,
  lastModifiedMs: number | undefined,
): Promise<void> {
  const { db, portal, portalId, progress } = context;
  let checkpoint = start;
  progress.startType(type, {
    done: checkpoint.done,
    ...(checkpoint.estimatedTotal === undefined ? {} : { estimatedTotal: checkpoint.estimatedTotal }),
  });
  await progress.setPhase(type);
  const pages = portal.listPages(type, {
    properties: context.properties[type],
    associations: [...inlineAssociations[type]],
    ...(checkpoint.after === undefined ? {} : { after: checkpoint.after }),
  });

  for await (const page of pages) {
    const now = context.now();
    const isLast = page.after === undefined;
    let archived = 0;
    let written = 0;
    await db.transaction().execute(async (tx) => {
      written = await writeRecords(tx, portalId, type, page.results, now);
      await writePageLinks(context, tx, type, page.results, now);
      checkpoint = {
        ...checkpoint,
        done: checkpoint.done + page.results.length,
        written: checkpoint.written + written,
      };
      if (page.after !== undefined) {
        checkpoint = { ...checkpoint, after: page.after };
        await saveTypeState(tx, portalId, type, checkpoint, lastModifiedMs, now);
        return;
      }
      const gone = await archiveCrmObjects(
        tx,
        portalId,
        type,
        { notSeenSince: new Date(checkpoint.passStartedMs) },
        now,
      );
      archived = gone.length;
      await saveTypeState(
        tx,
        portalId,
        type,
        { kind: 'idle', propertiesKey: checkpoint.propertiesKey },
        checkpoint.passStartedMs,
        now,
      );
    });
    await progress.page(type, { records: page.results.length, written, archived });
    if (!isLast) throwIfAborted(context);
  }
  progress.finishType(type);
}

/** Stores the company links a listing page carries inline (feedback: derived from its contacts). */
export async function writePageLinks(
  context: SyncContext,
  tx: SyncContext['db'],
  type: SyncedObjectType,
  records: readonly CrmRecord[],
  now: Date,
): Promise<void> {
  if (isCompanyLinkedType(type)) {
    const ids = records.map((record) => record.id);
    await replaceCompanyAssociations(tx, context.portalId, type, ids, inlineCompanyLinks(records), now);
  } else if (type === 'feedback_submissions') {
    const feedback = records.map((record) => ({
      id: record.id,
      contactIds: feedbackContactIds(record.associations?.contacts ?? [], record.properties.hs_contact_id),
    }));
    await writeFeedbackLinks(tx, context.portalId, feedback, now);
  }
}
