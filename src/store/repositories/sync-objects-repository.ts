import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { CrmObjectType, Database } from '../database-schema.ts';
import { crmObjectTable } from './crm-objects-repository.ts';

/** An id range in sync order: after `after` (exclusive) up to `upTo` (inclusive); open ends are unbounded. */
export interface IdRange {
  after?: string | undefined;
  upTo?: string | undefined;
}

/**
 * HubSpot ids are decimal strings, so sync order is (length, text in byte order): numeric order without
 * casting, and the same answer on every database collation.
 */
function idKey(column: string): RawBuilder<unknown> {
  return sql`(length(${sql.ref(column)}), ${sql.ref(column)} collate "C")`;
}
function valueKey(id: string): RawBuilder<unknown> {
  return sql`(length(${id}::text), ${id}::text collate "C")`;
}

function inRange(column: string, range: IdRange): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (range.after !== undefined) parts.push(sql`${idKey(column)} > ${valueKey(range.after)}`);
  if (range.upTo !== undefined) parts.push(sql`${idKey(column)} <= ${valueKey(range.upTo)}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** Marks rows as seen by the pass now going on (the upsert skips rows whose stored version is newer). */
export async function touchCrmObjects(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  ids: readonly string[],
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable(crmObjectTable(type))
    .set({ synced_at: now })
    .where('portal_id', '=', portalId)
    .where('id', 'in', ids)
    .where('synced_at', '<', now)
    .execute();
}

/** The ids among `ids` we hold live. */
export async function findLiveIds(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(crmObjectTable(type))
    .select('id')
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Archives rows HubSpot deleted or merged away and drops their own company links (HubSpot drops an archived
 * record's associations). Links other records hold to an archived company stay until those records are
 * re-read, so the sync can find them. Returns the ids newly archived.
 */
export async function archiveCrmObjects(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  where: { ids: readonly string[] } | { notSeenSince: Date },
  now: Date,
): Promise<string[]> {
  if ('ids' in where && where.ids.length === 0) return [];
  let query = db
    .updateTable(crmObjectTable(type))
    .set({ archived: true, synced_at: now })
    .where('portal_id', '=', portalId)
    .where('archived', '=', false);
  query =
    'ids' in where ? query.where('id', 'in', where.ids) : query.where('synced_at', '<', where.notSeenSince);
  const rows = await query.returning('id').execute();
  const archived = rows.map((row) => row.id);
  if (type !== 'companies' && archived.length > 0) {
    await db
      .deleteFrom('company_associations')
      .where('portal_id', '=', portalId)
      .where('object_type', '=', type)
      .where('object_id', 'in', archived)
      .execute();
  }
  return archived;
}

/** Live ids in sync order within `range`, at most `limit` (the association sweep's window). */
export async function listLiveIds(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  range: IdRange,
  limit: number,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select id from ${sql.table(type)}
    where portal_id = ${portalId} and archived = false and ${inRange('id', range)}
    order by length(id), id collate "C"
    limit ${limit}`.execute(db);
  return rows.rows.map((row) => row.id);
}

export interface LinkCandidateQuery {
  /** Rows written since this time (the changed records of the pass). */
  changedSince: Date;
  /** Ranges of the association sweep (unchanged records re-checked in turn). */
  sweep: readonly IdRange[];
  /** Resume after this id. */
  afterId?: string | undefined;
  limit: number;
}

/**
 * Live records whose company links must be re-read from HubSpot, in sync order after `afterId`: those written
 * since the pass began, and then per type
 * - deals, tickets, contacts: those still linked to a company we archived (a merge moved them to the
 *   surviving company, or the company was deleted), and the sweep's window;
 * - feedback: answers whose contact (`hs_contact_id`) was written, re-linked, merged or archived since then.
 */
export async function listLinkCandidates(
  db: Kysely<Database>,
  portalId: number,
  type: Exclude<CrmObjectType, 'companies'>,
  query: LinkCandidateQuery,
): Promise<string[]> {
  const after = query.afterId === undefined ? sql`` : sql`and ${idKey('o.id')} > ${valueKey(query.afterId)}`;
  const related =
    type === 'feedback_submissions'
      ? sql`exists (
          select 1 from contacts c
          where c.portal_id = o.portal_id and c.id = o.properties->>'hs_contact_id'
            and c.synced_at >= ${query.changedSince})`
      : sql`exists (
          select 1 from company_associations ca
          join companies c on c.portal_id = ca.portal_id and c.id = ca.company_id
          where ca.portal_id = o.portal_id and ca.object_type = ${type} and ca.object_id = o.id and c.archived)`;
  const sweep = query.sweep.map((range) => sql`or ${inRange('o.id', range)}`);
  const rows = await sql<{ id: string }>`
    select o.id from ${sql.table(type)} o
    where o.portal_id = ${portalId} and o.archived = false
      and (o.synced_at >= ${query.changedSince} or ${related} ${sql.join(sweep, sql` `)})
      ${after}
    order by length(o.id), o.id collate "C"
    limit ${query.limit}`.execute(db);
  return rows.rows.map((row) => row.id);
}

/** Marks owners not returned by the owners listing that began at `seenSince` as archived. */
export async function archiveUnseenOwners(
  db: Kysely<Database>,
  portalId: number,
  seenSince: Date,
): Promise<number> {
  const result = await db
    .updateTable('owners')
    .set({ archived: true })
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .where('synced_at', '<', seenSince)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
