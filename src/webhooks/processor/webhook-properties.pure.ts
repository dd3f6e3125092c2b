import { baseProperties } from '../../sync/sync-catalog.pure.ts';

/**
 * The object types a webhook can change in the store (contacts only through their company links; survey
 * answers only when created, so a detractor's signal need not wait for the next sync).
 */
export type WebhookObjectType = 'companies' | 'deals' | 'tickets' | 'contacts' | 'feedback_submissions';

/** The types whose records webhooks re-read and archive; other contact and feedback changes come by sync. */
export type WebhookFetchedType = Exclude<WebhookObjectType, 'contacts' | 'feedback_submissions'>;

// HubSpot's bookkeeping: read on every fetch, but a change to one of them alone says nothing new.
const bookkeeping = new Set([
  'createdate',
  'hs_lastmodifieddate',
  'lastmodifieddate',
  'hs_merged_object_ids',
]);

/**
 * The properties the sync catalog reads per type, less bookkeeping: app/webhooks/webhooks-hsmeta.json holds
 * one `<type>.propertyChange` subscription for each (HubSpot has no wildcard); a test keeps the two equal.
 * Properties an admin maps in settings cannot be declared statically: the incremental sync picks those up,
 * and any webhook re-read fetches them too (the processor reads exactly what the sync reads).
 */
export const webhookSubscribedProperties: Readonly<Record<WebhookFetchedType, readonly string[]>> = {
  companies: baseProperties.companies.filter((name) => !bookkeeping.has(name)),
  deals: baseProperties.deals.filter((name) => !bookkeeping.has(name)),
  tickets: baseProperties.tickets.filter((name) => !bookkeeping.has(name)),
};
