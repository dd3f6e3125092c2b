import type { Kysely } from 'kysely';

import type { Database, PropertyHistoryEntry } from '../database-schema.ts';

export type { PropertyHistoryEntry } from '../database-schema.ts';

export interface CompanyPropertyHistory {
  companyId: string;
  /** Property name → its values, newest first. */
  history: Record<string, PropertyHistoryEntry[]>;
}

export interface StoredCompanyPropertyHistory extends CompanyPropertyHistory {
  fetchedAt: Date;
}

// A company's history can hold hundreds of values: keep statements to a few megabytes.
const writeChunk = 200;
const readChunk = 2_000;

/** Replaces the stored history of each company with the one just fetched. */
export async function saveCompanyPropertyHistory(
  db: Kysely<Database>,
  portalId: number,
  rows: readonly CompanyPropertyHistory[],
  fetchedAt: Date,
): Promise<void> {
  for (let start = 0; start < rows.length; start += writeChunk) {
    await db
      .insertInto('company_property_history')
      .values(
        rows.slice(start, start + writeChunk).map((row) => ({
          portal_id: portalId,
          company_id: row.companyId,
          history: JSON.stringify(row.history),
          fetched_at: fetchedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['portal_id', 'company_id']).doUpdateSet((eb) => ({
          history: eb.ref('excluded.history'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute();
  }
}

/** The stored history per company; companies never fetched are absent. */
export async function loadCompanyPropertyHistory(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, StoredCompanyPropertyHistory>> {
  const histories = new Map<string, StoredCompanyPropertyHistory>();
  for (let start = 0; start < companyIds.length; start += readChunk) {
    const rows = await db
      .selectFrom('company_property_history')
      .select(['company_id', 'history', 'fetched_at'])
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', companyIds.slice(start, start + readChunk))
      .execute();
    for (const row of rows) {
      histories.set(row.company_id, {
        companyId: row.company_id,
        history: row.history,
        fetchedAt: row.fetched_at,
      });
    }
  }
  return histories;
}
