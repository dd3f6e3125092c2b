import { findLiveIds } from '../store/repositories/sync-objects-repository.ts';
import { writePageLinks } from './full-pass.ts';
import { writeRecords } from './page-writes.ts';
import { inlineAssociations } from './sync-catalog.pure.ts';
import type { IncrementalCheckpoint } from './sync-checkpoint.pure.ts';
import { throwIfAborted, type SyncContext } from './sync-context.ts';
import type { SyncedObjectType } from './sync-types.ts';

type Save = (next: IncrementalCheckpoint, db?: SyncContext['db']) => Promise<void>;

/**
 * HubSpot counts more live records than we hold, so some never came through the modified-since search (made
 * or imported with a modification time behind the high-water mark, restored from the recycle bin, or lost
 * from the store). The listing is walked the way a full pass reads it, and only records we do not hold live
 * are written (with their links), each page with its checkpoint; the walk stops once they are all found.
 * Records written here count as changed in this pass, so the links step re-reads their associations too.
 */
export async function fetchMissingRecords(
  context: SyncContext,
  type: SyncedObjectType,
  start: IncrementalCheckpoint,
  save: Save,
): Promise<void> {
  const { db, portal, portalId } = context;
  let checkpoint = start;
  let missing = checkpoint.missing;
  if (missing === undefined || missing.found >= missing.count) return;
  context.logger.info(
    { type, missing: missing.count - missing.found },
    'HubSpot holds records the store lacks; walking the listing to fetch them',
  );
  const pages = portal.listPages(type, {
    properties: context.properties[type],
    associations: [...inlineAssociations[type]],
    ...(missing.after === undefined ? {} : { after: missing.after }),
  });
  for await (const page of pages) {
    const now = context.now();
    let written = 0;
    await db.transaction().execute(async (tx) => {
      const held = new Set(
        await findLiveIds(
          tx,
          portalId,
          type,
          page.results.map((record) => record.id),
        ),
      );
      const absent = page.results.filter((record) => !held.has(record.id));
      written = await writeRecords(tx, portalId, type, absent, now);
      await writePageLinks(context, tx, type, absent, now);
      missing = {
        count: missing?.count ?? 0,
        found: (missing?.found ?? 0) + absent.length,
        ...(page.after === undefined ? {} : { after: page.after }),
      };
      checkpoint = {
        ...checkpoint,
        missing,
        done: checkpoint.done + absent.length,
        written: checkpoint.written + written,
      };
      await save(checkpoint, tx);
    });
    await context.progress.page(type, { records: 0, written });
    if (missing.found >= missing.count) break;
    throwIfAborted(context);
  }
}
