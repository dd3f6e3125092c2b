import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/** The span of a portal's stored scores, which decides whether a rescoring after a sync covers everyone. */
export interface ScoreTimes {
  /** Null when the portal has no scores yet. */
  oldest: Date | null;
  newest: Date | null;
  /** Whether any score was computed with another model version than `modelVersion`. */
  staleModel: boolean;
}

export async function loadScoreTimes(
  db: Kysely<Database>,
  portalId: number,
  modelVersion: number,
): Promise<ScoreTimes> {
  const result = await sql<{ oldest: Date | null; newest: Date | null; stale_model: boolean | null }>`
    select min(computed_at) as oldest, max(computed_at) as newest,
           bool_or(model_version <> ${modelVersion}) as stale_model
      from health_scores where portal_id = ${portalId}`.execute(db);
  const row = result.rows[0];
  // Drivers differ in whether an aggregate over timestamps comes back as a Date or a string.
  const toDate = (value: Date | string | null | undefined): Date | null =>
    value == null ? null : new Date(value);
  return {
    oldest: toDate(row?.oldest),
    newest: toDate(row?.newest),
    staleModel: row?.stale_model === true,
  };
}

/**
 * Live companies whose own record, company links, tickets or survey answers the sync wrote after `since`
 * (an archived ticket counts: its company has one ticket fewer), in id order.
 */
export async function loadChangedCompanyIds(
  db: Kysely<Database>,
  portalId: number,
  since: Date,
): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select c.id from companies c
     where c.portal_id = ${portalId} and not c.archived and c.id in (
       select id from companies where portal_id = ${portalId} and synced_at > ${since}
       union
       select company_id from company_associations where portal_id = ${portalId} and synced_at > ${since}
       union
       select ca.company_id from company_associations ca
         join tickets t on t.portal_id = ca.portal_id and t.id = ca.object_id
        where ca.portal_id = ${portalId} and ca.object_type = 'tickets' and t.synced_at > ${since}
       union
       select ca.company_id from company_associations ca
         join feedback_submissions f on f.portal_id = ca.portal_id and f.id = ca.object_id
        where ca.portal_id = ${portalId} and ca.object_type = 'feedback_submissions' and f.synced_at > ${since})
     order by c.id`.execute(db);
  return result.rows.map((row) => row.id);
}
