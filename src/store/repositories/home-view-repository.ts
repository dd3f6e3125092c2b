import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { HealthDriver } from '../../health/health-types.ts';
import type { Tier } from '../../health/model/health-model-schema.ts';
import type { Database } from '../database-schema.ts';

/**
 * The portfolio questions of the app home page, each answered in the database so a page stays small
 * however large the portal: tier counts, the at-risk companies by contract value, recent tier changes,
 * upcoming renewals. Contract values and renewal days are read from HubSpot's text properties here, one way
 * for sorting, filtering and showing.
 */

// Plain decimals only: a cast of anything else ("n/a", "1e400", "-5") would fail the whole query, and a
// negative contract value is no amount at risk.
const contractValueOf = (alias: 'c'): RawBuilder<string | null> => {
  const raw = sql`${sql.ref(`${alias}.properties`)}->>'contract_value'`;
  return sql<string | null>`case when ${raw} ~ '^[0-9]{1,30}(\\.[0-9]{1,30})?$' then (${raw})::numeric end`;
};

// HubSpot sends a date property as YYYY-MM-DD; some APIs send epoch milliseconds. Kept as text (YYYY-MM-DD)
// so a malformed day is skipped rather than failing a cast.
const renewalDayOf = (alias: 'c'): RawBuilder<string | null> => {
  const raw = sql`${sql.ref(`${alias}.properties`)}->>'renewal_date'`;
  return sql<string | null>`case
    when ${raw} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' then substr(${raw}, 1, 10)
    when ${raw} ~ '^[0-9]{11,14}$' then to_char(to_timestamp((${raw})::bigint / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')
    end`;
};

export interface TierCountRow {
  segment: string;
  tier: Tier | null;
  companies: number;
}

// Scores of companies archived since the last scoring are not the portfolio any more (rescoring removes them).
function withoutArchived(db: Kysely<Database>, portalId: number) {
  return db
    .selectFrom('health_scores as s')
    .leftJoin('companies as c', (join) =>
      join.onRef('c.portal_id', '=', 's.portal_id').onRef('c.id', '=', 's.company_id'),
    )
    .where('s.portal_id', '=', portalId)
    .where((eb) => eb.or([eb('c.archived', 'is', null), eb('c.archived', '=', false)]));
}

/** Current scores counted per segment and tier (a null tier: scored without data). */
export async function countTiersBySegment(db: Kysely<Database>, portalId: number): Promise<TierCountRow[]> {
  const rows = await withoutArchived(db, portalId)
    .select(['s.segment', 's.tier', (eb) => eb.fn.countAll<string>().as('companies')])
    .groupBy(['s.segment', 's.tier'])
    .orderBy('s.segment')
    .execute();
  return rows.map((row) => ({ segment: row.segment, tier: row.tier, companies: Number(row.companies) }));
}

export interface AtRiskRow {
  companyId: string;
  name: string | null;
  score: number | null;
  segment: string;
  topDriver: HealthDriver | null;
  ownerId: string | null;
  ownerFirstName: string | null;
  ownerLastName: string | null;
  ownerEmail: string | null;
  /** Exact decimal text (the cursor carries it as is), null when the company has none readable. */
  contractValue: string | null;
  renewalDay: string | null;
}

/** Where the previous page ended: its last company's contract value (null sorts last) and id. */
export interface AtRiskPosition {
  contractValue: string | null;
  companyId: string;
}

function atRiskBase(db: Kysely<Database>, portalId: number) {
  return withoutArchived(db, portalId).where('s.tier', '=', 'at_risk');
}

/**
 * A page of the at-risk companies, most contract value first (none last), then by company id; `after` is
 * where the previous page ended. Each with its owner when the portal's owners have been synced.
 */
export async function listAtRiskCompanies(
  db: Kysely<Database>,
  portalId: number,
  options: { limit: number; after?: AtRiskPosition | undefined },
): Promise<AtRiskRow[]> {
  const value = contractValueOf('c');
  let query = atRiskBase(db, portalId)
    .leftJoin('owners as o', (join) =>
      join
        .onRef('o.portal_id', '=', 's.portal_id')
        .on((eb) => eb('o.id', '=', sql<string>`c.properties->>'hubspot_owner_id'`)),
    )
    .select([
      's.company_id',
      's.score',
      's.segment',
      's.top_driver',
      sql<string | null>`c.properties->>'name'`.as('name'),
      'o.id as owner_id',
      'o.first_name',
      'o.last_name',
      'o.email',
      sql<string | null>`(${value})::text`.as('contract_value'),
      renewalDayOf('c').as('renewal_day'),
    ]);
  const after = options.after;
  if (after !== undefined) {
    query =
      after.contractValue === null
        ? query.where(sql<boolean>`${value} is null and s.company_id > ${after.companyId}`)
        : query.where(
            sql<boolean>`(${value} < ${after.contractValue}::numeric
              or (${value} = ${after.contractValue}::numeric and s.company_id > ${after.companyId})
              or ${value} is null)`,
          );
  }
  const rows = await query
    .orderBy(sql`${value} desc nulls last`)
    .orderBy('s.company_id')
    .limit(Math.max(1, Math.min(Math.trunc(options.limit), 1_000)))
    .execute();
  return rows.map((row) => ({
    companyId: row.company_id,
    name: row.name,
    score: row.score,
    segment: row.segment,
    topDriver: row.top_driver,
    ownerId: row.owner_id,
    ownerFirstName: row.first_name,
    ownerLastName: row.last_name,
    ownerEmail: row.email,
    contractValue: row.contract_value,
    renewalDay: row.renewal_day,
  }));
}

/** How many companies are at risk and the sum of their contract values (as exact decimal text). */
export async function summarizeAtRisk(
  db: Kysely<Database>,
  portalId: number,
): Promise<{ companies: number; contractValue: string }> {
  const row = await atRiskBase(db, portalId)
    .select([
      (eb) => eb.fn.countAll<string>().as('companies'),
      sql<string>`coalesce(sum(${contractValueOf('c')}), 0)::text`.as('contract_value'),
    ])
    .executeTakeFirstOrThrow();
  return { companies: Number(row.companies), contractValue: row.contract_value };
}

export interface TierChangeRow {
  companyId: string;
  name: string | null;
  fromTier: Tier;
  toTier: Tier;
  changedAt: Date;
  score: number | null;
}

/**
 * Companies whose current tier began in [since, until], with the tier they left: the last daily snapshot
 * before the change's UTC day in another tier. A company's first tier is no change (nothing to come from).
 * Newest first; `total` counts them all.
 */
export async function listTierChanges(
  db: Kysely<Database>,
  portalId: number,
  options: { since: Date; until: Date; limit: number },
): Promise<{ rows: TierChangeRow[]; total: number }> {
  const changes = withoutArchived(db, portalId)
    .select([
      's.company_id',
      's.tier',
      's.tier_since',
      's.score',
      sql<string | null>`c.properties->>'name'`.as('name'),
      (eb) =>
        eb
          .selectFrom('health_snapshots as h')
          .select('h.tier')
          .whereRef('h.portal_id', '=', 's.portal_id')
          .whereRef('h.company_id', '=', 's.company_id')
          .where(sql<boolean>`h.day < (s.tier_since at time zone 'UTC')::date`)
          .where('h.tier', 'is not', null)
          .whereRef('h.tier', '<>', 's.tier')
          .orderBy('h.day', 'desc')
          .limit(1)
          .as('from_tier'),
    ])
    .where('s.tier', 'is not', null)
    .where('s.tier_since', '>=', options.since)
    .where('s.tier_since', '<=', options.until)
    .as('t');
  const found = db.selectFrom(changes).where('t.from_tier', 'is not', null);
  const [rows, count] = await Promise.all([
    found
      .selectAll()
      .orderBy('t.tier_since', 'desc')
      .orderBy('t.company_id')
      .limit(Math.max(1, Math.trunc(options.limit)))
      .execute(),
    found.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.flatMap((row) =>
      row.tier === null || row.tier_since === null || row.from_tier === null
        ? []
        : [
            {
              companyId: row.company_id,
              name: row.name,
              fromTier: row.from_tier,
              toTier: row.tier,
              changedAt: row.tier_since,
              score: row.score,
            },
          ],
    ),
    total: Number(count.n),
  };
}

export interface RenewalRow {
  companyId: string;
  name: string | null;
  renewalDay: string;
  tier: Tier | null;
  score: number | null;
  contractValue: string | null;
}

/**
 * Companies (not archived) whose renewal day is within [fromDay, toDay] (YYYY-MM-DD), with their current
 * tier when scored. Soonest first; `total` counts them all.
 */
export async function listUpcomingRenewals(
  db: Kysely<Database>,
  portalId: number,
  options: { fromDay: string; toDay: string; limit: number },
): Promise<{ rows: RenewalRow[]; total: number }> {
  const renewals = db
    .selectFrom('companies as c')
    .leftJoin('health_scores as s', (join) =>
      join.onRef('s.portal_id', '=', 'c.portal_id').onRef('s.company_id', '=', 'c.id'),
    )
    .select([
      'c.id',
      sql<string | null>`c.properties->>'name'`.as('name'),
      renewalDayOf('c').as('renewal_day'),
      's.tier',
      's.score',
      sql<string | null>`(${contractValueOf('c')})::text`.as('contract_value'),
    ])
    .where('c.portal_id', '=', portalId)
    .where('c.archived', '=', false)
    .as('r');
  // "C" collation: days compare as the plain text they are, whatever the database's locale.
  const within = db
    .selectFrom(renewals)
    .where(sql<boolean>`r.renewal_day collate "C" between ${options.fromDay} and ${options.toDay}`);
  const [rows, count] = await Promise.all([
    within
      .selectAll()
      .orderBy(sql`r.renewal_day collate "C"`)
      .orderBy('r.id')
      .limit(Math.max(1, Math.trunc(options.limit)))
      .execute(),
    within.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.flatMap((row) =>
      row.renewal_day === null
        ? []
        : [
            {
              companyId: row.id,
              name: row.name,
              renewalDay: row.renewal_day,
              tier: row.tier,
              score: row.score,
              contractValue: row.contract_value,
            },
          ],
    ),
    total: Number(count.n),
  };
}
