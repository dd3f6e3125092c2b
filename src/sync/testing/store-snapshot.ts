import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { crmObjectTable } from '../../store/repositories/crm-objects-repository.ts';
import { syncedObjectTypes, type SyncedObjectType } from '../sync-types.ts';

export interface SnapshotRecord {
  id: string;
  properties: Record<string, string | null>;
  modifiedAt: string;
}

/** A portal's store as comparable data: live records, every company link, owners and stages; no sync times. */
export interface StoreSnapshot {
  records: Record<SyncedObjectType, SnapshotRecord[]>;
  /** `type objectId → companyId`, sorted. */
  links: string[];
  owners: { id: string; email: string | null; archived: boolean }[];
  stages: { key: string; isClosed: boolean; isWon: boolean }[];
}

/** Byte order, the same in JS and on every database collation. */
export function byId(a: { id: string }, b: { id: string }): number {
  return compareText(a.id, b.id);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(properties: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(properties).sort(([a], [b]) => compareText(a, b)));
}

/**
 * Everything the sync wrote for one portal, ordered. Archived rows are left out: a fresh full sync never
 * sees them, while an incremental one keeps them marked archived; links are all kept, so a stale link to an
 * archived record shows up as a difference.
 */
export async function snapshotPortalStore(db: Kysely<Database>, portalId: number): Promise<StoreSnapshot> {
  const records = {} as StoreSnapshot['records'];
  for (const type of syncedObjectTypes) {
    const rows = await db
      .selectFrom(crmObjectTable(type))
      .select(['id', 'properties', 'hs_modified_at'])
      .where('portal_id', '=', portalId)
      .where('archived', '=', false)
      .execute();
    records[type] = rows
      .map((row) => ({
        id: row.id,
        properties: sortKeys(row.properties),
        modifiedAt: row.hs_modified_at.toISOString(),
      }))
      .sort(byId);
  }
  const links = await db
    .selectFrom('company_associations')
    .select(['object_type', 'object_id', 'company_id'])
    .where('portal_id', '=', portalId)
    .execute();
  const owners = await db
    .selectFrom('owners')
    .select(['id', 'email', 'archived'])
    .where('portal_id', '=', portalId)
    .execute();
  const stages = await db
    .selectFrom('pipeline_stages')
    .selectAll()
    .where('portal_id', '=', portalId)
    .execute();
  return {
    records,
    links: links
      .map((link) => `${link.object_type} ${link.object_id} → ${link.company_id}`)
      .sort(compareText),
    owners: owners.sort(byId),
    stages: stages
      .map((stage) => ({
        key: `${stage.object_type}/${stage.pipeline_id}/${stage.stage_id}`,
        isClosed: stage.is_closed,
        isWon: stage.is_won,
      }))
      .sort((a, b) => compareText(a.key, b.key)),
  };
}
