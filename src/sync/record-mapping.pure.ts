import type { CrmRecord } from '../hubspot/gateway-types.ts';
import type { CrmObjectRecord } from '../store/repositories/crm-objects-repository.ts';
import { lastModifiedProperty } from './sync-catalog.pure.ts';
import type { SyncedObjectType } from './sync-types.ts';

/** One stored link: an object of some type belongs to a company. */
export interface CompanyLink {
  objectId: string;
  companyId: string;
}

/** HubSpot's last-modified value (ISO or epoch ms), else the record's updatedAt. */
export function modifiedAtOf(type: SyncedObjectType, record: CrmRecord): Date {
  const raw = record.properties[lastModifiedProperty[type]];
  if (raw !== null && raw !== undefined && raw !== '') {
    const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return record.updatedAt;
}

/** The row we keep: HubSpot's values as sent, ordered by HubSpot's own last-modified time. */
export function toStoredRecord(type: SyncedObjectType, record: CrmRecord): CrmObjectRecord {
  return {
    id: record.id,
    properties: record.properties,
    archived: record.archived,
    modifiedAt: modifiedAtOf(type, record),
  };
}

/** Ids a merge folded into this record (`hs_merged_object_ids`, semicolon-separated); never the record itself. */
export function mergedObjectIds(record: CrmRecord): string[] {
  const raw = record.properties.hs_merged_object_ids ?? '';
  const ids = raw
    .split(/[;,\s]+/)
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id) && id !== record.id);
  return [...new Set(ids)];
}

/** Every merged-away id named by a page of records. */
export function mergedIdsOfPage(records: readonly CrmRecord[]): string[] {
  return [...new Set(records.flatMap(mergedObjectIds))];
}

/** Company links carried inline on list pages (`associations=companies`). */
export function inlineCompanyLinks(records: readonly CrmRecord[]): CompanyLink[] {
  return records.flatMap((record) =>
    (record.associations?.companies ?? []).map((companyId) => ({ objectId: record.id, companyId })),
  );
}

/** Links from an associations v4 batch read (`byId`: object id → associated companies). */
export function linksFromAssociations(
  byId: ReadonlyMap<string, readonly { toObjectId: string }[]>,
): CompanyLink[] {
  const links: CompanyLink[] = [];
  for (const [objectId, associated] of byId) {
    for (const companyId of new Set(associated.map((item) => item.toObjectId))) {
      links.push({ objectId, companyId });
    }
  }
  return links;
}

/**
 * The contacts a survey answer is attributed to: those it is associated with (HubSpot moves the association
 * to the surviving contact on a merge), else `hs_contact_id`, the contact who answered.
 */
export function feedbackContactIds(
  associatedContactIds: readonly string[],
  hsContactId: string | null | undefined,
): string[] {
  if (associatedContactIds.length > 0) return [...new Set(associatedContactIds)];
  const direct = hsContactId?.trim();
  return direct === undefined || direct === '' ? [] : [direct];
}

/** Feedback belongs to every company its contact belongs to. */
export function deriveFeedbackLinks(
  feedback: readonly { id: string; contactIds: readonly string[] }[],
  contactLinks: readonly CompanyLink[],
): CompanyLink[] {
  const companiesOf = new Map<string, string[]>();
  for (const link of contactLinks) {
    const list = companiesOf.get(link.objectId) ?? [];
    list.push(link.companyId);
    companiesOf.set(link.objectId, list);
  }
  const links: CompanyLink[] = [];
  for (const item of feedback) {
    const companies = new Set(item.contactIds.flatMap((contactId) => companiesOf.get(contactId) ?? []));
    for (const companyId of companies) links.push({ objectId: item.id, companyId });
  }
  return links;
}

function companySets(links: readonly CompanyLink[]): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const link of links) {
    const set = sets.get(link.objectId) ?? new Set<string>();
    set.add(link.companyId);
    sets.set(link.objectId, set);
  }
  return sets;
}

/** Objects among `objectIds` whose set of companies differs between `before` and `after`. */
export function objectsWithChangedLinks(
  objectIds: readonly string[],
  before: readonly CompanyLink[],
  after: readonly CompanyLink[],
): string[] {
  const old = companySets(before);
  const next = companySets(after);
  return objectIds.filter((id) => {
    const a = old.get(id) ?? new Set<string>();
    const b = next.get(id) ?? new Set<string>();
    return a.size !== b.size || [...a].some((companyId) => !b.has(companyId));
  });
}
