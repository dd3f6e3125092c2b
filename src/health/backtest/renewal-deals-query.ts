import { sql, type Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { readTime } from '../engine/property-values.pure.ts';
import type { RenewalDealFact } from './outcomes.pure.ts';

interface RenewalRow {
  company_id: string;
  close_date: string | null;
  is_closed: boolean;
  is_won: boolean;
}

/** Deals in renewal pipelines, open or closed (label contains `labelText`, any case), with the companies they belong to. */
export async function loadRenewalDeals(
  db: Kysely<Database>,
  portalId: number,
  labelText: string,
): Promise<RenewalDealFact[]> {
  const pattern = `%${labelText.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const result = await sql<RenewalRow>`
    select ca.company_id, d.properties->>'closedate' as close_date, ps.is_closed, ps.is_won
      from deals d
      join pipeline_stages ps on ps.portal_id = d.portal_id and ps.object_type = 'deals'
           and ps.pipeline_id = d.properties->>'pipeline' and ps.stage_id = d.properties->>'dealstage'
      join company_associations ca on ca.portal_id = d.portal_id and ca.object_type = 'deals'
           and ca.object_id = d.id
     where d.portal_id = ${portalId} and not d.archived
       and lower(ps.pipeline_label) like ${pattern}`.execute(db);
  return result.rows.flatMap((row) => {
    const closeDate = readTime(row.close_date);
    return closeDate === null
      ? []
      : [{ companyId: row.company_id, closeDate, closed: row.is_closed, won: row.is_won }];
  });
}
