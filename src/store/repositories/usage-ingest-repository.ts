import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';
import { appendAudit } from './audit-log-repository.ts';

export interface IngestKeyRecord {
  id: number;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** One ingested day of one metric, YYYY-MM-DD. */
export interface UsageDay {
  date: string;
  metric: string;
  value: number;
}

export interface UsageRowValue {
  companyId: string;
  date: string;
  metric: string;
  value: number;
}

const keyColumns = ['id', 'name', 'prefix', 'created_by', 'created_at', 'revoked_at'] as const;

function toKey(row: {
  id: number;
  name: string;
  prefix: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}): IngestKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

export async function createIngestKey(
  db: Kysely<Database>,
  portalId: number,
  input: { name: string; createdBy: string; hash: string; prefix: string },
  now: Date,
): Promise<IngestKeyRecord> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('ingest_keys')
      .values({
        portal_id: portalId,
        hash: input.hash,
        prefix: input.prefix,
        name: input.name,
        created_by: input.createdBy,
        created_at: now,
        revoked_at: null,
      })
      .returning(keyColumns)
      .executeTakeFirstOrThrow();
    const key = toKey(row);
    await appendAudit(trx, {
      portalId,
      actor: input.createdBy,
      action: 'ingest_key.create',
      entity: `ingest_key:${key.id}`,
      before: undefined,
      after: { name: key.name, prefix: key.prefix },
    });
    return key;
  });
}

/** Newest first, revoked ones too (an admin sees what a product was using). */
export async function listIngestKeys(
  db: Kysely<Database>,
  portalId: number,
  limit: number,
): Promise<IngestKeyRecord[]> {
  const rows = await db
    .selectFrom('ingest_keys')
    .select(keyColumns)
    .where('portal_id', '=', portalId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toKey);
}

/** Revoking twice keeps the first time; undefined when the portal has no such key. */
export async function revokeIngestKey(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  actor: string,
  now: Date,
): Promise<IngestKeyRecord | undefined> {
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('ingest_keys')
      .set({ revoked_at: now })
      .where('portal_id', '=', portalId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(keyColumns)
      .executeTakeFirst();
    if (revoked !== undefined) {
      const key = toKey(revoked);
      await appendAudit(trx, {
        portalId,
        actor,
        action: 'ingest_key.revoke',
        entity: `ingest_key:${key.id}`,
        before: { name: key.name, prefix: key.prefix },
        after: { revokedAt: now.toISOString() },
      });
      return key;
    }
    const row = await trx
      .selectFrom('ingest_keys')
      .select(keyColumns)
      .where('portal_id', '=', portalId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toKey(row);
  });
}

/** The portal a live key (by its hash) belongs to; undefined for an unknown or revoked key. */
export async function findKeyPortal(db: Kysely<Database>, hash: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('ingest_keys')
    .select('portal_id')
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row === undefined ? undefined : row.portal_id;
}

/** Which of `ids` are live companies of the portal (another portal's company is not). */
export async function findPortalCompanies(
  db: Kysely<Database>,
  portalId: number,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('companies')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .where('id', '=', sql<string>`any(${sql.val(ids)}::text[])`)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * The portal's live companies by lowercased domain. A domain two companies share names neither: usage
 * applied to the wrong account would be worse than a refused row.
 */
export async function findCompaniesByDomain(
  db: Kysely<Database>,
  portalId: number,
  domains: readonly string[],
): Promise<Map<string, string | null>> {
  if (domains.length === 0) return new Map();
  const rows = await sql<{ domain: string; id: string }>`
    select lower(properties->>'domain') as domain, id from companies
    where portal_id = ${portalId} and archived = false
      and lower(properties->>'domain') = any(${sql.val(domains)}::text[])`.execute(db);
  const found = new Map<string, string | null>();
  for (const row of rows.rows) found.set(row.domain, found.has(row.domain) ? null : row.id);
  return found;
}

/**
 * Upserts values in one statement over arrays: a batch of 5,000 rows holds far more values than
 * PostgreSQL's 65,535 bind parameters would allow row by row. Values must be unique per key.
 */
export async function upsertUsage(
  db: Kysely<Database>,
  portalId: number,
  values: readonly UsageRowValue[],
  now: Date,
): Promise<void> {
  if (values.length === 0) return;
  await sql`
    insert into usage_daily (portal_id, company_id, date, metric, value, updated_at)
    select ${portalId}, v.company_id, v.date, v.metric, v.value, ${now}
    from unnest(
      ${sql.val(values.map((v) => v.companyId))}::text[],
      ${sql.val(values.map((v) => v.date))}::date[],
      ${sql.val(values.map((v) => v.metric))}::text[],
      ${sql.val(values.map((v) => v.value))}::float8[]
    ) as v(company_id, date, metric, value)
    on conflict (portal_id, company_id, date, metric)
    do update set value = excluded.value, updated_at = excluded.updated_at`.execute(db);
}

/** Companies' usage from `since` (a day) on, oldest first. */
export async function loadUsage(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  since: string,
): Promise<Map<string, UsageDay[]>> {
  const byCompany = new Map<string, UsageDay[]>();
  if (companyIds.length === 0) return byCompany;
  const rows = await sql<{ company_id: string; date: string; metric: string; value: number }>`
    select company_id, to_char(date, 'YYYY-MM-DD') as date, metric, value from usage_daily
    where portal_id = ${portalId} and company_id = any(${sql.val(companyIds)}::text[]) and date >= ${since}::date
    order by company_id, date, metric`.execute(db);
  for (const row of rows.rows) {
    const days = byCompany.get(row.company_id) ?? [];
    days.push({ date: row.date, metric: row.metric, value: row.value });
    byCompany.set(row.company_id, days);
  }
  return byCompany;
}
