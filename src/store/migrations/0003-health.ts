import { sql, type Kysely } from 'kysely';

const tierCheck = (column: string) => sql`${sql.ref(column)} in ('healthy', 'watch', 'at_risk')`;

/**
 * Health scoring: model versions, each company's current score, daily snapshots (trends, backtests), what was
 * last written to HubSpot, calibration proposals, and the company property history calibration reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_models')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('model', 'jsonb', (col) => col.notNull())
    .addColumn('source', 'text', (col) =>
      col.notNull().check(sql`source in ('default', 'admin', 'calibration')`),
    )
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('health_models_pkey', ['portal_id', 'version'])
    .execute();

  await db.schema
    .createTable('health_scores')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('model_version', 'integer', (col) => col.notNull())
    .addColumn('segment', 'text', (col) => col.notNull())
    .addColumn('score', 'real')
    .addColumn('tier', 'text', (col) => col.check(tierCheck('tier')))
    .addColumn('tier_since', 'timestamptz')
    .addColumn('pending_tier', 'text', (col) => col.check(tierCheck('pending_tier')))
    .addColumn('confidence', 'real', (col) => col.notNull())
    .addColumn('churn_probability', 'real')
    .addColumn('components', 'jsonb', (col) => col.notNull())
    .addColumn('top_driver', 'jsonb')
    .addColumn('changes', 'jsonb', (col) => col.notNull())
    .addColumn('trend', 'jsonb', (col) => col.notNull())
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('health_scores_pkey', ['portal_id', 'company_id'])
    .execute();
  // Lists of one tier (the at-risk list), paged by company id.
  await db.schema
    .createIndex('health_scores_tier_idx')
    .on('health_scores')
    .columns(['portal_id', 'tier', 'company_id'])
    .execute();

  // The primary key (portal, company, day) is the index for "the latest snapshot on or before day X" of a
  // list of companies: DISTINCT ON (company_id) … ORDER BY company_id, day DESC reads it backwards.
  await db.schema
    .createTable('health_snapshots')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('score', 'real')
    .addColumn('tier', 'text', (col) => col.check(tierCheck('tier')))
    .addColumn('confidence', 'real', (col) => col.notNull())
    .addColumn('components', 'jsonb', (col) => col.notNull())
    .addColumn('model_version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('health_snapshots_pkey', ['portal_id', 'company_id', 'day'])
    .execute();
  // Portal-wide questions about one day or period (tier distribution over time, pruning old days).
  await db.schema
    .createIndex('health_snapshots_day_idx')
    .on('health_snapshots')
    .columns(['portal_id', 'day'])
    .execute();

  await db.schema
    .createTable('health_writeback')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('values', 'jsonb', (col) => col.notNull())
    .addColumn('written_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('health_writeback_pkey', ['portal_id', 'company_id'])
    .execute();

  await db.schema
    .createTable('calibration_proposals')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('base_model_version', 'integer', (col) => col.notNull())
    .addColumn('model', 'jsonb', (col) => col.notNull())
    .addColumn('report', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('proposed')
        .check(sql`status in ('proposed', 'applied', 'dismissed')`),
    )
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('calibration_proposals_portal_idx')
    .on('calibration_proposals')
    .columns(['portal_id', 'id'])
    .execute();

  await db.schema
    .createTable('company_property_history')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('history', 'jsonb', (col) => col.notNull())
    .addColumn('fetched_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('company_property_history_pkey', ['portal_id', 'company_id'])
    .execute();
}
