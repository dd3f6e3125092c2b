import { sql, type Kysely } from 'kysely';

/**
 * The HubSpot tasks Harbor creates (src/tasks/), one row per caller-derived key, written BEFORE HubSpot is
 * asked: the row is what makes a create exactly-once. `hubspot_task_id` null means the task may or may not
 * exist in HubSpot yet (`create_attempts` > 0: an attempt's outcome is unknown, so the next one searches
 * HubSpot first). The claim columns are a short lease on the key, so two instances never send it together.
 * `harbor_task_cursors` remembers how far completion read-back has got per portal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('harbor_tasks')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('task_key', 'text', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('hubspot_task_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('hubspot_modified_at', 'timestamptz')
    .addColumn('create_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('claim_owner', 'text')
    .addColumn('claim_expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('harbor_tasks_pkey', ['portal_id', 'task_key'])
    .execute();
  await db.schema
    .createIndex('harbor_tasks_hubspot_id_idx')
    .on('harbor_tasks')
    .columns(['portal_id', 'hubspot_task_id'])
    .unique()
    .where(sql.ref('hubspot_task_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('harbor_tasks_owner_idx')
    .on('harbor_tasks')
    .columns(['portal_id', 'owner_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('harbor_task_cursors')
    .addColumn('portal_id', 'bigint', (col) => col.primaryKey())
    .addColumn('modified_since', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('harbor_task_cursors').execute();
  await db.schema.dropTable('harbor_tasks').execute();
}
