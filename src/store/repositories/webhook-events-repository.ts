import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface WebhookEventRecord {
  portalId: number;
  eventId: string;
  subscriptionType: string;
  objectId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/**
 * Stores a delivered batch in one statement. HubSpot delivers at least once, so an event id already stored
 * is skipped; the caller learns how many were new.
 */
export async function storeWebhookEvents(
  db: Kysely<Database>,
  events: readonly WebhookEventRecord[],
): Promise<{ stored: number; duplicates: number }> {
  if (events.length === 0) return { stored: 0, duplicates: 0 };
  const inserted = await db
    .insertInto('webhook_events')
    .values(
      events.map((event) => ({
        portal_id: event.portalId,
        event_id: event.eventId,
        subscription_type: event.subscriptionType,
        object_id: event.objectId,
        occurred_at: event.occurredAt,
        payload: JSON.stringify(event.payload),
      })),
    )
    .onConflict((oc) => oc.columns(['portal_id', 'event_id']).doNothing())
    .returning('event_id')
    .execute();
  return { stored: inserted.length, duplicates: events.length - inserted.length };
}

/** Unprocessed events in the order they happened, oldest first. */
export async function listPendingWebhookEvents(
  db: Kysely<Database>,
  portalId: number,
  limit: number,
): Promise<WebhookEventRecord[]> {
  const rows = await db
    .selectFrom('webhook_events')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('processed_at', 'is', null)
    .orderBy('occurred_at')
    .orderBy('event_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    portalId: row.portal_id,
    eventId: row.event_id,
    subscriptionType: row.subscription_type,
    objectId: row.object_id,
    occurredAt: row.occurred_at,
    payload: row.payload,
  }));
}

export async function markWebhookEventsProcessed(
  db: Kysely<Database>,
  portalId: number,
  eventIds: readonly string[],
  now: Date,
): Promise<void> {
  if (eventIds.length === 0) return;
  await db
    .updateTable('webhook_events')
    .set({ processed_at: now })
    .where('portal_id', '=', portalId)
    .where('event_id', 'in', eventIds)
    .execute();
}
