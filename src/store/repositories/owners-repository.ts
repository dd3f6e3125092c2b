import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface OwnerRecord {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  userId: string | null;
  archived: boolean;
}

export async function upsertOwners(
  db: Kysely<Database>,
  portalId: number,
  owners: readonly OwnerRecord[],
  now: Date,
): Promise<void> {
  if (owners.length === 0) return;
  await db
    .insertInto('owners')
    .values(
      owners.map((owner) => ({
        portal_id: portalId,
        id: owner.id,
        email: owner.email,
        first_name: owner.firstName,
        last_name: owner.lastName,
        user_id: owner.userId,
        archived: owner.archived,
        synced_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['portal_id', 'id']).doUpdateSet((eb) => ({
        email: eb.ref('excluded.email'),
        first_name: eb.ref('excluded.first_name'),
        last_name: eb.ref('excluded.last_name'),
        user_id: eb.ref('excluded.user_id'),
        archived: eb.ref('excluded.archived'),
        synced_at: eb.ref('excluded.synced_at'),
      })),
    )
    .execute();
}

export async function listOwners(db: Kysely<Database>, portalId: number): Promise<OwnerRecord[]> {
  const rows = await db
    .selectFrom('owners')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    userId: row.user_id,
    archived: row.archived,
  }));
}

/** Whether the user is one of the portal's active HubSpot users (each owner carries the user id behind it). */
export async function isPortalUser(db: Kysely<Database>, portalId: number, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('owners')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('user_id', '=', userId)
    .where('archived', '=', false)
    .executeTakeFirst();
  return row !== undefined;
}
