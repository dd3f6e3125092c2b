import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { Database } from '../../store/database-schema.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { listAudit } from '../../store/repositories/audit-log-repository.ts';
import { findHealthScore } from '../../store/repositories/health-scores-repository.ts';
import { listHealthModelVersions } from '../../store/repositories/health-models-repository.ts';
import { runSync } from '../../sync/run-sync.ts';
import {
  createQuietLogger,
  createTestGateway,
  resetSandboxStats,
  sandboxStats,
  startFastSandbox,
  syncDeps,
} from '../../sync/testing/sync-test-kit.ts';
import { DAY_MS } from '../engine/property-values.pure.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import { tierIds, type Tier } from '../model/health-model-schema.ts';
import type { WriteBackSummary } from '../write-back/write-back.ts';
import { createWriteBackSink } from '../write-back/write-back-sink.ts';
import { rescorePortal, type RescoreSummary } from './rescore-portal.ts';

const companyCount = 150;
const generatedAt = Math.floor(Date.now() / DAY_MS) * DAY_MS;
/** The first scoring: mid-morning of the generated portal's day. */
const t0 = generatedAt + 10 * 3_600_000;

interface ScoreRow {
  company_id: string;
  score: number | null;
  tier: Tier | null;
  pending_tier: Tier | null;
  tier_since: Date | null;
  trend: { d7: number | null; d30: number | null; d90: number | null };
}

async function scoreRows(db: Kysely<Database>, portalId: number): Promise<Map<string, ScoreRow>> {
  const rows = await db
    .selectFrom('health_scores')
    .select(['company_id', 'score', 'tier', 'pending_tier', 'tier_since', 'trend'])
    .where('portal_id', '=', portalId)
    .execute();
  return new Map(rows.map((row) => [row.company_id, row]));
}

async function liveCompanyIds(db: Kysely<Database>, portalId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('companies')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

async function snapshotScores(
  db: Kysely<Database>,
  portalId: number,
  at: number,
): Promise<Map<string, number | null>> {
  const day = new Date(at).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('health_snapshots')
    .select(['company_id', 'score'])
    .where('portal_id', '=', portalId)
    .where(sql<string>`to_char(day, 'YYYY-MM-DD')`, '=', day)
    .execute();
  return new Map(rows.map((row) => [row.company_id, row.score]));
}

/** Half away from zero, as the write-back rounds (scores are never negative). */
function shown(score: number): string {
  return String(Math.round(score));
}

describe.each(testDatabaseTargets())('rescoring a synced portal on $name', (target) => {
  let sandbox: RunningSandbox;
  let gateway: HubSpotGateway;
  let handle: DatabaseHandle;
  let portalId: number;
  let first: RescoreSummary<WriteBackSummary>;
  const quiet = createQuietLogger();

  const sandboxCompany = (id: string) => sandbox.sandbox.world.defaultPortal.tables.companies.get(id);

  const rescoreAt = (at: number) =>
    rescorePortal(
      {
        db: handle.db,
        logger: quiet.logger,
        now: () => new Date(at),
        sink: createWriteBackSink(
          { db: handle.db, gateway, logger: quiet.logger, now: () => new Date(at) },
          portalId,
        ),
        pageSize: 40,
      },
      portalId,
    );

  const sync = async (mode: 'full' | 'incremental') => {
    const summary = await runSync(syncDeps(handle.db, gateway), { portalId, mode });
    expect(summary.status).toBe('succeeded');
    return summary;
  };

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: companyCount, seed: 29, generatedAt });
    gateway = createTestGateway(sandbox);
    portalId = sandbox.portalId;
    handle = await target.open();
    await sync('full');
  });
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  it('when a synced portal is rescored the first time, then every live company has a score, a tier, a snapshot for today and its values in HubSpot', async () => {
    first = await rescoreAt(t0);

    const ids = await liveCompanyIds(handle.db, portalId);
    expect(ids).toHaveLength(companyCount);
    expect(first).toMatchObject({
      portalId,
      modelVersion: 1,
      companies: companyCount,
      unscored: 0,
      removed: 0,
    });
    expect(first.tiers.healthy + first.tiers.watch + first.tiers.at_risk).toBe(companyCount);
    // A generated portal has customers in every state.
    for (const tier of tierIds) expect(first.tiers[tier], tier).toBeGreaterThan(0);
    expect(first.writeBack).toMatchObject({
      considered: companyCount,
      changed: companyCount,
      written: companyCount,
    });

    const scores = await scoreRows(handle.db, portalId);
    const snapshots = await snapshotScores(handle.db, portalId, t0);
    expect([...scores.keys()].sort()).toEqual(ids);
    for (const id of ids) {
      const row = scores.get(id);
      expect(row?.score, id).toEqual(expect.any(Number));
      expect(tierIds).toContain(row?.tier);
      expect(row?.tier_since?.getTime()).toBe(t0);
      expect(snapshots.get(id)).toBe(row?.score);
      const properties = sandboxCompany(id)?.properties;
      expect(properties?.harbor_health_score, id).toBe(shown(row!.score!));
      expect(properties?.harbor_health_tier).toBe(row?.tier);
      expect(properties?.harbor_health_model_version).toBe('1');
      expect(properties?.harbor_health_computed_at).toBe(new Date(t0).toISOString());
    }
  });

  it('when a portal is scored the first time, then the default model is saved as version 1 and audited', async () => {
    const versions = await listHealthModelVersions(handle.db, portalId);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, source: 'default', createdBy: 'harbor' });
    expect(versions[0]?.model).toEqual(JSON.parse(JSON.stringify(defaultHealthModel)));
    const audit = await listAudit(handle.db, portalId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'harbor',
      action: 'health_model.update',
      entity: 'health_model:v1',
      before: null,
      after: versions[0]?.model,
    });
  });

  it('when the portal is rescored later the same day with nothing changed, then HubSpot is not called and every tier stays', async () => {
    const before = await scoreRows(handle.db, portalId);
    await resetSandboxStats(sandbox);

    // Minutes, not hours: an open ticket's age against its SLA, shown in the top driver, moves with the clock.
    const again = await rescoreAt(t0 + 10 * 60_000);

    expect(again.writeBack).toMatchObject({ considered: companyCount, changed: 0, written: 0, calls: 0 });
    expect((await sandboxStats(sandbox)).totalCalls).toBe(0);
    expect(again.tiers).toEqual(first.tiers);
    expect(again.tierChanges).toBe(0);
    const after = await scoreRows(handle.db, portalId);
    for (const [id, row] of before) {
      expect(after.get(id)?.tier, id).toBe(row.tier);
      expect(after.get(id)?.tier_since).toEqual(row.tier_since);
    }
    // Still one snapshot per company for the day: the later run replaced the earlier one.
    expect((await snapshotScores(handle.db, portalId, t0)).size).toBe(companyCount);
    expect(await listHealthModelVersions(handle.db, portalId)).toHaveLength(1);
  });

  it('when a company was deleted in HubSpot and the sync archived it, then the next rescore removes its score', async () => {
    const [deletedId] = await liveCompanyIds(handle.db, portalId);
    sandbox.sandbox.world.defaultPortal.archiveRecord('companies', deletedId!, Date.now());
    await sync('incremental');

    const summary = await rescoreAt(t0 + 3 * 3_600_000);

    expect(summary).toMatchObject({ companies: companyCount - 1, removed: 1 });
    expect(await findHealthScore(handle.db, portalId, deletedId!)).toBeUndefined();
    const written = await handle.db
      .selectFrom('health_writeback')
      .select('company_id')
      .where('portal_id', '=', portalId)
      .where('company_id', '=', deletedId!)
      .execute();
    expect(written).toEqual([]);
    // Its snapshot stays: calibration learns from companies that left.
    expect((await snapshotScores(handle.db, portalId, t0)).has(deletedId!)).toBe(true);
    expect((await scoreRows(handle.db, portalId)).size).toBe(companyCount - 1);
  });

  describe('when a healthy company’s usage and payments collapse in HubSpot', () => {
    let companyId: string;
    let scoreAtT0: number;

    it('then a rescore a day later lowers its score, but the tier waits for the dwell time', async () => {
      const scores = await scoreRows(handle.db, portalId);
      const healthy = [...scores.values()]
        .filter((row) => row.tier === 'healthy' && row.score !== null)
        .sort((a, b) => b.score! - a.score!);
      expect(healthy.length).toBeGreaterThan(0);
      companyId = healthy[0]!.company_id;
      scoreAtT0 = (await snapshotScores(handle.db, portalId, t0)).get(companyId)!;
      const longAgo = new Date(generatedAt - 120 * DAY_MS).toISOString().slice(0, 10);
      sandbox.sandbox.world.defaultPortal.updateRecord(
        'companies',
        companyId,
        {
          active_users_30d: '0',
          logins_30d: '0',
          logins_prev_30d: '400',
          features_used: '0',
          last_login_date: longAgo,
          days_past_due: '90',
          invoice_status: 'overdue',
        },
        Date.now(),
      );
      await sync('incremental');

      const summary = await rescoreAt(t0 + DAY_MS);

      const row = (await scoreRows(handle.db, portalId)).get(companyId);
      expect(row?.score).toBeLessThan(scoreAtT0 - 20);
      expect(row?.score).toBeLessThan(defaultHealthModel.segments.SMB!.tiers.healthy.exit);
      expect(row?.tier).toBe('healthy');
      expect(row?.pending_tier).toMatch(/^(watch|at_risk)$/);
      expect(row?.tier_since?.getTime()).toBe(t0);
      expect(row?.trend.d7).toBeNull();
      expect(summary.tierChanges).toBe(0);
      const properties = sandboxCompany(companyId)?.properties;
      expect(properties?.harbor_health_score).toBe(shown(row!.score!));
      expect(properties?.harbor_health_tier).toBe('healthy');
    });

    it('then six days after it entered the tier, it still holds it', async () => {
      await rescoreAt(t0 + 6 * DAY_MS);

      const row = (await scoreRows(handle.db, portalId)).get(companyId);
      expect(row).toMatchObject({
        tier: 'healthy',
        pending_tier: expect.stringMatching(/^(watch|at_risk)$/),
      });
      expect(row?.trend.d7).toBeNull();
    });

    it('then once seven days have passed, the tier changes, HubSpot shows it and the 7-day trend appears', async () => {
      const at = t0 + 7 * DAY_MS;
      const summary = await rescoreAt(at);

      const row = (await scoreRows(handle.db, portalId)).get(companyId);
      expect(row?.tier).toMatch(/^(watch|at_risk)$/);
      expect(row?.pending_tier).toBeNull();
      expect(row?.tier_since?.getTime()).toBe(at);
      expect(summary.tierChanges).toBeGreaterThanOrEqual(1);
      expect(row?.trend.d7).toBe(Math.round((row!.score! - scoreAtT0) * 10) / 10);
      expect(row?.trend.d7).toBeLessThan(-20);
      expect(sandboxCompany(companyId)?.properties.harbor_health_tier).toBe(row?.tier);
    });
  });
});
