import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { MonthBounds } from '../../reports/digest/digest-month.pure.ts';
import type { CompanyFacts, FeedbackItem } from '../../reports/digest/themes.pure.ts';
import type { Database } from '../database-schema.ts';

/** A HubSpot datetime property inside the month: ISO text (compared by its UTC date prefix) or epoch ms. */
function inMonth(value: RawBuilder<unknown>, bounds: MonthBounds): RawBuilder<unknown> {
  // CASE, not AND: PostgreSQL may evaluate AND's sides in any order, and a cast of ISO text would fail.
  const epochMs = sql`case when ${value} ~ '^[0-9]{10,}$' then (${value})::numeric end`;
  return sql`((${value} >= ${bounds.fromDay} and ${value} < ${bounds.toDay})
    or (${epochMs} >= ${bounds.fromMs} and ${epochMs} < ${bounds.toMs}))`;
}

interface ItemRow {
  id: string;
  text: string;
  company_id: string | null;
}

/**
 * A month's survey comments (`hs_content` of feedback submissions, by `hs_submission_timestamp`) and
 * feature-request tickets (a `hs_ticket_category` value among `categories`, by `createdate`; their subject
 * is the text, as Harbor syncs no ticket body). Each is tied to one company (the lowest id when several).
 */
export async function loadFeedbackItems(
  db: Kysely<Database>,
  portalId: number,
  bounds: MonthBounds,
  categories: readonly string[],
): Promise<{ surveys: FeedbackItem[]; tickets: FeedbackItem[] }> {
  const submitted = sql`f.properties->>'hs_submission_timestamp'`;
  const surveys = await sql<ItemRow>`
    select f.id, f.properties->>'hs_content' as text,
           (select min(ca.company_id) from company_associations ca
             where ca.portal_id = f.portal_id and ca.object_type = 'feedback_submissions'
               and ca.object_id = f.id) as company_id
      from feedback_submissions f
     where f.portal_id = ${portalId} and not f.archived
       and coalesce(trim(f.properties->>'hs_content'), '') <> ''
       and ${inMonth(submitted, bounds)}`.execute(db);
  let tickets: ItemRow[] = [];
  if (categories.length > 0) {
    const created = sql`t.properties->>'createdate'`;
    const result = await sql<ItemRow>`
      select t.id, t.properties->>'subject' as text,
             (select min(ca.company_id) from company_associations ca
               where ca.portal_id = t.portal_id and ca.object_type = 'tickets'
                 and ca.object_id = t.id) as company_id
        from tickets t
       where t.portal_id = ${portalId} and not t.archived
         and coalesce(trim(t.properties->>'subject'), '') <> ''
         and string_to_array(t.properties->>'hs_ticket_category', ';')
             && array[${sql.join(categories)}]::text[]
         and ${inMonth(created, bounds)}`.execute(db);
    tickets = result.rows;
  }
  const toItem =
    (source: FeedbackItem['source']) =>
    (row: ItemRow): FeedbackItem => ({
      id: `${source}:${row.id}`,
      source,
      text: row.text,
      companyId: row.company_id,
    });
  return { surveys: surveys.rows.map(toItem('survey')), tickets: tickets.map(toItem('ticket')) };
}

/** Name and contract value of the companies behind the feedback; `contractProperty` null: no values. */
export async function loadCompanyFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  contractProperty: string | null,
): Promise<Map<string, CompanyFacts>> {
  const facts = new Map<string, CompanyFacts>();
  const ids = [...new Set(companyIds)];
  for (let start = 0; start < ids.length; start += 5_000) {
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'properties'])
      .where('portal_id', '=', portalId)
      .where('id', 'in', ids.slice(start, start + 5_000))
      .execute();
    for (const row of rows) {
      const raw = contractProperty === null ? null : (row.properties[contractProperty] ?? null);
      const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
      facts.set(row.id, {
        name: row.properties.name ?? null,
        contractValue: Number.isFinite(value) && value >= 0 ? value : null,
      });
    }
  }
  return facts;
}

export async function loadPortalCurrency(db: Kysely<Database>, portalId: number): Promise<string | null> {
  const row = await db
    .selectFrom('portals')
    .select('company_currency')
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  return row?.company_currency ?? null;
}
