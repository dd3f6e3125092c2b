import { sql, type Kysely } from 'kysely';

/**
 * Risk and opportunity signals with their history. One active signal per company and type is a unique
 * partial index, not a convention: two evaluations racing (two instances, a webhook and a sync) cannot open
 * the same signal twice. History rows are never updated or deleted: they are how a signal is accounted for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signals')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('risk', 'opportunity')`))
    .addColumn('severity', 'text', (col) =>
      col.notNull().check(sql`severity in ('low', 'medium', 'high', 'critical')`),
    )
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(sql`status in ('open', 'acknowledged', 'in_progress', 'recovered', 'resolved', 'dismissed')`),
    )
    .addColumn('evidence', 'jsonb', (col) => col.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('action', 'jsonb', (col) => col.notNull())
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_fired_at', 'timestamptz', (col) => col.notNull())
    .addColumn('action_started_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('snoozed_until', 'timestamptz')
    .addColumn('snooze_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('status_before_recovery', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('close_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    // A risk closes only with a reason: the never-ignore rule, held by the database as well as the code.
    .addCheckConstraint(
      'signals_closed_with_reason',
      sql`status not in ('resolved', 'dismissed') or (closed_at is not null and close_reason is not null and length(trim(close_reason)) > 0)`,
    )
    .addPrimaryKeyConstraint('signals_pkey', ['portal_id', 'id'])
    .execute();
  await sql`create unique index signals_one_active_idx on signals (portal_id, company_id, type)
    where status in ('open', 'acknowledged', 'in_progress', 'recovered')`.execute(db);
  // The escalation sweep: active risks by due date.
  await sql`create index signals_due_idx on signals (portal_id, due_at)
    where kind = 'risk' and status in ('open', 'acknowledged') and escalated_at is null
      and action_started_at is null`.execute(db);
  await db.schema
    .createIndex('signals_status_idx')
    .on('signals')
    .columns(['portal_id', 'status', 'opened_at'])
    .execute();

  await db.schema
    .createTable('signal_events')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('signal_id', 'bigint', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence', 'jsonb')
    .addPrimaryKeyConstraint('signal_events_pkey', ['portal_id', 'signal_id', 'seq'])
    .addForeignKeyConstraint('signal_events_signal_fk', ['portal_id', 'signal_id'], 'signals', [
      'portal_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signal_events').execute();
  await db.schema.dropTable('signals').execute();
}
