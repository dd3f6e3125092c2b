import type { Kysely } from 'kysely';

/**
 * Webhook events the intake refused one by one (the rest of their batch was stored). The payload is text,
 * not jsonb: it is a bounded, escaped copy of what HubSpot sent, which jsonb would refuse when the event
 * held NUL characters or lone surrogates. Portal and event id are null when the event had no valid one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_rejections')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('portal_id', 'bigint')
    .addColumn('event_id', 'text')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_rejections_portal_idx')
    .on('webhook_rejections')
    .columns(['portal_id', 'received_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_rejections').execute();
}
