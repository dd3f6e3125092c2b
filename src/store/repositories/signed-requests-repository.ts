import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/**
 * Records a signed request's signature; false when it was recorded before (a replay). One insert, so two
 * instances receiving the same replay at once cannot both accept it. Signatures older than `forgetBefore`
 * are dropped on the way, as the signature window refuses those requests anyway.
 */
export async function recordSignedRequest(
  db: Kysely<Database>,
  request: { signature: string; route: string; portalId: number | undefined },
  now: Date,
  forgetBefore: Date,
): Promise<boolean> {
  await db.deleteFrom('signed_requests').where('seen_at', '<', forgetBefore).execute();
  const inserted = await db
    .insertInto('signed_requests')
    .values({
      signature: request.signature,
      route: request.route,
      portal_id: request.portalId ?? null,
      seen_at: now,
    })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forgets a signature whose request failed, so HubSpot's retry of it is not taken for a replay. */
export async function forgetSignedRequest(db: Kysely<Database>, signature: string): Promise<void> {
  await db.deleteFrom('signed_requests').where('signature', '=', signature).execute();
}
