import type { Kysely } from 'kysely';

/**
 * What HubSpot's account details say about a portal that the UI formats with: its time zone (renewal countdowns,
 * "today") and its company currency (contract values). Both are null until an install or a sync has read them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('portals')
    .addColumn('time_zone', 'text')
    .addColumn('company_currency', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('portals').dropColumn('time_zone').dropColumn('company_currency').execute();
}
