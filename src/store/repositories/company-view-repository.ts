import { sql, type Kysely } from 'kysely';

import type { Tier } from '../../health/model/health-model-schema.ts';
import type { Database } from '../database-schema.ts';
import type { CrmObjectRecord } from './crm-objects-repository.ts';
import { healthScoreFromJson, type HealthScoreRecord } from './health-scores-repository.ts';
import type { OwnerRecord } from './owners-repository.ts';

/**
 * What the company record's health view reads: the company, score, owner, snapshots, surveys, last sync and the
 * portal's currency.
 */

export interface SnapshotPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  score: number;
  tier: Tier | null;
}

export interface CompanyFeedbackRow {
  type: string | null;
  value: string | null;
  content: string | null;
  submitted: string | null;
}

export interface CompanyViewData {
  company: Omit<CrmObjectRecord, 'modifiedAt'> | undefined;
  score: HealthScoreRecord | undefined;
  owner: OwnerRecord | undefined;
  history: SnapshotPoint[];
  feedback: CompanyFeedbackRow[];
  lastSyncAt: Date | undefined;
  /** The portal's company currency (ISO 4217), null until HubSpot's account details were read. */
  currency: string | null;
}

interface CompanyViewRow {
  company: { id: string; properties: Record<string, string | null>; archived: boolean } | null;
  score: Parameters<typeof healthScoreFromJson>[0] | null;
  owner: {
    id: string;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    user_id: string | null;
    archived: boolean;
  } | null;
  history: SnapshotPoint[];
  feedback: CompanyFeedbackRow[];
  last_sync_at: Date | null;
  currency: string | null;
}

/**
 * Everything the company view reads, in one statement: the company, its score, its owner, its snapshots
 * from `fromDay` to `toDay`, its newest `feedbackLimit` survey answers and the portal's last finished sync.
 * One round trip instead of six keeps a card cheap under load (the view is the hottest read Harbor has).
 * Snapshot days are read as text (`to_char`), as everywhere: a `date` would become local midnight.
 */
export async function loadCompanyViewData(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
  window: { fromDay: string; toDay: string; feedbackLimit: number },
): Promise<CompanyViewData> {
  const result = await sql<CompanyViewRow>`
    with company as (
      select id, properties, archived from companies where portal_id = ${portalId} and id = ${companyId}
    )
    select
      (select to_jsonb(company) from company) as company,
      (select to_jsonb(hs) from health_scores hs
        where hs.portal_id = ${portalId} and hs.company_id = ${companyId}) as score,
      (select to_jsonb(o) from owners o
        where o.portal_id = ${portalId} and o.id = (select properties->>'hubspot_owner_id' from company)) as owner,
      (select coalesce(jsonb_agg(jsonb_build_object('day', to_char(s.day, 'YYYY-MM-DD'), 'score', s.score,
                                                    'tier', s.tier) order by s.day), '[]'::jsonb)
         from health_snapshots s
        where s.portal_id = ${portalId} and s.company_id = ${companyId}
          and s.day >= ${window.fromDay} and s.day <= ${window.toDay} and s.score is not null) as history,
      (select coalesce(jsonb_agg(answer), '[]'::jsonb) from (
         select f.properties->>'hs_survey_type' as type,
                f.properties->>'hs_value' as value,
                f.properties->>'hs_content' as content,
                f.properties->>'hs_submission_timestamp' as submitted
           from company_associations ca
           join feedback_submissions f on f.portal_id = ca.portal_id and f.id = ca.object_id and not f.archived
          where ca.portal_id = ${portalId} and ca.object_type = 'feedback_submissions'
            and ca.company_id = ${companyId}
          order by f.hs_modified_at desc
          limit ${window.feedbackLimit}) answer) as feedback,
      (select max(finished_at) from sync_runs
        where portal_id = ${portalId} and status = 'succeeded') as last_sync_at,
      (select company_currency from portals where portal_id = ${portalId}) as currency`.execute(db);
  const row = result.rows[0];
  if (row === undefined) throw new Error('the company view query returned no row');
  const owner = row.owner;
  return {
    company: row.company ?? undefined,
    score: row.score === null ? undefined : healthScoreFromJson(row.score),
    owner:
      owner === null
        ? undefined
        : {
            id: owner.id,
            email: owner.email,
            firstName: owner.first_name,
            lastName: owner.last_name,
            userId: owner.user_id,
            archived: owner.archived,
          },
    history: row.history,
    feedback: row.feedback,
    lastSyncAt: row.last_sync_at ?? undefined,
    currency: row.currency,
  };
}
