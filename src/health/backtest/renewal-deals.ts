import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { loadRenewalDealRows } from '../../store/repositories/renewal-deals-repository.ts';
import { readTime } from '../engine/property-values.pure.ts';
import type { RenewalDealFact } from './outcomes.pure.ts';

/** Deals in renewal pipelines, open or closed (label contains `labelText`, any case), with the companies they belong to. */
export async function loadRenewalDeals(
  db: Kysely<Database>,
  portalId: number,
  labelText: string,
): Promise<RenewalDealFact[]> {
  const rows = await loadRenewalDealRows(db, portalId, labelText);
  return rows.flatMap((row) => {
    const closeDate = readTime(row.close_date);
    return closeDate === null
      ? []
      : [{ companyId: row.company_id, closeDate, closed: row.is_closed, won: row.is_won }];
  });
}
