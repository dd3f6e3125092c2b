import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface RenewalDealRow {
  company_id: string;
  close_date: string | null;
  is_closed: boolean;
  is_won: boolean;
}

/**
 * Deals in pipelines whose label contains `labelText` (any case; `%` and `_` match themselves), open or
 * closed, one row per company each belongs to.
 */
export async function loadRenewalDealRows(
  db: Kysely<Database>,
  portalId: number,
  labelText: string,
): Promise<RenewalDealRow[]> {
  const pattern = `%${labelText.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const result = await sql<RenewalDealRow>`
    select ca.company_id, d.properties->>'closedate' as close_date, ps.is_closed, ps.is_won
      from deals d
      join pipeline_stages ps on ps.portal_id = d.portal_id and ps.object_type = 'deals'
           and ps.pipeline_id = d.properties->>'pipeline' and ps.stage_id = d.properties->>'dealstage'
      join company_associations ca on ca.portal_id = d.portal_id and ca.object_type = 'deals'
           and ca.object_id = d.id
     where d.portal_id = ${portalId} and not d.archived
       and lower(ps.pipeline_label) like ${pattern}`.execute(db);
  return result.rows;
}
