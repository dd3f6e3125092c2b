import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/** A company with the fields the retention and cohort reports read (src/reports/retention), straight from the synced properties. */
export interface RetentionCompanyRow {
  id: string;
  owner_id: string | null;
  contract_value: string | null;
  customer_since: string | null;
  created_at: string | null;
  segment: string | null;
}

/** A deal–company pair with the fields the revenue timeline reads; a deal with several companies comes once per company. */
export interface RetentionDealRow {
  company_id: string;
  id: string;
  amount: string | null;
  hs_arr: string | null;
  close_date: string | null;
  dealtype: string | null;
  pipeline: string | null;
  stage: string | null;
  hs_is_closed: string | null;
  hs_is_closed_won: string | null;
}

/**
 * The portal's live companies with their current Harbor segment. Only the properties the report needs leave
 * the database: at 100,000 companies the whole `properties` column would be most of the time.
 */
export async function loadRetentionCompanies(
  db: Kysely<Database>,
  portalId: number,
  contractValueProperty: string | null,
): Promise<RetentionCompanyRow[]> {
  const contractValue =
    contractValueProperty === null
      ? sql<null>`null`
      : sql<string | null>`c.properties->>${contractValueProperty}`;
  const result = await sql<RetentionCompanyRow>`
    select c.id, c.properties->>'hubspot_owner_id' as owner_id, ${contractValue} as contract_value,
           c.properties->>'hs_lifecyclestage_customer_date' as customer_since,
           c.properties->>'createdate' as created_at, hs.segment
      from companies c
      left join health_scores hs on hs.portal_id = c.portal_id and hs.company_id = c.id
     where c.portal_id = ${portalId} and not c.archived`.execute(db);
  return result.rows;
}

/**
 * Every live, closed deal associated with a company of the portal: closed by its synced stage or, for a stage
 * Harbor does not know, by the deal's own `hs_is_closed` — the rule companyRevenueFacts applies, applied early
 * so open deals (a fifth of a typical book) never leave the database.
 */
export async function loadRetentionDeals(
  db: Kysely<Database>,
  portalId: number,
): Promise<RetentionDealRow[]> {
  const result = await sql<RetentionDealRow>`
    select ca.company_id, d.id, d.properties->>'amount' as amount, d.properties->>'hs_arr' as hs_arr,
           d.properties->>'closedate' as close_date, d.properties->>'dealtype' as dealtype,
           d.properties->>'pipeline' as pipeline, d.properties->>'dealstage' as stage,
           d.properties->>'hs_is_closed' as hs_is_closed, d.properties->>'hs_is_closed_won' as hs_is_closed_won
      from company_associations ca
      join deals d on d.portal_id = ca.portal_id and d.id = ca.object_id
      left join pipeline_stages ps on ps.portal_id = d.portal_id and ps.object_type = 'deals'
           and ps.pipeline_id = d.properties->>'pipeline' and ps.stage_id = d.properties->>'dealstage'
     where ca.portal_id = ${portalId} and ca.object_type = 'deals' and not d.archived
       and coalesce(ps.is_closed, d.properties->>'hs_is_closed' = 'true')`.execute(db);
  return result.rows;
}
