import { sql, type Kysely } from 'kysely';

import type { HealthResult } from '../../health/health-types.ts';
import type { ComponentId, Tier } from '../../health/model/health-model-schema.ts';
import type { Database } from '../database-schema.ts';

export interface HealthSnapshotInput {
  companyId: string;
  score: number | null;
  tier: Tier | null;
  confidence: number;
  components: Partial<Record<ComponentId, number | null>>;
  modelVersion: number;
}

export interface StoredHealthSnapshot extends HealthSnapshotInput {
  /** Midnight UTC of the snapshot's day. */
  day: Date;
}

const dayMs = 86_400_000;
// 8 columns a row.
const writeChunk = 1_000;
const readChunk = 5_000;

/** A time's UTC day as PostgreSQL's date literal (YYYY-MM-DD). */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The engine's result as the day's snapshot row. */
export function toHealthSnapshot(result: HealthResult, modelVersion: number): HealthSnapshotInput {
  return {
    companyId: result.companyId,
    score: result.score,
    tier: result.tier,
    confidence: result.confidence,
    components: Object.fromEntries(result.components.map((component) => [component.id, component.score])),
    modelVersion,
  };
}

/**
 * Writes the snapshots of the UTC day containing `day`; a company already snapshotted that day is overwritten,
 * so scoring twice a day keeps the last. Joins the caller's transaction or opens one.
 */
export async function upsertSnapshots(
  db: Kysely<Database>,
  portalId: number,
  day: Date,
  rows: readonly HealthSnapshotInput[],
): Promise<void> {
  if (rows.length === 0) return;
  const date = utcDay(day);
  const write = async (tx: Kysely<Database>): Promise<void> => {
    for (let start = 0; start < rows.length; start += writeChunk) {
      await tx
        .insertInto('health_snapshots')
        .values(
          rows.slice(start, start + writeChunk).map((row) => ({
            portal_id: portalId,
            company_id: row.companyId,
            day: date,
            score: row.score,
            tier: row.tier,
            confidence: row.confidence,
            components: JSON.stringify(row.components),
            model_version: row.modelVersion,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['portal_id', 'company_id', 'day']).doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            tier: eb.ref('excluded.tier'),
            confidence: eb.ref('excluded.confidence'),
            components: eb.ref('excluded.components'),
            model_version: eb.ref('excluded.model_version'),
          })),
        )
        .execute();
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

/**
 * For each company and each target day, the latest snapshot on or before that day and at most `windowDays`
 * before it (days are UTC). Returns per company its snapshots found, oldest first, each at most once; companies
 * with none are absent. One DISTINCT ON query per target day and 5,000 companies, along the primary key.
 */
export async function loadSnapshotsNear(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  days: readonly Date[],
  windowDays: number,
): Promise<Map<string, StoredHealthSnapshot[]>> {
  const found = new Map<string, Map<string, StoredHealthSnapshot>>();
  for (const target of days) {
    const upTo = utcDay(target);
    const from = utcDay(new Date(dayStart(upTo).getTime() - Math.max(0, Math.trunc(windowDays)) * dayMs));
    for (let start = 0; start < companyIds.length; start += readChunk) {
      const rows = await db
        .selectFrom('health_snapshots')
        .distinctOn('company_id')
        .select([
          'company_id',
          sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
          'score',
          'tier',
          'confidence',
          'components',
          'model_version',
        ])
        .where('portal_id', '=', portalId)
        .where('company_id', 'in', companyIds.slice(start, start + readChunk))
        .where('day', '<=', upTo)
        .where('day', '>=', from)
        .orderBy('company_id')
        .orderBy('day', 'desc')
        .execute();
      for (const row of rows) {
        const perCompany = found.get(row.company_id) ?? new Map<string, StoredHealthSnapshot>();
        found.set(row.company_id, perCompany);
        perCompany.set(row.day, {
          companyId: row.company_id,
          day: dayStart(row.day),
          score: row.score,
          tier: row.tier,
          confidence: row.confidence,
          components: row.components,
          modelVersion: row.model_version,
        });
      }
    }
  }
  return new Map(
    [...found].map(([companyId, byDay]) => [
      companyId,
      [...byDay.values()].sort((a, b) => a.day.getTime() - b.day.getTime()),
    ]),
  );
}
