import { sql, type Kysely } from 'kysely';

/** What sync needs beyond the records: pipeline stages (won/lost per portal), sync runs, and job leases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pipeline_stages')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('object_type', 'text', (col) => col.notNull())
    .addColumn('pipeline_id', 'text', (col) => col.notNull())
    .addColumn('stage_id', 'text', (col) => col.notNull())
    .addColumn('pipeline_label', 'text', (col) => col.notNull())
    .addColumn('stage_label', 'text', (col) => col.notNull())
    .addColumn('display_order', 'integer', (col) => col.notNull())
    .addColumn('is_closed', 'boolean', (col) => col.notNull())
    .addColumn('is_won', 'boolean', (col) => col.notNull())
    .addColumn('synced_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('pipeline_stages_pkey', ['portal_id', 'object_type', 'pipeline_id', 'stage_id'])
    .execute();

  await db.schema
    .createTable('sync_runs')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('mode', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('running', 'succeeded', 'failed')`),
    )
    .addColumn('started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('api_calls', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('progress', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('sync_runs_portal_idx')
    .on('sync_runs')
    .columns(['portal_id', 'started_at'])
    .execute();

  // One row per (portal, job): the instance holding an unexpired lease runs the job; a crashed holder's lease runs out.
  await db.schema
    .createTable('job_leases')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('job', 'text', (col) => col.notNull())
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('acquired_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('job_leases_pkey', ['portal_id', 'job'])
    .execute();
}
