import { sql, type Kysely } from 'kysely';

/**
 * Portfolio alerts (src/reports/alerts/): the trend alerts of the retention and NPS figures. One row per
 * breach, keyed by what breached and the period it began in, so a rerun or a second instance never raises
 * a breach twice; and at most one open alert per series (portal, segment, metric, kind), so a breach that
 * goes on is followed by its alert instead of raising another each period.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_alerts')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'integer', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('segment', 'text', (col) => col.notNull())
    .addColumn('metric', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('period_start', 'text', (col) => col.notNull())
    .addColumn('last_period_start', 'text', (col) => col.notNull())
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('reference', 'double precision', (col) => col.notNull())
    .addColumn('raised_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_reason', 'text')
    .addColumn('task_state', 'text', (col) => col.notNull().defaultTo('waiting'))
    .addColumn('task_key', 'text')
    .addPrimaryKeyConstraint('report_alerts_pkey', ['portal_id', 'id'])
    .addUniqueConstraint('report_alerts_breach_key', [
      'portal_id',
      'segment',
      'metric',
      'kind',
      'period',
      'period_start',
    ])
    .execute();
  await sql`create unique index report_alerts_one_open_idx
    on report_alerts (portal_id, segment, metric, kind) where closed_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_alerts').execute();
}
