import type { Kysely } from 'kysely';

import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import {
  loadCompanyPropertyHistory,
  saveCompanyPropertyHistory,
  type CompanyPropertyHistory,
} from '../../store/repositories/health-property-history-repository.ts';
import type { PropertyHistory } from './as-of.pure.ts';

export interface HistoryDeps {
  db: Kysely<Database>;
  logger: Logger;
  /** Absent: only what is stored is used (companies never fetched score on today's values, flagged). */
  gateway?: PortalGateway | undefined;
  now: () => Date;
}

const fetchChunk = 500;

/**
 * The property history of these companies, fetched from HubSpot once and kept: a company is fetched again
 * only when the model reads a property its stored history lacks.
 */
export async function companyPropertyHistory(
  deps: HistoryDeps,
  portalId: number,
  companyIds: readonly string[],
  properties: readonly string[],
): Promise<{ histories: Map<string, PropertyHistory>; fetched: number; calls: number }> {
  const stored = await loadCompanyPropertyHistory(deps.db, portalId, companyIds);
  const histories = new Map<string, PropertyHistory>();
  const missing: string[] = [];
  for (const id of companyIds) {
    const entry = stored.get(id);
    if (entry !== undefined && properties.every((name) => name in entry.history))
      histories.set(id, entry.history);
    else missing.push(id);
  }
  const { gateway } = deps;
  if (gateway === undefined || missing.length === 0) return { histories, fetched: 0, calls: 0 };
  const callsBefore = gateway.callCount();
  for (let start = 0; start < missing.length; start += fetchChunk) {
    const part = missing.slice(start, start + fetchChunk);
    const { results, errors } = await gateway.batchRead('companies', part, {
      properties: [],
      propertiesWithHistory: [...properties],
    });
    if (errors.length > 0) {
      deps.logger.warn({ portalId, errors: errors.length }, 'some companies could not be read with history');
    }
    const rows: CompanyPropertyHistory[] = results.map((record) => {
      const history: CompanyPropertyHistory['history'] = {};
      // A property never set has no versions; recording it empty marks it as fetched.
      for (const name of properties) history[name] = record.propertiesWithHistory?.[name] ?? [];
      return { companyId: record.id, history };
    });
    await saveCompanyPropertyHistory(deps.db, portalId, rows, deps.now());
    for (const row of rows) histories.set(row.companyId, row.history);
  }
  return { histories, fetched: missing.length, calls: gateway.callCount() - callsBefore };
}
