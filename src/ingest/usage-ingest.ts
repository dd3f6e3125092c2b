import type { Kysely } from 'kysely';

import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import {
  findCompaniesByDomain,
  findPortalCompanies,
  upsertUsage,
  type UsageRowValue,
} from '../store/repositories/usage-ingest-repository.ts';
import { checkUsageRows, lastValuePerKey, maxRowsPerBatch, type RowRefusal } from './usage-rows.pure.ts';

export interface UsageIngestDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /**
   * Told the companies a batch changed once it is stored (the lead wires it to rescoring). Must not throw or
   * block: the product's answer does not wait for scoring.
   */
  onIngested?: ((portalId: number, companyIds: readonly string[]) => void) | undefined;
}

export interface UsageIngestResult {
  received: number;
  applied: number;
  refused: RowRefusal[];
  companies: number;
}

export type IngestUsage = (portalId: number, rows: readonly unknown[]) => Promise<UsageIngestResult>;

/**
 * Applies one batch for one portal: each row checked on its own, its company found in the portal's own copy
 * of the CRM (by id or by domain), and the good rows' values upserted together, so a re-sent row replaces the
 * old values. A batch over the limit is refused before anything is read.
 */
export function createUsageIngest(deps: UsageIngestDeps): IngestUsage {
  return async (portalId, rows) => {
    if (rows.length > maxRowsPerBatch)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `A batch holds at most ${maxRowsPerBatch} rows; this one has ${rows.length}. Nothing was applied: send it in smaller batches`,
      );
    const now = deps.now();
    const { good, refused } = checkUsageRows(rows, now);
    const ids = [...new Set(good.flatMap((row) => ('id' in row.company ? [row.company.id] : [])))];
    const domains = [
      ...new Set(good.flatMap((row) => ('domain' in row.company ? [row.company.domain] : []))),
    ];
    const [known, byDomain] = await Promise.all([
      findPortalCompanies(deps.db, portalId, ids),
      findCompaniesByDomain(deps.db, portalId, domains),
    ]);
    const values: UsageRowValue[] = [];
    let applied = 0;
    for (const row of good) {
      const companyId = companyOf(row.company, known, byDomain, refused, row.index);
      if (companyId === undefined) continue;
      applied += 1;
      for (const { metric, value } of row.values) values.push({ companyId, date: row.date, metric, value });
    }
    await upsertUsage(deps.db, portalId, lastValuePerKey(values), now);
    const companies = [...new Set(values.map((value) => value.companyId))];
    if (companies.length > 0) notify(deps, portalId, companies);
    refused.sort((a, b) => a.index - b.index);
    return { received: rows.length, applied, refused, companies: companies.length };
  };
}

function companyOf(
  ref: { id: string } | { domain: string },
  known: Set<string>,
  byDomain: Map<string, string | null>,
  refused: RowRefusal[],
  index: number,
): string | undefined {
  if ('id' in ref) {
    if (known.has(ref.id)) return ref.id;
    refused.push({
      index,
      reason: `company: no company ${ref.id} in this HubSpot account (as of Harbor's last sync)`,
    });
    return undefined;
  }
  const id = byDomain.get(ref.domain);
  if (id === undefined)
    refused.push({ index, reason: `company: no company with domain ${ref.domain} in this HubSpot account` });
  else if (id === null)
    refused.push({
      index,
      reason: `company: several companies have domain ${ref.domain}; name the company by id`,
    });
  return id ?? undefined;
}

function notify(deps: UsageIngestDeps, portalId: number, companyIds: readonly string[]): void {
  try {
    deps.onIngested?.(portalId, companyIds);
  } catch (error) {
    deps.logger.error(
      { err: error, portalId },
      'onIngested failed; the usage is stored and scored at the next run',
    );
  }
}
