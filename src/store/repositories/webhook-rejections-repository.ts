import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface WebhookRejection {
  /** Null when the event carried no valid portal id. */
  portalId: number | null;
  /** Null when the event carried no valid event id. */
  eventId: string | null;
  reason: string;
  /** A bounded copy of the event, already free of what PostgreSQL text refuses (NUL, lone surrogates). */
  payload: string;
  receivedAt: Date;
}

/**
 * Records refused events in one statement. Not deduplicated: HubSpot does not resend a batch answered 200,
 * and a rejection lacks a trustworthy key anyway (its ids may be what was wrong with it).
 */
export async function storeWebhookRejections(
  db: Kysely<Database>,
  rejections: readonly WebhookRejection[],
): Promise<void> {
  if (rejections.length === 0) return;
  await db
    .insertInto('webhook_rejections')
    .values(
      rejections.map((rejection) => ({
        portal_id: rejection.portalId,
        event_id: rejection.eventId,
        reason: rejection.reason,
        payload: rejection.payload,
        received_at: rejection.receivedAt,
      })),
    )
    .execute();
}

/** A portal's rejections, newest first (support looks here when HubSpot says it sent something). */
export async function listWebhookRejections(
  db: Kysely<Database>,
  portalId: number | null,
  limit: number,
): Promise<WebhookRejection[]> {
  const rows = await db
    .selectFrom('webhook_rejections')
    .selectAll()
    .where('portal_id', portalId === null ? 'is' : '=', portalId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    portalId: row.portal_id,
    eventId: row.event_id,
    reason: row.reason,
    payload: row.payload,
    receivedAt: row.received_at,
  }));
}
