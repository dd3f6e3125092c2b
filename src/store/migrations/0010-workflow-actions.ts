import { sql, type Kysely } from 'kysely';

/**
 * Calls of Harbor's custom workflow actions (src/workflow-actions/), one row per (portal, callbackId).
 *
 * HubSpot retries a call it got a 5xx (or no answer) for, for up to three days, with the same callbackId: the
 * row is claimed before the action runs and keeps the first answer, so a retry gets that answer and repeats
 * no side effect. A claim whose owner died is taken over after a while (`claimed_at`).
 *
 * A "wait for the playbook" call that answered BLOCK stays `blocked` with its run and expiry until Harbor has
 * completed it through HubSpot's callbacks API (`completed`, with what was sent).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflow_action_calls')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('callback_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('claimed', 'answered', 'blocked', 'completed')`),
    )
    .addColumn('answer', 'jsonb')
    .addColumn('run_id', 'bigint')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('completion', 'jsonb')
    .addColumn('completion_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('claimed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('workflow_action_calls_pkey', ['portal_id', 'callback_id'])
    .execute();
  await sql`create index workflow_action_calls_blocked_idx on workflow_action_calls (portal_id, expires_at)
    where status = 'blocked'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workflow_action_calls').execute();
}
