import { sql, type Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { DAY_MS } from '../engine/property-values.pure.ts';
import type { CompanyRow } from './health-input-queries.ts';

export type RescoreScope = { kind: 'full'; reason: string } | { kind: 'changed'; since: Date };

interface ScoreTimes {
  oldest: Date | null;
  newest: Date | null;
  stale_model: boolean | null;
}

/**
 * Whether a rescoring after a sync must cover every company or only those whose data changed. Every
 * company is rescored at least once a UTC day (its "days since" indicators, trends and dwell move with the
 * calendar) and whenever the model changed; in between, only companies the sync touched.
 */
export async function decideRescoreScope(
  db: Kysely<Database>,
  portalId: number,
  modelVersion: number,
  now: Date,
): Promise<RescoreScope> {
  const result = await sql<ScoreTimes>`
    select min(computed_at) as oldest, max(computed_at) as newest,
           bool_or(model_version <> ${modelVersion}) as stale_model
      from health_scores where portal_id = ${portalId}`.execute(db);
  const times = result.rows[0];
  if (times?.oldest == null || times.newest == null) return { kind: 'full', reason: 'first scoring' };
  if (times.stale_model === true) return { kind: 'full', reason: 'the model changed' };
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  if (new Date(times.oldest).getTime() < today) return { kind: 'full', reason: 'the daily rescoring' };
  return { kind: 'changed', since: new Date(times.newest) };
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
