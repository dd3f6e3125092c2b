import type { AssociationsResult } from '../hubspot/associations.ts';
import type { BatchItemError } from '../hubspot/gateway-types.ts';
import { replaceCompanyAssociations } from '../store/repositories/company-associations-repository.ts';
import { findCompanyLinks, findFeedbackContactHints } from '../store/repositories/sync-links-repository.ts';
import {
  listLinkCandidates,
  listLiveIds,
  touchCrmObjects,
} from '../store/repositories/sync-objects-repository.ts';
import {
  deriveFeedbackLinks,
  feedbackContactIds,
  linksFromAssociations,
  objectsWithChangedLinks,
  type CompanyLink,
} from './record-mapping.pure.ts';
import {
  associationBatchSize,
  sweepCallsPerType,
  sweepSize,
  sweepWindow,
  type IncrementalCheckpoint,
} from './sync-checkpoint.pure.ts';
import { throwIfAborted, type SyncContext } from './sync-context.ts';

type Save = (next: IncrementalCheckpoint, db?: SyncContext['db']) => Promise<void>;
type LinkedType = 'deals' | 'tickets' | 'contacts' | 'feedback_submissions';

/**
 * Re-reads company links (associations v4, 1,000 ids per call) where they may have changed; candidates come
 * from the store (listLinkCandidates), so a resumed pass finds the same ones. For deals, tickets and contacts
 * that includes a rotating window of unchanged records: adding or removing an association does not change a
 * record's last-modified date, so search cannot see it. Webhooks deliver those within seconds; the sweep
 * catches any they missed, covering `sweepCallsPerType` × 1,000 records per run (all of a small portal).
 * Survey answers follow their contact: their contacts are re-read and their companies derived from the
 * contacts' stored links.
 */
export async function reconcileLinks(
  context: SyncContext,
  type: LinkedType,
  start: IncrementalCheckpoint,
  save: Save,
): Promise<void> {
  const { db, portalId } = context;
  const changedSince = new Date(start.passStartedMs);
  let checkpoint = start;
  if (checkpoint.links === undefined) {
    const links =
      type === 'feedback_submissions' ? { sweep: [] } : await planSweep(context, type, checkpoint);
    checkpoint = { ...checkpoint, links };
    await save(checkpoint);
  }
  for (;;) {
    const links = checkpoint.links ?? { sweep: [] };
    const ids = await listLinkCandidates(db, portalId, type, {
      changedSince,
      sweep: links.sweep,
      afterId: links.afterId,
      limit: associationBatchSize,
    });
    const last = ids.at(-1);
    if (last === undefined) return;
    const { readIds, next } = await readLinks(context, type, ids);
    const now = context.now();
    await db.transaction().execute(async (tx) => {
      const before = await findCompanyLinks(tx, portalId, type, readIds);
      const changed = objectsWithChangedLinks(readIds, before, next);
      const changedSet = new Set(changed);
      const changedLinks = next.filter((link) => changedSet.has(link.objectId));
      await replaceCompanyAssociations(tx, portalId, type, changed, changedLinks, now);
      // A contact whose companies changed counts as written, so its survey answers are re-attributed next.
      if (type === 'contacts') await touchCrmObjects(tx, portalId, type, changed, now);
      checkpoint = { ...checkpoint, links: { ...links, afterId: last } };
      await save(checkpoint, tx);
    });
    await context.progress.page(type, { records: 0 });
    if (ids.length < associationBatchSize) return;
    throwIfAborted(context);
  }
}

/** The links HubSpot reports now for `ids`; ids whose read failed are left out (their stored links stay). */
async function readLinks(
  context: SyncContext,
  type: LinkedType,
  ids: readonly string[],
): Promise<{ readIds: string[]; next: CompanyLink[] }> {
  const { portal, portalId, db } = context;
  const toType = type === 'feedback_submissions' ? 'contacts' : 'companies';
  const result = await portal.associationsBatchRead(type, toType, ids);
  const failed = failedIds(result);
  if (failed.size > 0) {
    context.logger.warn(
      { type, ids: [...failed].slice(0, 20) },
      'association read failed for some ids; links kept',
    );
  }
  const readIds = ids.filter((id) => !failed.has(id));
  if (type !== 'feedback_submissions') {
    return { readIds, next: linksFromAssociations(result.byId).filter((link) => !failed.has(link.objectId)) };
  }
  const associated = (id: string): string[] => (result.byId.get(id) ?? []).map((item) => item.toObjectId);
  const hints = await findFeedbackContactHints(
    db,
    portalId,
    readIds.filter((id) => associated(id).length === 0),
  );
  const feedback = readIds.map((id) => ({
    id,
    contactIds: feedbackContactIds(associated(id), hints.get(id)),
  }));
  const contactLinks = await findCompanyLinks(db, portalId, 'contacts', [
    ...new Set(feedback.flatMap((item) => item.contactIds)),
  ]);
  return { readIds, next: deriveFeedbackLinks(feedback, contactLinks) };
}

/** Sizes the sweep to fill the calls the changed records leave free, from where the last sweep stopped. */
async function planSweep(
  context: SyncContext,
  type: Exclude<LinkedType, 'feedback_submissions'>,
  checkpoint: IncrementalCheckpoint,
): Promise<NonNullable<IncrementalCheckpoint['links']>> {
  const { db, portalId } = context;
  const budget = sweepCallsPerType * associationBatchSize;
  const due = await listLinkCandidates(db, portalId, type, {
    changedSince: new Date(checkpoint.passStartedMs),
    sweep: [],
    limit: budget,
  });
  const size = sweepSize(due.length);
  const cursor = checkpoint.sweepCursor;
  const head = size > 0 ? await listLiveIds(db, portalId, type, { after: cursor }, size) : [];
  const wrapped =
    size > head.length && cursor !== undefined
      ? await listLiveIds(db, portalId, type, { upTo: cursor }, size - head.length)
      : [];
  const { ranges, nextCursor } = sweepWindow(cursor, head, wrapped, size);
  return { sweep: ranges, ...(nextCursor === undefined ? {} : { nextSweepCursor: nextCursor }) };
}

/** Ids a batch read reported errors for (other than "no associations", which the gateway already drops). */
function failedIds(result: AssociationsResult): Set<string> {
  const ids = (error: BatchItemError): string[] => [...error.ids, ...(error.context.fromObjectId ?? [])];
  return new Set(result.errors.flatMap(ids));
}
