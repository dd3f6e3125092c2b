import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/** What the health score reads about companies, their tickets and survey answers, as stored rows. */

export interface CompanyRow {
  id: string;
  properties: Record<string, string | null>;
}

/** Live companies in id order after `after`, a page at a time, so a portal of any size streams. */
export async function loadCompanyPage(
  db: Kysely<Database>,
  portalId: number,
  after: string | null,
  limit: number,
): Promise<CompanyRow[]> {
  let query = db
    .selectFrom('companies')
    .select(['id', 'properties'])
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .orderBy('id')
    .limit(limit);
  if (after !== null) query = query.where('id', '>', after);
  return query.execute();
}

/** These companies' rows (live ones only), in id order. */
export async function loadCompaniesByIds(
  db: Kysely<Database>,
  portalId: number,
  ids: readonly string[],
): Promise<CompanyRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('companies')
    .select(['id', 'properties'])
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

export interface TicketRow {
  company_id: string;
  created: string | null;
  closed: string | null;
  priority: string | null;
  escalated: string | null;
  /** Whether the ticket's pipeline stage is a closed one; null when the stage is unknown. */
  stage_closed: boolean | null;
  modified_at: Date;
}

/** The live tickets linked to these companies, with the properties the support indicators read. */
export async function loadTicketRows(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  escalationProperty: string | null,
): Promise<TicketRow[]> {
  if (companyIds.length === 0) return [];
  const escalated =
    escalationProperty === null ? sql<null>`null` : sql<string>`t.properties->>${escalationProperty}`;
  const result = await sql<TicketRow>`
    select ca.company_id,
           t.properties->>'createdate' as created,
           t.properties->>'closed_date' as closed,
           t.properties->>'hs_ticket_priority' as priority,
           ${escalated} as escalated,
           ps.is_closed as stage_closed,
           t.hs_modified_at as modified_at
      from company_associations ca
      join tickets t on t.portal_id = ca.portal_id and t.id = ca.object_id and not t.archived
      left join pipeline_stages ps on ps.portal_id = t.portal_id and ps.object_type = 'tickets'
           and ps.pipeline_id = t.properties->>'hs_pipeline' and ps.stage_id = t.properties->>'hs_pipeline_stage'
     where ca.portal_id = ${portalId} and ca.object_type = 'tickets'
       and ca.company_id in (${sql.join(companyIds)})`.execute(db);
  return result.rows;
}

export interface FeedbackRow {
  company_id: string;
  type: string | null;
  value: string | null;
  submitted: string | null;
}

/** Survey answers attributed to these companies (through the submitting contact, see the sync). */
export async function loadFeedbackRows(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<FeedbackRow[]> {
  if (companyIds.length === 0) return [];
  const result = await sql<FeedbackRow>`
    select ca.company_id,
           f.properties->>'hs_survey_type' as type,
           f.properties->>'hs_value' as value,
           f.properties->>'hs_submission_timestamp' as submitted
      from company_associations ca
      join feedback_submissions f on f.portal_id = ca.portal_id and f.id = ca.object_id and not f.archived
     where ca.portal_id = ${portalId} and ca.object_type = 'feedback_submissions'
       and ca.company_id in (${sql.join(companyIds)})`.execute(db);
  return result.rows;
}
