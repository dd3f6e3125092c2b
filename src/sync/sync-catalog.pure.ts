import { z } from 'zod';

import type { SyncedObjectType } from './sync-types.ts';

/** HubSpot names the last-modified property differently for contacts (docs/hubspot-platform.md §7.2). */
export const lastModifiedProperty: Record<SyncedObjectType, string> = {
  companies: 'hs_lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  tickets: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  feedback_submissions: 'hs_lastmodifieddate',
};

/**
 * The properties Harbor reads per type, and nothing more: every extra property costs HubSpot work and our
 * storage. `hs_merged_object_ids` lets an incremental sync archive the records a merge swallowed.
 */
export const baseProperties: Record<SyncedObjectType, readonly string[]> = {
  companies: [
    'name',
    'domain',
    'hubspot_owner_id',
    'lifecyclestage',
    'createdate',
    // Customer-success properties a CS team adds (the sandbox writes these; a real portal maps its own).
    'customer_segment',
    'contract_value',
    'contract_start_date',
    'renewal_date',
    'seats_purchased',
    'active_users_30d',
    'logins_30d',
    'logins_prev_30d',
    'features_used',
    'last_login_date',
    'days_past_due',
    'invoice_status',
    'sla_tier',
    'customer_status',
    'churn_date',
    // HubSpot's engagement roll-ups.
    'notes_last_contacted',
    'num_contacted_notes',
    'hs_last_booked_meeting_date',
    'hs_last_sales_activity_timestamp',
    'num_associated_contacts',
    'num_associated_deals',
    'hs_lastmodifieddate',
    'hs_merged_object_ids',
  ],
  deals: [
    'dealname',
    'amount',
    'closedate',
    'pipeline',
    'dealstage',
    'dealtype',
    'hubspot_owner_id',
    'createdate',
    'hs_is_closed',
    'hs_is_closed_won',
    'hs_lastmodifieddate',
    'hs_merged_object_ids',
  ],
  tickets: [
    'subject',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_priority',
    'hs_ticket_category',
    // A support team's own flag (the health score's escalation indicator reads it; see the health model).
    'escalated',
    'createdate',
    'closed_date',
    'time_to_close',
    'hs_lastmodifieddate',
    'hs_merged_object_ids',
  ],
  contacts: [
    'email',
    'firstname',
    'lastname',
    // The executive-complaint signal matches who answered a survey against the settings' executive titles.
    'jobtitle',
    'associatedcompanyid',
    'createdate',
    'lastmodifieddate',
    'hs_merged_object_ids',
  ],
  feedback_submissions: [
    'hs_survey_type',
    'hs_value',
    'hs_response_group',
    'hs_content',
    'hs_submission_timestamp',
    'hs_contact_id',
    'hs_lastmodifieddate',
  ],
};

/**
 * Associations asked for inline on list pages, so a full sync gets every link without a call of its own.
 * Feedback reaches its company through the submitting contact.
 */
export const inlineAssociations: Record<SyncedObjectType, readonly string[]> = {
  companies: [],
  deals: ['companies'],
  tickets: ['companies'],
  contacts: ['companies'],
  feedback_submissions: ['contacts'],
};

/** Types whose company links are read from HubSpot (feedback's are derived from its contact's). */
export const companyLinkedTypes = ['deals', 'tickets', 'contacts'] as const;
export type CompanyLinkedType = (typeof companyLinkedTypes)[number];

export function isCompanyLinkedType(type: SyncedObjectType): type is CompanyLinkedType {
  return (companyLinkedTypes as readonly string[]).includes(type);
}

// HubSpot internal property names: lowercase letters, digits and underscores, starting with a letter.
const propertyName = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/);

const mappedListSchema = z
  .array(z.unknown())
  .catch([])
  .transform((names) => names.filter((name): name is string => propertyName.safeParse(name).success));

/** The part of a portal's settings the sync reads; anything missing or malformed means "nothing mapped". */
export const mappedPropertiesSchema = z
  .object({
    mappedProperties: z
      .object({
        companies: mappedListSchema.optional(),
        deals: mappedListSchema.optional(),
        tickets: mappedListSchema.optional(),
        contacts: mappedListSchema.optional(),
        feedback_submissions: mappedListSchema.optional(),
      })
      .catch({}),
  })
  .partial()
  .catch({});

export type MappedProperties = Partial<Record<SyncedObjectType, string[]>>;

/** Reads `settings.mappedProperties` tolerantly: a bad entry is dropped, never a reason to fail the sync. */
export function parseMappedProperties(settings: unknown): MappedProperties {
  const parsed = mappedPropertiesSchema.parse(settings ?? {});
  const mapped: MappedProperties = {};
  for (const [type, names] of Object.entries(parsed.mappedProperties ?? {})) {
    if (names !== undefined && names.length > 0) mapped[type as SyncedObjectType] = names;
  }
  return mapped;
}

/** What one type's reads ask HubSpot for: our properties plus the admin's, deduplicated and sorted. */
export function propertiesFor(type: SyncedObjectType, mapped: MappedProperties): string[] {
  return [...new Set([...baseProperties[type], ...(mapped[type] ?? [])])].sort();
}

/**
 * A short fingerprint of the property list. When it changes (an admin mapped a new property), stored rows
 * lack the new values, so the next sync re-reads the whole type instead of only what changed.
 */
export function propertiesKey(properties: readonly string[]): string {
  let hash = 2_166_136_261;
  for (const char of properties.join(',')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16_777_619) >>> 0;
  }
  return `${properties.length}:${hash.toString(36)}`;
}
