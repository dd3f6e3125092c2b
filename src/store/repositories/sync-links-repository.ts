import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';
import type { AssociatedType } from './company-associations-repository.ts';

export interface StoredCompanyLink {
  objectId: string;
  companyId: string;
}

/** The company links stored now for these objects. */
export async function findCompanyLinks(
  db: Kysely<Database>,
  portalId: number,
  objectType: AssociatedType,
  objectIds: readonly string[],
): Promise<StoredCompanyLink[]> {
  if (objectIds.length === 0) return [];
  const rows = await db
    .selectFrom('company_associations')
    .select(['object_id', 'company_id'])
    .where('portal_id', '=', portalId)
    .where('object_type', '=', objectType)
    .where('object_id', 'in', objectIds)
    .orderBy('object_id')
    .orderBy('company_id')
    .execute();
  return rows.map((row) => ({ objectId: row.object_id, companyId: row.company_id }));
}

export async function deleteCompanyLinksOf(
  db: Kysely<Database>,
  portalId: number,
  objectType: AssociatedType,
  objectIds: readonly string[],
): Promise<void> {
  if (objectIds.length === 0) return;
  await db
    .deleteFrom('company_associations')
    .where('portal_id', '=', portalId)
    .where('object_type', '=', objectType)
    .where('object_id', 'in', objectIds)
    .execute();
}

/** HubSpot's `hs_contact_id` of these survey answers (the contact who answered), where set. */
export async function findFeedbackContactHints(
  db: Kysely<Database>,
  portalId: number,
  feedbackIds: readonly string[],
): Promise<Map<string, string>> {
  if (feedbackIds.length === 0) return new Map();
  const contactId = sql<string | null>`properties->>'hs_contact_id'`;
  const rows = await db
    .selectFrom('feedback_submissions')
    .select(['id', contactId.as('contact_id')])
    .where('portal_id', '=', portalId)
    .where('id', 'in', feedbackIds)
    .execute();
  return new Map(rows.flatMap((row) => (row.contact_id === null ? [] : [[row.id, row.contact_id]])));
}
