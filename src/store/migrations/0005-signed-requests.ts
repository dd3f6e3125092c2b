import type { Kysely } from 'kysely';

/**
 * Signatures of the signed requests that changed data, kept for the signature window: a replay of one inside
 * the window is refused (a replayed model edit could undo a later one). In the database, so every instance
 * sees every other's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signed_requests')
    .addColumn('signature', 'text', (col) => col.primaryKey())
    .addColumn('route', 'text', (col) => col.notNull())
    .addColumn('portal_id', 'bigint')
    .addColumn('seen_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('signed_requests_seen_at').on('signed_requests').column('seen_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signed_requests').execute();
}
