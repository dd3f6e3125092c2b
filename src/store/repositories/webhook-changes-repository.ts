import { sql, type Kysely } from 'kysely';

import type { CrmObjectType, Database } from '../database-schema.ts';
import { crmObjectTable } from './crm-objects-repository.ts';

export type LinkedObjectType = 'deals' | 'tickets' | 'contacts';

export interface ArchivedObject {
  id: string;
  /** When HubSpot archived it, as far as we know: the ordering key the row keeps. */
  archivedAt: Date;
}

/**
 * Marks records archived. A record never stored gets a tombstone (no properties) so that an older copy
 * arriving later (a stale sync page, a replayed event) cannot bring it back. Guarded like upsertCrmObjects:
 * a row modified after `archivedAt` (restored and changed since) is left alone, unless `force` says HubSpot
 * reported it gone right now. Returns the ids whose row was written.
 */
export async function archiveWithTombstones(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  objects: readonly ArchivedObject[],
  now: Date,
  options: { force?: boolean } = {},
): Promise<string[]> {
  if (objects.length === 0) return [];
  const name = crmObjectTable(type);
  const rows = await db
    .insertInto(name)
    .values(
      objects.map((object) => ({
        portal_id: portalId,
        id: object.id,
        properties: JSON.stringify({}),
        archived: true,
        hs_modified_at: object.archivedAt,
        synced_at: now,
      })),
    )
    .onConflict((oc) => {
      const update = oc.columns(['portal_id', 'id']).doUpdateSet({
        archived: true,
        hs_modified_at: sql<Date>`greatest(${sql.ref(`${name}.hs_modified_at`)}, excluded.hs_modified_at)`,
        synced_at: now,
      });
      return options.force === true
        ? update
        : update.whereRef(`${name}.hs_modified_at`, '<=', 'excluded.hs_modified_at');
    })
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Drops every link to these companies (HubSpot drops an archived record's associations). */
export async function deleteLinksToCompanies(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<void> {
  if (companyIds.length === 0) return;
  await db
    .deleteFrom('company_associations')
    .where('portal_id', '=', portalId)
    .where('company_id', 'in', companyIds)
    .execute();
}

/** The deals, tickets and contacts the store links to any of these companies. */
export async function listObjectsLinkedToCompanies(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<{ objectType: LinkedObjectType; objectId: string }[]> {
  if (companyIds.length === 0) return [];
  const rows = await db
    .selectFrom('company_associations')
    .select(['object_type', 'object_id'])
    .distinct()
    .where('portal_id', '=', portalId)
    .where('company_id', 'in', companyIds)
    .where('object_type', 'in', ['deals', 'tickets', 'contacts'])
    .execute();
  return rows.map((row) => ({ objectType: row.object_type as LinkedObjectType, objectId: row.object_id }));
}

/** 'unknown' when the portal never installed Harbor. */
export async function findPortalInstallState(
  db: Kysely<Database>,
  portalId: number,
): Promise<'active' | 'uninstalled' | 'unknown'> {
  const row = await db
    .selectFrom('portals')
    .select('uninstalled_at')
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  if (row === undefined) return 'unknown';
  return row.uninstalled_at === null ? 'active' : 'uninstalled';
}

/** Portals with at least one unprocessed webhook event (served by the partial pending index). */
export async function listPortalsWithPendingWebhookEvents(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('webhook_events')
    .select('portal_id')
    .distinct()
    .where('processed_at', 'is', null)
    .orderBy('portal_id')
    .execute();
  return rows.map((row) => row.portal_id);
}

/** The stored version of each listed record (ids not stored are left out). */
export async function listStoredVersions(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  ids: readonly string[],
): Promise<{ id: string; archived: boolean; modifiedAt: Date }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(crmObjectTable(type))
    .select(['id', 'archived', 'hs_modified_at'])
    .where('portal_id', '=', portalId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => ({ id: row.id, archived: row.archived, modifiedAt: row.hs_modified_at }));
}
