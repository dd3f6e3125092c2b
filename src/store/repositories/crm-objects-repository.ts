import type { Kysely } from 'kysely';

import type { CrmObjectType, Database } from '../database-schema.ts';

export interface CrmObjectRecord {
  id: string;
  properties: Record<string, string | null>;
  archived: boolean;
  /** HubSpot's last-modified time for this version of the record. */
  modifiedAt: Date;
}

const upsertChunk = 5_000;

// All CRM object tables share one shape, so one table name stands for the union when building queries.
export function crmObjectTable(type: CrmObjectType): 'companies' {
  return type as 'companies';
}

/**
 * Inserts or updates records. A row only changes when the incoming version is at least as new as the stored
 * one, so a late, older copy (a replayed webhook, an overlapping sync window) never overwrites newer data.
 * Returns how many rows were written.
 */
export async function upsertCrmObjects(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  records: readonly CrmObjectRecord[],
  now: Date,
): Promise<number> {
  if (records.length === 0) return 0;
  // 6 bind parameters a row: PostgreSQL takes at most 65,535 in one statement.
  if (records.length > upsertChunk) {
    let written = 0;
    for (let start = 0; start < records.length; start += upsertChunk) {
      written += await upsertCrmObjects(db, portalId, type, records.slice(start, start + upsertChunk), now);
    }
    return written;
  }
  const name = crmObjectTable(type);
  const result = await db
    .insertInto(name)
    .values(
      records.map((record) => ({
        portal_id: portalId,
        id: record.id,
        properties: JSON.stringify(record.properties),
        archived: record.archived,
        hs_modified_at: record.modifiedAt,
        synced_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['portal_id', 'id'])
        .doUpdateSet((eb) => ({
          properties: eb.ref('excluded.properties'),
          archived: eb.ref('excluded.archived'),
          hs_modified_at: eb.ref('excluded.hs_modified_at'),
          synced_at: eb.ref('excluded.synced_at'),
        }))
        .whereRef(`${name}.hs_modified_at`, '<=', 'excluded.hs_modified_at'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

export async function findCrmObject(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
  id: string,
): Promise<CrmObjectRecord | undefined> {
  const name = crmObjectTable(type);
  const row = await db
    .selectFrom(name)
    .select(['id', 'properties', 'archived', 'hs_modified_at'])
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && { id: row.id, properties: row.properties, archived: row.archived, modifiedAt: row.hs_modified_at }
  );
}

export async function countCrmObjects(
  db: Kysely<Database>,
  portalId: number,
  type: CrmObjectType,
): Promise<number> {
  const name = crmObjectTable(type);
  const row = await db
    .selectFrom(name)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .executeTakeFirstOrThrow();
  return row.count;
}
