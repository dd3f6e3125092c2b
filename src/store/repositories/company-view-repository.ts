import { sql, type Kysely } from 'kysely';

import type { Tier } from '../../health/model/health-model-schema.ts';
import type { Database } from '../database-schema.ts';
import type { OwnerRecord } from './owners-repository.ts';

/** What the company record's health view reads besides the score: owner, snapshots, surveys, last sync. */

export async function findOwner(
  db: Kysely<Database>,
  portalId: number,
  ownerId: string,
): Promise<OwnerRecord | undefined> {
  const row = await db
    .selectFrom('owners')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', ownerId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      userId: row.user_id,
      archived: row.archived,
    }
  );
}

export interface SnapshotPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  score: number;
  tier: Tier | null;
}

/** The company's scored snapshots from `fromDay` to `toDay` (YYYY-MM-DD, inclusive), oldest first. */
export async function loadSnapshotHistory(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
  fromDay: string,
  toDay: string,
): Promise<SnapshotPoint[]> {
  const rows = await db
    .selectFrom('health_snapshots')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'score', 'tier'])
    .where('portal_id', '=', portalId)
    .where('company_id', '=', companyId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .where('score', 'is not', null)
    .orderBy('day')
    .execute();
  return rows.flatMap((row) =>
    row.score === null ? [] : [{ day: row.day, score: row.score, tier: row.tier }],
  );
}

export interface CompanyFeedbackRow {
  type: string | null;
  value: string | null;
  content: string | null;
  submitted: string | null;
}

/**
 * The company's survey answers (through the submitting contact, as the sync links them), newest first by
 * HubSpot's last-modified time, at most `limit` of them.
 */
export async function loadCompanyFeedback(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
  limit: number,
): Promise<CompanyFeedbackRow[]> {
  const result = await sql<CompanyFeedbackRow>`
    select f.properties->>'hs_survey_type' as type,
           f.properties->>'hs_value' as value,
           f.properties->>'hs_content' as content,
           f.properties->>'hs_submission_timestamp' as submitted
      from company_associations ca
      join feedback_submissions f on f.portal_id = ca.portal_id and f.id = ca.object_id and not f.archived
     where ca.portal_id = ${portalId} and ca.object_type = 'feedback_submissions'
       and ca.company_id = ${companyId}
     order by f.hs_modified_at desc
     limit ${limit}`.execute(db);
  return result.rows;
}

/** When the portal's last successful sync finished; undefined when none has. */
export async function findLastFinishedSync(
  db: Kysely<Database>,
  portalId: number,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sync_runs')
    .select('finished_at')
    .where('portal_id', '=', portalId)
    .where('status', '=', 'succeeded')
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.finished_at ?? undefined;
}
