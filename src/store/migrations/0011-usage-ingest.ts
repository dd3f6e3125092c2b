import { sql, type Kysely } from 'kysely';

/**
 * Usage a customer's product pushes (src/ingest/): one value per (portal, company, day, metric), so a re-sent
 * row replaces the old value instead of adding to it. Feature events are metrics named `feature:<key>`.
 *
 * Ingest keys authenticate those pushes: only the sha256 of a key is kept (the key is shown once), with a
 * short prefix so an admin can tell keys apart. A revoked key stays listed, refused.
 *
 * Companies named by domain are found through an index on the domain HubSpot stores, lowercased.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_daily')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('date', 'date', (col) => col.notNull())
    .addColumn('metric', 'text', (col) => col.notNull())
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('usage_daily_pkey', ['portal_id', 'company_id', 'date', 'metric'])
    .execute();
  await db.schema
    .createTable('ingest_keys')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('hash', 'text', (col) => col.notNull().unique())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addPrimaryKeyConstraint('ingest_keys_pkey', ['portal_id', 'id'])
    .execute();
  await sql`create index companies_domain_idx on companies (portal_id, lower(properties->>'domain'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists companies_domain_idx`.execute(db);
  await db.schema.dropTable('ingest_keys').execute();
  await db.schema.dropTable('usage_daily').execute();
}
