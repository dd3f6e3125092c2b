import { sql, type Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import type { FeedbackFact, SurveyType, TicketFact } from '../health-types.ts';
import { readTime } from '../engine/property-values.pure.ts';

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

interface TicketRow {
  company_id: string;
  created: string | null;
  closed: string | null;
  priority: string | null;
  escalated: string | null;
  stage_closed: boolean | null;
  modified_at: Date;
}

/**
 * The support facts of these companies' live tickets. A ticket in a closed stage without a closed date
 * (HubSpot sets one when a ticket closes; an import may not) counts as closed when it was last modified.
 */
export async function loadTicketFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  escalationProperty: string | null,
): Promise<Map<string, TicketFact[]>> {
  const facts = new Map<string, TicketFact[]>();
  if (companyIds.length === 0) return facts;
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
  for (const row of result.rows) {
    const createdAt = readTime(row.created);
    if (createdAt === null) continue;
    const closedAt = readTime(row.closed) ?? (row.stage_closed === true ? row.modified_at.getTime() : null);
    const fact: TicketFact = { createdAt, escalated: row.escalated === 'true' };
    if (closedAt !== null) fact.closedAt = closedAt;
    if (row.priority !== null && row.priority !== '') fact.priority = row.priority;
    push(facts, row.company_id, fact);
  }
  return facts;
}

interface FeedbackRow {
  company_id: string;
  type: string | null;
  value: string | null;
  submitted: string | null;
}

const surveyTypes: ReadonlySet<string> = new Set<SurveyType>(['NPS', 'CSAT', 'CES']);

/** Survey answers attributed to these companies (through the submitting contact, see the sync). */
export async function loadFeedbackFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, FeedbackFact[]>> {
  const facts = new Map<string, FeedbackFact[]>();
  if (companyIds.length === 0) return facts;
  const result = await sql<FeedbackRow>`
    select ca.company_id,
           f.properties->>'hs_survey_type' as type,
           f.properties->>'hs_value' as value,
           f.properties->>'hs_submission_timestamp' as submitted
      from company_associations ca
      join feedback_submissions f on f.portal_id = ca.portal_id and f.id = ca.object_id and not f.archived
     where ca.portal_id = ${portalId} and ca.object_type = 'feedback_submissions'
       and ca.company_id in (${sql.join(companyIds)})`.execute(db);
  for (const row of result.rows) {
    const type = row.type?.toUpperCase();
    const value = row.value === null || row.value === '' ? Number.NaN : Number(row.value);
    const submittedAt = readTime(row.submitted);
    if (type === undefined || !surveyTypes.has(type) || !Number.isFinite(value) || submittedAt === null)
      continue;
    push(facts, row.company_id, { type: type as SurveyType, value, submittedAt });
  }
  return facts;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
