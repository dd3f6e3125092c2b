import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface WrittenValues {
  companyId: string;
  /** Property name → the value now in HubSpot, as Harbor wrote it. */
  values: Readonly<Record<string, string>>;
}

// 4 columns a row; the values are a few short strings.
const writeChunk = 1_000;
const readChunk = 5_000;

/** What Harbor last wrote per company; companies never written are absent. */
export async function loadWrittenValues(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const written = new Map<string, Record<string, string>>();
  for (let start = 0; start < companyIds.length; start += readChunk) {
    const rows = await db
      .selectFrom('health_writeback')
      .select(['company_id', 'values'])
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', companyIds.slice(start, start + readChunk))
      .execute();
    for (const row of rows) written.set(row.company_id, row.values);
  }
  return written;
}

/** Replaces the record of what was written for each company (pass the full set of values now in HubSpot). */
export async function saveWrittenValues(
  db: Kysely<Database>,
  portalId: number,
  rows: readonly WrittenValues[],
  writtenAt: Date,
): Promise<void> {
  for (let start = 0; start < rows.length; start += writeChunk) {
    await db
      .insertInto('health_writeback')
      .values(
        rows.slice(start, start + writeChunk).map((row) => ({
          portal_id: portalId,
          company_id: row.companyId,
          values: JSON.stringify(row.values),
          written_at: writtenAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['portal_id', 'company_id']).doUpdateSet((eb) => ({
          values: eb.ref('excluded.values'),
          written_at: eb.ref('excluded.written_at'),
        })),
      )
      .execute();
  }
}
