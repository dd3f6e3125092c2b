import { sql, type Kysely } from 'kysely';

/**
 * Hand-offs (src/handoffs/): work Harbor passes to support, finance, marketing or automation, one row per
 * hand-off key with its latest outcome, so a repeated trigger or a double click never hands the same thing
 * off twice. Owners gain the ids of their HubSpot teams: a hand-off routed to a team goes to one of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handoffs')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'bigserial', (col) => col.notNull())
    /** What the hand-off is for (e.g. `handoff:support:<ticketId>`); also the key of its HubSpot task. */
    .addColumn('handoff_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('deal_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by', 'text', (col) => col.notNull())
    /** The routing setting the last attempt used (owner, team or queue), null when none was set. */
    .addColumn('destination', 'jsonb')
    /** Who or what got the task: `{ownerId}` or `{queueId}`. */
    .addColumn('assignee', 'jsonb')
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('detail', 'text')
    .addColumn('hubspot_task_id', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('handoffs_pkey', ['portal_id', 'id'])
    .addUniqueConstraint('handoffs_key_unique', ['portal_id', 'handoff_key'])
    .execute();
  await db.schema
    .createIndex('handoffs_company_idx')
    .on('handoffs')
    .columns(['portal_id', 'company_id', 'created_at'])
    .execute();
  await db.schema
    .alterTable('owners')
    .addColumn('team_ids', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('owners').dropColumn('team_ids').execute();
  await db.schema.dropTable('handoffs').execute();
}
