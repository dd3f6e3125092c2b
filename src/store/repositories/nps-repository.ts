import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/**
 * What the NPS report reads: survey answers with their company's segment, the customers with their newest
 * answer and reachable contacts, and the detractor follow-up runs with their first task. Every statement
 * filters by portal; an answer linked to two companies counts once, for the lower company id.
 */

/** The segment of a company Harbor has not scored (the retention report uses the same name). */
export const unsegmented = 'unsegmented';

/** A feedback submission as stored (HubSpot's property values are strings), with its company's segment. */
export interface StoredAnswerRow {
  id: string;
  company_id: string;
  segment: string;
  type: string | null;
  value: string | null;
  submitted: string | null;
  comment: string | null;
}

export interface CompanyScope {
  /** Only companies this HubSpot owner owns. */
  ownerId?: string | undefined;
}

const ownerFilter = (scope: CompanyScope) =>
  scope.ownerId === undefined ? sql`` : sql`and c.properties->>'hubspot_owner_id' = ${scope.ownerId}`;

/** Every survey answer of the portal's live companies (optionally one owner's, or one company's). */
export async function loadAnswerRows(
  db: Kysely<Database>,
  portalId: number,
  scope: CompanyScope & { companyId?: string | undefined },
): Promise<StoredAnswerRow[]> {
  const company = scope.companyId === undefined ? sql`` : sql`and ca.company_id = ${scope.companyId}`;
  const result = await sql<StoredAnswerRow>`
    select distinct on (f.id)
           f.id,
           ca.company_id,
           coalesce(h.segment, ${unsegmented}) as segment,
           f.properties->>'hs_survey_type' as type,
           f.properties->>'hs_value' as value,
           coalesce(f.properties->>'hs_submission_timestamp', f.properties->>'hs_createdate') as submitted,
           f.properties->>'hs_content' as comment
      from company_associations ca
      join feedback_submissions f on f.portal_id = ca.portal_id and f.id = ca.object_id and not f.archived
      join companies c on c.portal_id = ca.portal_id and c.id = ca.company_id and not c.archived
      left join health_scores h on h.portal_id = ca.portal_id and h.company_id = ca.company_id
     where ca.portal_id = ${portalId} and ca.object_type = 'feedback_submissions'
           ${company} ${ownerFilter(scope)}
     order by f.id, ca.company_id`.execute(db);
  return result.rows;
}

export interface CustomerRow {
  company_id: string;
  name: string | null;
  segment: string;
  /** Raw submission times of the company's answers (any survey); parsed by the caller. */
  submitted: (string | null)[];
  /** Its contacts with an email address. */
  contact_ids: string[];
}

/** Customers (lifecycle stage `customer`, not archived) with their answers' times and contacts with an email. */
export async function loadCustomerRows(
  db: Kysely<Database>,
  portalId: number,
  scope: CompanyScope,
): Promise<CustomerRow[]> {
  const result = await sql<CustomerRow>`
    select c.id as company_id,
           c.properties->>'name' as name,
           coalesce(h.segment, ${unsegmented}) as segment,
           coalesce((select array_agg(coalesce(f.properties->>'hs_submission_timestamp',
                                               f.properties->>'hs_createdate'))
                       from company_associations fa
                       join feedback_submissions f on f.portal_id = fa.portal_id and f.id = fa.object_id
                            and not f.archived
                      where fa.portal_id = c.portal_id and fa.company_id = c.id
                        and fa.object_type = 'feedback_submissions'), '{}') as submitted,
           coalesce((select array_agg(p.id order by p.id)
                       from company_associations pa
                       join contacts p on p.portal_id = pa.portal_id and p.id = pa.object_id and not p.archived
                      where pa.portal_id = c.portal_id and pa.company_id = c.id and pa.object_type = 'contacts'
                        and coalesce(p.properties->>'email', '') <> ''), '{}') as contact_ids
      from companies c
      left join health_scores h on h.portal_id = c.portal_id and h.company_id = c.id
     where c.portal_id = ${portalId} and not c.archived
       and c.properties->>'lifecyclestage' = 'customer'
       ${ownerFilter(scope)}
     order by c.id`.execute(db);
  return result.rows;
}

export interface FollowUpRunRow {
  company_id: string;
  started_at: Date;
  due_at: Date | null;
  completed_at: Date | null;
  /** True when the first step's task is recorded (Harbor asked HubSpot for it). */
  has_task: boolean;
}

/**
 * Detractor follow-up runs started since `since`, with the task of their first step when it exists (the key
 * is playbookTaskKey(run, 0); the report's database test creates it through that function).
 */
export async function loadFollowUpRuns(
  db: Kysely<Database>,
  portalId: number,
  since: Date,
): Promise<FollowUpRunRow[]> {
  const result = await sql<FollowUpRunRow>`
    select r.company_id, r.started_at, t.due_at, t.completed_at, (t.task_key is not null) as has_task
      from playbook_runs r
      left join harbor_tasks t on t.portal_id = r.portal_id
           and t.task_key = 'playbook:' || r.id::text || ':0'
     where r.portal_id = ${portalId} and r.playbook = 'detractor_follow_up' and r.started_at >= ${since}
     order by r.started_at, r.id`.execute(db);
  return result.rows;
}

/** Names of these companies (null when unnamed). */
export async function loadCompanyNameMap(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('companies')
    .select(['id', sql<string | null>`properties->>'name'`.as('name')])
    .where('portal_id', '=', portalId)
    .where('id', 'in', [...new Set(companyIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
