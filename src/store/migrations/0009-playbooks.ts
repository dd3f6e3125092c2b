import { sql, type Kysely } from 'kysely';

/**
 * Playbook runs, automation runs, action-plan reviews and weekly reviews (src/playbooks/, src/automations/,
 * src/review/).
 *
 * A run keeps the steps it started with (`steps`), so editing a template never changes work in flight; its
 * tasks are `harbor_tasks` rows keyed `playbook:<runId>:<step>`, which is what makes each step's task
 * exactly-once. One running playbook per company and type is a unique partial index: a person, a signal and
 * an automation starting the same playbook at once get the same run.
 *
 * An automation run is unique per (portal, trigger, occurrence): the occurrence is one opening of a signal,
 * so a retried or concurrent evaluation never acts twice on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('playbook_runs')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('playbook', 'text', (col) => col.notNull())
    .addColumn('segment', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('steps', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('running', 'completed', 'cancelled')`),
    )
    /** The step being worked on (its task open or about to be created); steps.length once all are done. */
    .addColumn('current_step', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('signal_id', 'bigint')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('started_by', 'text', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('snoozed_until', 'timestamptz')
    /** When the current step's task may next be tried (after the owner's cap or a HubSpot failure). */
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint(
      'playbook_runs_cancelled_with_reason',
      sql`status <> 'cancelled' or (cancel_reason is not null and length(trim(cancel_reason)) > 0)`,
    )
    .addPrimaryKeyConstraint('playbook_runs_pkey', ['portal_id', 'id'])
    .execute();
  await sql`create unique index playbook_runs_one_running_idx on playbook_runs (portal_id, company_id, playbook)
    where status = 'running'`.execute(db);
  await db.schema
    .createIndex('playbook_runs_company_idx')
    .on('playbook_runs')
    .columns(['portal_id', 'company_id', 'started_at'])
    .execute();

  // Action plans and the company card read a company's tasks and its signals' history by company.
  await db.schema
    .createIndex('harbor_tasks_company_idx')
    .on('harbor_tasks')
    .columns(['portal_id', 'company_id'])
    .execute();
  await db.schema
    .createIndex('signals_company_idx')
    .on('signals')
    .columns(['portal_id', 'company_id'])
    .execute();

  await db.schema
    .createTable('automation_runs')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('trigger', 'text', (col) => col.notNull())
    .addColumn('occurrence', 'text', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('signal_id', 'bigint', (col) => col.notNull())
    .addColumn('action', 'jsonb', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('detail', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('automation_runs_pkey', ['portal_id', 'id'])
    .addUniqueConstraint('automation_runs_occurrence_key', ['portal_id', 'trigger', 'occurrence'])
    .execute();
  await db.schema
    .createIndex('automation_runs_at_idx')
    .on('automation_runs')
    .columns(['portal_id', 'at'])
    .execute();

  await db.schema
    .createTable('plan_reviews')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('reviewed_by', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('reviewed_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('plan_reviews_pkey', ['portal_id', 'id'])
    .execute();
  await db.schema
    .createIndex('plan_reviews_company_idx')
    .on('plan_reviews')
    .columns(['portal_id', 'company_id', 'reviewed_at'])
    .execute();

  /** One row per portal and review week: the job's record that this week's review tasks were made. */
  await db.schema
    .createTable('weekly_reviews')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('week', 'text', (col) => col.notNull())
    .addColumn('owners', 'integer', (col) => col.notNull())
    .addColumn('tasks_created', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('weekly_reviews_pkey', ['portal_id', 'week'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('weekly_reviews').execute();
  await db.schema.dropTable('plan_reviews').execute();
  await db.schema.dropTable('automation_runs').execute();
  await db.schema.dropTable('playbook_runs').execute();
  await db.schema.dropIndex('signals_company_idx').execute();
  await db.schema.dropIndex('harbor_tasks_company_idx').execute();
}
