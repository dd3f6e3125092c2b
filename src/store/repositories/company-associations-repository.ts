import type { Kysely } from 'kysely';

import type { CrmObjectType, Database } from '../database-schema.ts';

export type AssociatedType = Exclude<CrmObjectType, 'companies'>;

/**
 * Makes the stored company links of the given objects exactly `links`: links HubSpot no longer reports are
 * removed in the same transaction, so an association removed in HubSpot disappears here too.
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
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('company_associations')
      .where('portal_id', '=', portalId)
      .where('object_type', '=', objectType)
      .where('object_id', 'in', objectIds)
      .execute();
    if (links.length === 0) return;
    await tx
      .insertInto('company_associations')
      .values(
        links.map((link) => ({
          portal_id: portalId,
          company_id: link.companyId,
          object_type: objectType,
          object_id: link.objectId,
          synced_at: now,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
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
