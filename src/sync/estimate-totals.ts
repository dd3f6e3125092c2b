import { countCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { estimateAllTypesFromCompanies } from './sync-checkpoint.pure.ts';
import type { SyncContext } from './sync-context.ts';
import type { SyncedObjectType } from './sync-types.ts';

/**
 * Progress estimates for new full passes: what the store already holds when it holds anything (free), else
 * HubSpot's search `total` — for companies always (one call), for the other types only when the portal has
 * enough companies that five searches are lost in the noise of the full sync's call budget.
 */
export async function estimateTotals(
  context: SyncContext,
  types: readonly SyncedObjectType[],
): Promise<Partial<Record<SyncedObjectType, number>>> {
  const estimates: Partial<Record<SyncedObjectType, number>> = {};
  const missing: SyncedObjectType[] = [];
  for (const type of types) {
    const stored = await countCrmObjects(context.db, context.portalId, type);
    if (stored > 0) estimates[type] = stored;
    else missing.push(type);
  }
  if (missing.length === 0) return estimates;
  const hubspotTotal = async (type: SyncedObjectType): Promise<number> =>
    (await context.portal.search(type, { limit: 1, properties: ['hs_object_id'] })).total;
  const companies =
    estimates.companies ?? (missing.includes('companies') ? await hubspotTotal('companies') : 0);
  if (missing.includes('companies')) estimates.companies = companies;
  if (companies < estimateAllTypesFromCompanies) return estimates;
  for (const type of missing) {
    if (type !== 'companies') estimates[type] = await hubspotTotal(type);
  }
  return estimates;
}
