import { sql, type Kysely } from 'kysely';

import { crmObjectTypes } from '../database-schema.ts';

/** Every table is keyed by HubSpot portal id first: tenants never share a row or an index prefix. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portals')
    .addColumn('portal_id', 'bigint', (col) => col.primaryKey())
    .addColumn('auth_kind', 'text', (col) => col.notNull().check(sql`auth_kind in ('oauth', 'static')`))
    .addColumn('access_token_enc', 'text')
    .addColumn('refresh_token_enc', 'text')
    .addColumn('token_expires_at', 'timestamptz')
    .addColumn('scopes', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('hub_domain', 'text')
    .addColumn('installed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('uninstalled_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  for (const table of crmObjectTypes) {
    await db.schema
      .createTable(table)
      .addColumn('portal_id', 'bigint', (col) => col.notNull())
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('properties', 'jsonb', (col) => col.notNull())
      .addColumn('archived', 'boolean', (col) => col.notNull().defaultTo(false))
      .addColumn('hs_modified_at', 'timestamptz', (col) => col.notNull())
      .addColumn('synced_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint(`${table}_pkey`, ['portal_id', 'id'])
      .execute();
    await db.schema
      .createIndex(`${table}_modified_idx`)
      .on(table)
      .columns(['portal_id', 'hs_modified_at'])
      .execute();
  }

  await db.schema
    .createTable('owners')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('user_id', 'text')
    .addColumn('archived', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('synced_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('owners_pkey', ['portal_id', 'id'])
    .execute();

  await db.schema
    .createTable('company_associations')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('object_type', 'text', (col) => col.notNull())
    .addColumn('object_id', 'text', (col) => col.notNull())
    .addColumn('synced_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('company_associations_pkey', [
      'portal_id',
      'company_id',
      'object_type',
      'object_id',
    ])
    .execute();
  await db.schema
    .createIndex('company_associations_object_idx')
    .on('company_associations')
    .columns(['portal_id', 'object_type', 'object_id'])
    .execute();

  await db.schema
    .createTable('sync_state')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('object_type', 'text', (col) => col.notNull())
    .addColumn('phase', 'text', (col) => col.notNull())
    .addColumn('checkpoint', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('last_modified_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('sync_state_pkey', ['portal_id', 'object_type'])
    .execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('subscription_type', 'text', (col) => col.notNull())
    .addColumn('object_id', 'text')
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .addPrimaryKeyConstraint('webhook_events_pkey', ['portal_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_events_pending_idx')
    .on('webhook_events')
    .columns(['portal_id', 'occurred_at'])
    .where(sql.ref('processed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('settings_versions')
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('settings', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('settings_versions_pkey', ['portal_id', 'version'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('portal_id', 'bigint', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_log_portal_idx').on('audit_log').columns(['portal_id', 'at']).execute();
}
