import type { Kysely } from 'kysely';

/**
 * The rescore queue (src/health/rescore-queue/): companies whose data changed (a webhook batch, an ingest
 * batch) and wait for a rescoring. One row per company, so requests for a company coalesce: a second request
 * before the rescoring only bumps `generation`. The worker deletes a row only at the generation it scored, so
 * a request that arrives while its company is being scored survives and is scored right after.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rescore_requests')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    /** The oldest request still waiting: what freshness is measured from, and the order of work. */
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull())
    .addColumn('generation', 'integer', (col) => col.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('rescore_requests_pkey', ['portal_id', 'company_id'])
    .execute();
  await db.schema
    .createIndex('rescore_requests_order_idx')
    .on('rescore_requests')
    .columns(['portal_id', 'requested_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rescore_requests').execute();
}
