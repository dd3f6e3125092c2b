import type { Kysely } from 'kysely';

import type { CrmRecord } from '../hubspot/gateway-types.ts';
import { replaceCompanyAssociations } from '../store/repositories/company-associations-repository.ts';
import type { Database } from '../store/database-schema.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { findCompanyLinks } from '../store/repositories/sync-links-repository.ts';
import { touchCrmObjects } from '../store/repositories/sync-objects-repository.ts';
import { deriveFeedbackLinks, toStoredRecord } from './record-mapping.pure.ts';
import type { SyncedObjectType } from './sync-types.ts';

/**
 * Upserts a page of records (older data never overwrites newer) and marks every one of them as seen by the
 * pass, so a full pass can tell afterwards which stored rows HubSpot no longer lists. Returns rows written.
 */
export async function writeRecords(
  db: Kysely<Database>,
  portalId: number,
  type: SyncedObjectType,
  records: readonly CrmRecord[],
  now: Date,
): Promise<number> {
  const written = await upsertCrmObjects(
    db,
    portalId,
    type,
    records.map((record) => toStoredRecord(type, record)),
    now,
  );
  await touchCrmObjects(
    db,
    portalId,
    type,
    records.map((record) => record.id),
    now,
  );
  return written;
}

/**
 * Stores survey answers' company links, derived from their contact's stored company links (contacts are
 * synced before feedback). Feedback with no contact, or a contact without a company, gets no link.
 */
export async function writeFeedbackLinks(
  db: Kysely<Database>,
  portalId: number,
  feedback: readonly { id: string; contactIds: readonly string[] }[],
  now: Date,
): Promise<void> {
  const contactIds = [...new Set(feedback.flatMap((item) => item.contactIds))];
  const contactLinks = await findCompanyLinks(db, portalId, 'contacts', contactIds);
  await replaceCompanyAssociations(
    db,
    portalId,
    'feedback_submissions',
    feedback.map((item) => item.id),
    deriveFeedbackLinks(feedback, contactLinks),
    now,
  );
}
