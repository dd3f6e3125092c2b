import type { Kysely } from 'kysely';

/**
 * The monthly product-feedback digests (src/reports/digest/): one row per portal and month, replaced when
 * the month is built again. The digest itself (themes, counts, quotes) is kept as JSON with its Markdown,
 * HTML and CSV renderings, so the home page and the CLI show exactly what the product owner was sent.
 * The delivery columns say how it reached the product owner; a rebuild keeps them, so it is never sent twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_digests')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('digest', 'jsonb', (col) => col.notNull())
    .addColumn('markdown', 'text', (col) => col.notNull())
    .addColumn('html', 'text', (col) => col.notNull())
    .addColumn('csv', 'text', (col) => col.notNull())
    .addColumn('built_at', 'timestamptz', (col) => col.notNull())
    .addColumn('delivery_status', 'text', (col) => col.notNull().defaultTo('pending'))
    .addColumn('delivery_reference', 'text')
    .addColumn('delivery_detail', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addPrimaryKeyConstraint('feedback_digests_pkey', ['portal_id', 'month'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feedback_digests').execute();
}
