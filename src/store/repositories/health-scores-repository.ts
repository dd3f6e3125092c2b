import type { Kysely, Selectable } from 'kysely';

import type { ComponentResult, HealthChange, HealthDriver, HealthResult } from '../../health/health-types.ts';
import type { Tier } from '../../health/model/health-model-schema.ts';
import type { Database, HealthScoresTable } from '../database-schema.ts';

/** One company's current score as stored; times are Dates (HealthResult's epoch ms become Dates here). */
export interface HealthScoreRecord {
  companyId: string;
  modelVersion: number;
  segment: string;
  score: number | null;
  tier: Tier | null;
  tierSince: Date | null;
  pendingTier: Tier | null;
  confidence: number;
  churnProbability: number | null;
  components: ComponentResult[];
  topDriver: HealthDriver | null;
  changes: HealthChange[];
  trend: HealthResult['trend'];
  computedAt: Date;
}

/** What the next scoring needs from the last one (hysteresis, dwell), without the heavy explanation. */
export interface HealthState {
  tier: Tier | null;
  tierSince: Date | null;
  pendingTier: Tier | null;
  score: number | null;
  confidence: number;
  modelVersion: number;
  computedAt: Date;
}

export interface HealthScorePage {
  results: HealthScoreRecord[];
  /** Pass as `after` for the next page; undefined on the last page. */
  after: string | undefined;
}

// 15 columns a row: 500 rows is 7,500 bind parameters, far below PostgreSQL's 65,535.
const writeChunk = 500;
const readChunk = 5_000;

/** The engine's result as a row to save. */
export function toHealthScoreRecord(
  result: HealthResult,
  modelVersion: number,
  computedAt: Date,
): HealthScoreRecord {
  return {
    companyId: result.companyId,
    modelVersion,
    segment: result.segment,
    score: result.score,
    tier: result.tier,
    tierSince: result.tierSince === null ? null : new Date(result.tierSince),
    pendingTier: result.pendingTier,
    confidence: result.confidence,
    churnProbability: result.churnProbability,
    components: result.components,
    topDriver: result.topDriver,
    changes: result.changes,
    trend: result.trend,
    computedAt,
  };
}

/**
 * A `health_scores` row read as JSON (`to_jsonb(health_scores)` in a larger statement): the same record as a
 * row read on its own, its times arriving as ISO text.
 */
export function healthScoreFromJson(
  row: Omit<Selectable<HealthScoresTable>, 'tier_since' | 'computed_at'> & {
    tier_since: string | null;
    computed_at: string;
  },
): HealthScoreRecord {
  return fromRow({
    ...row,
    tier_since: row.tier_since === null ? null : new Date(row.tier_since),
    computed_at: new Date(row.computed_at),
  });
}

function fromRow(row: Selectable<HealthScoresTable>): HealthScoreRecord {
  return {
    companyId: row.company_id,
    modelVersion: row.model_version,
    segment: row.segment,
    score: row.score,
    tier: row.tier,
    tierSince: row.tier_since,
    pendingTier: row.pending_tier,
    confidence: row.confidence,
    churnProbability: row.churn_probability,
    components: row.components,
    topDriver: row.top_driver,
    changes: row.changes,
    trend: row.trend,
    computedAt: row.computed_at,
  };
}

/**
 * Inserts or replaces the current score of each company, 500 rows per statement, all in one transaction (or
 * the caller's).
 */
export async function saveHealthScores(
  db: Kysely<Database>,
  portalId: number,
  rows: readonly HealthScoreRecord[],
): Promise<void> {
  if (rows.length === 0) return;
  const write = async (tx: Kysely<Database>): Promise<void> => {
    for (let start = 0; start < rows.length; start += writeChunk) {
      await tx
        .insertInto('health_scores')
        .values(
          rows.slice(start, start + writeChunk).map((row) => ({
            portal_id: portalId,
            company_id: row.companyId,
            model_version: row.modelVersion,
            segment: row.segment,
            score: row.score,
            tier: row.tier,
            tier_since: row.tierSince,
            pending_tier: row.pendingTier,
            confidence: row.confidence,
            churn_probability: row.churnProbability,
            components: JSON.stringify(row.components),
            top_driver: row.topDriver === null ? null : JSON.stringify(row.topDriver),
            changes: JSON.stringify(row.changes),
            trend: JSON.stringify(row.trend),
            computed_at: row.computedAt,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['portal_id', 'company_id']).doUpdateSet((eb) => ({
            model_version: eb.ref('excluded.model_version'),
            segment: eb.ref('excluded.segment'),
            score: eb.ref('excluded.score'),
            tier: eb.ref('excluded.tier'),
            tier_since: eb.ref('excluded.tier_since'),
            pending_tier: eb.ref('excluded.pending_tier'),
            confidence: eb.ref('excluded.confidence'),
            churn_probability: eb.ref('excluded.churn_probability'),
            components: eb.ref('excluded.components'),
            top_driver: eb.ref('excluded.top_driver'),
            changes: eb.ref('excluded.changes'),
            trend: eb.ref('excluded.trend'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

/** The stored state of each company that has one (companies never scored are absent from the map). */
export async function loadHealthStates(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, HealthState>> {
  const states = new Map<string, HealthState>();
  for (let start = 0; start < companyIds.length; start += readChunk) {
    const rows = await db
      .selectFrom('health_scores')
      .select([
        'company_id',
        'tier',
        'tier_since',
        'pending_tier',
        'score',
        'confidence',
        'model_version',
        'computed_at',
      ])
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', companyIds.slice(start, start + readChunk))
      .execute();
    for (const row of rows) {
      states.set(row.company_id, {
        tier: row.tier,
        tierSince: row.tier_since,
        pendingTier: row.pending_tier,
        score: row.score,
        confidence: row.confidence,
        modelVersion: row.model_version,
        computedAt: row.computed_at,
      });
    }
  }
  return states;
}

export async function findHealthScore(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
): Promise<HealthScoreRecord | undefined> {
  const row = await db
    .selectFrom('health_scores')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row && fromRow(row);
}

/**
 * A page of current scores, optionally of one tier, in company-id order (the database's text order, which the
 * `after` cursor follows too). `limit` is capped at 1,000.
 */
export async function listHealthScores(
  db: Kysely<Database>,
  portalId: number,
  options: { tier?: Tier | undefined; limit: number; after?: string | undefined },
): Promise<HealthScorePage> {
  const limit = Math.max(1, Math.min(Math.trunc(options.limit), 1_000));
  let query = db.selectFrom('health_scores').selectAll().where('portal_id', '=', portalId);
  if (options.tier !== undefined) query = query.where('tier', '=', options.tier);
  if (options.after !== undefined) query = query.where('company_id', '>', options.after);
  const rows = await query
    .orderBy('company_id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(fromRow);
  return { results: page, after: rows.length > limit ? page.at(-1)?.companyId : undefined };
}

/**
 * Removes what scoring keeps about companies the sync archived (deleted or merged away in HubSpot): current
 * scores, write-back records and property history. Snapshots stay: they are history, and calibration learns
 * from companies that left. Returns the number of scores removed.
 */
export async function deleteHealthOfArchivedCompanies(
  db: Kysely<Database>,
  portalId: number,
): Promise<number> {
  const remove = async (tx: Kysely<Database>): Promise<number> => {
    const archived = tx
      .selectFrom('companies')
      .select('id')
      .where('portal_id', '=', portalId)
      .where('archived', '=', true);
    const result = await tx
      .deleteFrom('health_scores')
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', archived)
      .executeTakeFirst();
    await tx
      .deleteFrom('health_writeback')
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', archived)
      .execute();
    await tx
      .deleteFrom('company_property_history')
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', archived)
      .execute();
    return Number(result.numDeletedRows);
  };
  return db.isTransaction ? remove(db) : db.transaction().execute(remove);
}
