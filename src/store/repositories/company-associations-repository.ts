import type { Kysely } from 'kysely';

import type { CrmObjectType, Database } from '../database-schema.ts';

export type AssociatedType = Exclude<CrmObjectType, 'companies'>;

// Far below PostgreSQL's 65,535 bind parameters per statement.
const chunkSize = 5_000;

/**
 * Makes the stored company links of the given objects exactly `links`: links HubSpot no longer reports are
 * removed, so an association removed in HubSpot disappears here too. Inside a caller's transaction it joins
 * it (so records, links and checkpoints commit together); otherwise it opens its own.
 */
export async function replaceCompanyAssociations(
  db: Kysely<Database>,
  portalId: number,
  objectType: AssociatedType,
  objectIds: readonly string[],
  links: readonly { objectId: string; companyId: string }[],
  now: Date,
): Promise<void> {
  if (objectIds.length === 0) return;
  const write = async (tx: Kysely<Database>): Promise<void> => {
    for (let start = 0; start < objectIds.length; start += chunkSize) {
      await tx
        .deleteFrom('company_associations')
        .where('portal_id', '=', portalId)
        .where('object_type', '=', objectType)
        .where('object_id', 'in', objectIds.slice(start, start + chunkSize))
        .execute();
    }
    for (let start = 0; start < links.length; start += chunkSize) {
      await tx
        .insertInto('company_associations')
        .values(
          links.slice(start, start + chunkSize).map((link) => ({
            portal_id: portalId,
            company_id: link.companyId,
            object_type: objectType,
            object_id: link.objectId,
            synced_at: now,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

export async function listCompanyObjectIds(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
  objectType: AssociatedType,
): Promise<string[]> {
  const rows = await db
    .selectFrom('company_associations')
    .select('object_id')
    .where('portal_id', '=', portalId)
    .where('company_id', '=', companyId)
    .where('object_type', '=', objectType)
    .orderBy('object_id')
    .execute();
  return rows.map((row) => row.object_id);
}
