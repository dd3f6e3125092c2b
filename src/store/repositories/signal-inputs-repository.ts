import { sql, type Kysely } from 'kysely';

import type { Tier } from '../../health/model/health-model-schema.ts';
import type { Database } from '../database-schema.ts';

/** What the signal rules read beyond the health score's inputs, as stored rows. */

export interface SignalTicketRow {
  company_id: string;
  id: string;
  subject: string | null;
  created: string | null;
  closed: string | null;
  priority: string | null;
  escalated: string | null;
  /** The mapped executive-ticket property's raw value; null when none is mapped or it is unset. */
  executive: string | null;
  /** Whether the ticket's pipeline stage is a closed one; null when the stage is unknown. */
  stage_closed: boolean | null;
  modified_at: Date;
}

/** The live tickets linked to these companies, with what tells a critical or an executive's ticket. */
export async function loadSignalTicketRows(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  escalationProperty: string | null,
  executiveProperty: string | null,
): Promise<SignalTicketRow[]> {
  if (companyIds.length === 0) return [];
  const escalated =
    escalationProperty === null ? sql<null>`null` : sql<string>`t.properties->>${escalationProperty}`;
  const executive =
    executiveProperty === null ? sql<null>`null` : sql<string>`t.properties->>${executiveProperty}`;
  const result = await sql<SignalTicketRow>`
    select ca.company_id,
           t.id,
           t.properties->>'subject' as subject,
           t.properties->>'createdate' as created,
           t.properties->>'closed_date' as closed,
           t.properties->>'hs_ticket_priority' as priority,
           ${escalated} as escalated,
           ${executive} as executive,
           ps.is_closed as stage_closed,
           t.hs_modified_at as modified_at
      from company_associations ca
      join tickets t on t.portal_id = ca.portal_id and t.id = ca.object_id and not t.archived
      left join pipeline_stages ps on ps.portal_id = t.portal_id and ps.object_type = 'tickets'
           and ps.pipeline_id = t.properties->>'hs_pipeline' and ps.stage_id = t.properties->>'hs_pipeline_stage'
     where ca.portal_id = ${portalId} and ca.object_type = 'tickets'
       and ca.company_id in (${sql.join(companyIds)})
     order by ca.company_id, t.id`.execute(db);
  return result.rows;
}

export interface SignalFeedbackRow {
  company_id: string;
  id: string;
  type: string | null;
  value: string | null;
  submitted: string | null;
  comment: string | null;
  /** The submitting contact's job title (through `hs_contact_id`); null when unknown or not synced. */
  job_title: string | null;
}

/** Survey answers attributed to these companies, with the answering contact's job title. */
export async function loadSignalFeedbackRows(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<SignalFeedbackRow[]> {
  if (companyIds.length === 0) return [];
  const result = await sql<SignalFeedbackRow>`
    select ca.company_id,
           f.id,
           f.properties->>'hs_survey_type' as type,
           f.properties->>'hs_value' as value,
           f.properties->>'hs_submission_timestamp' as submitted,
           f.properties->>'hs_content' as comment,
           c.properties->>'jobtitle' as job_title
      from company_associations ca
      join feedback_submissions f on f.portal_id = ca.portal_id and f.id = ca.object_id and not f.archived
      left join contacts c on c.portal_id = f.portal_id and c.id = f.properties->>'hs_contact_id'
           and not c.archived
     where ca.portal_id = ${portalId} and ca.object_type = 'feedback_submissions'
       and ca.company_id in (${sql.join(companyIds)})
     order by ca.company_id, f.id`.execute(db);
  return result.rows;
}

export interface SignalHealthRow {
  company_id: string;
  segment: string;
  score: number | null;
  tier: Tier | null;
  tier_since: Date | null;
  /** The tier of the newest daily snapshot before the day the current tier began, when it differs. */
  previous_tier: Tier | null;
}

/** The current score of these companies with the tier they held before the current one. */
export async function loadSignalHealthRows(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<SignalHealthRow[]> {
  if (companyIds.length === 0) return [];
  const result = await sql<SignalHealthRow>`
    select h.company_id, h.segment, h.score, h.tier, h.tier_since,
           (select s.tier from health_snapshots s
             where s.portal_id = h.portal_id and s.company_id = h.company_id
               and h.tier_since is not null
               and s.day < (h.tier_since at time zone 'UTC')::date
               and s.tier is not null and s.tier <> h.tier
             order by s.day desc limit 1) as previous_tier
      from health_scores h
     where h.portal_id = ${portalId} and h.company_id in (${sql.join(companyIds)})
     order by h.company_id`.execute(db);
  return result.rows;
}
