import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { ComponentResult, HealthResult } from '../health/health-types.ts';
import type { DatabaseHandle } from './open-database.ts';
import { listAudit } from './repositories/audit-log-repository.ts';
import { upsertCrmObjects } from './repositories/crm-objects-repository.ts';
import {
  applyProposal,
  createCalibrationProposal,
  decideProposal,
  findCalibrationProposal,
  listCalibrationProposals,
} from './repositories/health-calibration-repository.ts';
import {
  findCurrentHealthModel,
  findHealthModelVersion,
  listHealthModelVersions,
  saveHealthModelVersion,
} from './repositories/health-models-repository.ts';
import {
  loadCompanyPropertyHistory,
  saveCompanyPropertyHistory,
} from './repositories/health-property-history-repository.ts';
import {
  deleteHealthOfArchivedCompanies,
  findHealthScore,
  listHealthScores,
  loadHealthStates,
  saveHealthScores,
  toHealthScoreRecord,
} from './repositories/health-scores-repository.ts';
import {
  loadSnapshotsNear,
  toHealthSnapshot,
  upsertSnapshots,
  type HealthSnapshotInput,
} from './repositories/health-snapshots-repository.ts';
import { loadWrittenValues, saveWrittenValues } from './repositories/health-writeback-repository.ts';

const t0 = new Date('2026-12-01T06:00:00Z');
const dayMs = 86_400_000;
const daysBefore = (days: number, from = t0) => new Date(from.getTime() - days * dayMs);

const component: ComponentResult = {
  id: 'usage',
  score: 40,
  weight: 0.5,
  contribution: 20,
  potential: 50,
  indicators: [
    {
      id: 'seat_utilisation',
      component: 'usage',
      label: 'Seat utilisation',
      value: 0.31,
      points: 40,
      weight: 1,
    },
  ],
};

function result(
  companyId: string,
  score: number | null,
  overrides: Partial<HealthResult> = {},
): HealthResult {
  return {
    companyId,
    segment: 'smb',
    score,
    tier: score === null ? null : score >= 70 ? 'healthy' : score >= 40 ? 'watch' : 'at_risk',
    tierSince: score === null ? null : daysBefore(20).getTime(),
    pendingTier: null,
    confidence: 80,
    churnProbability: score === null ? null : 0.12,
    trend: { d7: 1.5, d30: null, d90: -4 },
    components: [component],
    topDriver: {
      indicator: 'seat_utilisation',
      component: 'usage',
      label: 'Seat utilisation',
      value: 0.31,
      pointsLost: 12,
    },
    changes: [{ component: 'usage', delta: -3 }],
    ...overrides,
  };
}

function snapshot(companyId: string, score: number): HealthSnapshotInput {
  return {
    companyId,
    score,
    tier: 'watch',
    confidence: 90,
    components: { usage: score, support: null },
    modelVersion: 1,
  };
}

describe.each(testDatabaseTargets())('health store on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a model is saved three times, then versions increase and each audit row carries before and after', async () => {
    const portalId = 301;
    expect(await findCurrentHealthModel(handle.db, portalId)).toBeUndefined();
    const v1 = await saveHealthModelVersion(
      handle.db,
      portalId,
      { minDwellDays: 7 },
      { source: 'default', actor: 'system' },
    );
    const v2 = await saveHealthModelVersion(
      handle.db,
      portalId,
      { minDwellDays: 14 },
      { source: 'admin', actor: 'ann@example.com' },
    );
    expect([v1, v2]).toEqual([1, 2]);
    expect(await findCurrentHealthModel(handle.db, portalId)).toMatchObject({
      version: 2,
      model: { minDwellDays: 14 },
      source: 'admin',
      createdBy: 'ann@example.com',
      createdAt: expect.any(Date),
    });
    expect((await findHealthModelVersion(handle.db, portalId, 1))?.model).toEqual({ minDwellDays: 7 });
    const audit = (await listAudit(handle.db, portalId)).filter(
      (entry) => entry.action === 'health_model.update',
    );
    expect(audit.map(({ entity, before, after, actor }) => ({ entity, before, after, actor }))).toEqual([
      {
        entity: 'health_model:v2',
        before: { minDwellDays: 7 },
        after: { minDwellDays: 14 },
        actor: 'ann@example.com',
      },
      { entity: 'health_model:v1', before: null, after: { minDwellDays: 7 }, actor: 'system' },
    ]);

    const concurrent = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        saveHealthModelVersion(
          handle.db,
          portalId,
          { minDwellDays: n },
          { source: 'admin', actor: `admin-${n}` },
        ),
      ),
    );
    expect(concurrent.sort()).toEqual([3, 4, 5, 6]);
    expect((await listHealthModelVersions(handle.db, portalId)).map((v) => v.version)).toEqual([
      6, 5, 4, 3, 2, 1,
    ]);
    expect(await findCurrentHealthModel(handle.db, 302)).toBeUndefined();
  });

  it('when a proposal is applied twice, then the second is a conflict and the model got exactly one new version', async () => {
    const portalId = 311;
    await saveHealthModelVersion(
      handle.db,
      portalId,
      { minDwellDays: 7 },
      { source: 'default', actor: 'system' },
    );
    const proposal = await createCalibrationProposal(handle.db, portalId, {
      baseModelVersion: 1,
      model: { minDwellDays: 10 },
      report: { auc: 0.74 },
      actor: 'calibration',
    });
    expect(proposal).toMatchObject({ status: 'proposed', decidedBy: null, report: { auc: 0.74 } });

    const applied = await applyProposal(handle.db, portalId, proposal.id, 'ann@example.com');
    expect(applied.version).toBe(2);
    expect(applied.proposal).toMatchObject({
      status: 'applied',
      decidedBy: 'ann@example.com',
      decidedAt: expect.any(Date),
    });
    await expect(applyProposal(handle.db, portalId, proposal.id, 'bob@example.com')).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: `Calibration proposal ${proposal.id} was already applied`,
    });
    expect(await findCurrentHealthModel(handle.db, portalId)).toMatchObject({
      version: 2,
      source: 'calibration',
      model: { minDwellDays: 10 },
    });
    const actions = (await listAudit(handle.db, portalId)).map((entry) => entry.action);
    expect(actions).toEqual([
      'health_model.calibration_applied',
      'health_model.update',
      'health_model.update',
    ]);
    expect((await listAudit(handle.db, portalId))[0]).toMatchObject({
      entity: `calibration_proposal:${proposal.id}`,
      before: { status: 'proposed', baseModelVersion: 1 },
      after: { status: 'applied', modelVersion: 2 },
    });
  });

  it('when two admins apply the same proposal at once, then exactly one succeeds', async () => {
    const portalId = 312;
    const proposal = await createCalibrationProposal(handle.db, portalId, {
      baseModelVersion: 0,
      model: { minDwellDays: 3 },
      report: {},
      actor: 'calibration',
    });
    const outcomes = await Promise.allSettled([
      applyProposal(handle.db, portalId, proposal.id, 'a'),
      applyProposal(handle.db, portalId, proposal.id, 'b'),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await listHealthModelVersions(handle.db, portalId)).map((v) => v.version)).toEqual([1]);
  });

  it('when a proposal is dismissed, then it cannot be applied, and another portal cannot see it', async () => {
    const portalId = 313;
    const proposal = await createCalibrationProposal(handle.db, portalId, {
      baseModelVersion: 0,
      model: {},
      report: {},
      actor: 'calibration',
    });
    await expect(
      decideProposal(handle.db, 999, proposal.id, { status: 'dismissed', actor: 'x' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await decideProposal(handle.db, portalId, proposal.id, { status: 'dismissed', actor: 'ann' }),
    ).toMatchObject({
      status: 'dismissed',
      decidedBy: 'ann',
    });
    await expect(applyProposal(handle.db, portalId, proposal.id, 'bob')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await findCalibrationProposal(handle.db, 999, proposal.id)).toBeUndefined();
    expect((await listCalibrationProposals(handle.db, portalId)).map((p) => p.status)).toEqual(['dismissed']);
    expect(await listCalibrationProposals(handle.db, portalId, { status: 'proposed' })).toEqual([]);
    expect(await findCurrentHealthModel(handle.db, portalId)).toBeUndefined();
  });

  it('when scores are saved twice, then the second save replaces the first and reads map every field back', async () => {
    const portalId = 321;
    const rows = [result('1', 82.5), result('2', 35), result('3', null)].map((r) =>
      toHealthScoreRecord(r, 1, t0),
    );
    await saveHealthScores(handle.db, portalId, rows);
    await saveHealthScores(handle.db, portalId, rows);
    const updated = toHealthScoreRecord(result('2', 55.5, { pendingTier: 'healthy' }), 2, daysBefore(-1));
    await saveHealthScores(handle.db, portalId, [updated]);

    expect(await findHealthScore(handle.db, portalId, '1')).toEqual(rows[0]);
    expect(await findHealthScore(handle.db, portalId, '2')).toEqual(updated);
    expect(await findHealthScore(handle.db, portalId, '3')).toMatchObject({
      score: null,
      tier: null,
      tierSince: null,
    });
    const states = await loadHealthStates(handle.db, portalId, ['1', '2', '3', '4']);
    expect([...states.keys()].sort()).toEqual(['1', '2', '3']);
    expect(states.get('2')).toEqual({
      tier: 'watch',
      tierSince: daysBefore(20),
      pendingTier: 'healthy',
      score: 55.5,
      confidence: 80,
      modelVersion: 2,
      computedAt: daysBefore(-1),
    });
  });

  it('when listing scores, then pages follow the cursor and the tier filter', async () => {
    const portalId = 322;
    const ids = Array.from({ length: 7 }, (_, index) => String(100 + index));
    await saveHealthScores(
      handle.db,
      portalId,
      ids.map((id, index) => toHealthScoreRecord(result(id, index % 2 === 0 ? 30 : 80), 1, t0)),
    );
    const first = await listHealthScores(handle.db, portalId, { limit: 3 });
    const second = await listHealthScores(handle.db, portalId, { limit: 3, after: first.after });
    const third = await listHealthScores(handle.db, portalId, { limit: 3, after: second.after });
    expect([...first.results, ...second.results, ...third.results].map((r) => r.companyId)).toEqual(ids);
    expect(third.after).toBeUndefined();
    const atRisk = await listHealthScores(handle.db, portalId, { tier: 'at_risk', limit: 10 });
    expect(atRisk.results.map((r) => r.companyId)).toEqual(['100', '102', '104', '106']);
    expect(atRisk.after).toBeUndefined();
  });

  it('when companies were archived by the sync, then their scores, write-back records and history go, snapshots stay', async () => {
    const portalId = 323;
    await upsertCrmObjects(
      handle.db,
      portalId,
      'companies',
      [
        { id: '1', properties: {}, archived: false, modifiedAt: t0 },
        { id: '2', properties: {}, archived: true, modifiedAt: t0 },
      ],
      t0,
    );
    await saveHealthScores(handle.db, portalId, [
      toHealthScoreRecord(result('1', 50), 1, t0),
      toHealthScoreRecord(result('2', 50), 1, t0),
    ]);
    await saveWrittenValues(
      handle.db,
      portalId,
      [{ companyId: '2', values: { harbor_health_score: '50' } }],
      t0,
    );
    await saveCompanyPropertyHistory(handle.db, portalId, [{ companyId: '2', history: {} }], t0);
    await upsertSnapshots(handle.db, portalId, t0, [snapshot('2', 50)]);

    expect(await deleteHealthOfArchivedCompanies(handle.db, portalId)).toBe(1);
    expect([...(await loadHealthStates(handle.db, portalId, ['1', '2'])).keys()]).toEqual(['1']);
    expect((await loadWrittenValues(handle.db, portalId, ['2'])).size).toBe(0);
    expect((await loadCompanyPropertyHistory(handle.db, portalId, ['2'])).size).toBe(0);
    expect((await loadSnapshotsNear(handle.db, portalId, ['2'], [t0], 0)).get('2')).toHaveLength(1);
  });

  it('when looking for snapshots near target days, then each is the latest on or before the day within the window', async () => {
    const portalId = 331;
    const today = t0;
    await upsertSnapshots(handle.db, portalId, daysBefore(10), [snapshot('a', 10), snapshot('b', 10)]);
    await upsertSnapshots(handle.db, portalId, daysBefore(8), [snapshot('a', 8)]);
    await upsertSnapshots(handle.db, portalId, daysBefore(6), [snapshot('a', 6), snapshot('c', 6)]);
    await upsertSnapshots(handle.db, portalId, daysBefore(30), [snapshot('a', 30), snapshot('c', 31)]);
    // Scored twice on one day: the second run's snapshot is the day's.
    await upsertSnapshots(handle.db, portalId, new Date(daysBefore(30).getTime() + 3_600_000), [
      snapshot('c', 30),
    ]);

    const near = await loadSnapshotsNear(
      handle.db,
      portalId,
      ['a', 'b', 'c', 'd'],
      [daysBefore(7, today), daysBefore(30, today)],
      2,
    );
    const days = (id: string) => near.get(id)?.map((s) => [s.day.toISOString().slice(0, 10), s.score]);
    // a: day −7 → −8 (−6 is after it); day −30 → −30 itself.
    expect(days('a')).toEqual([
      ['2026-11-01', 30],
      ['2026-11-23', 8],
    ]);
    // b: −10 is 3 days before −7, outside the 2-day window.
    expect(near.has('b')).toBe(false);
    expect(days('c')).toEqual([['2026-11-01', 30]]);
    expect(near.get('c')?.[0]).toEqual({
      companyId: 'c',
      day: new Date('2026-11-01T00:00:00Z'),
      score: 30,
      tier: 'watch',
      confidence: 90,
      components: { usage: 30, support: null },
      modelVersion: 1,
    });
    expect(near.has('d')).toBe(false);
    // A window wide enough reaches b's snapshot, once even when two targets find it.
    const wide = await loadSnapshotsNear(handle.db, portalId, ['b'], [daysBefore(7), daysBefore(9)], 5);
    expect(wide.get('b')?.map((s) => s.score)).toEqual([10]);
  });

  it('when 12,000 companies are scored and snapshotted, then chunked writes and reads cover every company', async () => {
    const portalId = 341;
    const ids = Array.from({ length: 12_000 }, (_, index) => String(1_000_000 + index));
    const results = ids.map((id, index) => result(id, index % 100));
    await saveHealthScores(
      handle.db,
      portalId,
      results.map((r) => toHealthScoreRecord(r, 3, t0)),
    );
    await upsertSnapshots(
      handle.db,
      portalId,
      daysBefore(7),
      results.map((r) => toHealthSnapshot(r, 3)),
    );
    await upsertSnapshots(
      handle.db,
      portalId,
      daysBefore(7),
      results.map((r) => toHealthSnapshot(r, 3)),
    );
    await saveWrittenValues(
      handle.db,
      portalId,
      ids.map((id) => ({ companyId: id, values: { harbor_health_score: id } })),
      t0,
    );

    const states = await loadHealthStates(handle.db, portalId, ids);
    const near = await loadSnapshotsNear(
      handle.db,
      portalId,
      ids,
      [daysBefore(7), daysBefore(30), daysBefore(90)],
      3,
    );
    const written = await loadWrittenValues(handle.db, portalId, ids);
    expect(states.size).toBe(12_000);
    expect(states.get('1000099')?.score).toBe(99);
    expect(near.size).toBe(12_000);
    expect(near.get('1011999')).toEqual([expect.objectContaining({ score: 99, components: { usage: 40 } })]);
    expect(written.get('1011999')).toEqual({ harbor_health_score: '1011999' });
  });

  it('when write-back values and property history are saved again, then the latest replaces the row', async () => {
    const portalId = 351;
    await saveWrittenValues(
      handle.db,
      portalId,
      [{ companyId: '1', values: { harbor_health_score: '50' } }],
      t0,
    );
    await saveWrittenValues(
      handle.db,
      portalId,
      [{ companyId: '1', values: { harbor_health_score: '51' } }],
      daysBefore(-1),
    );
    expect(await loadWrittenValues(handle.db, portalId, ['1', '2'])).toEqual(
      new Map([['1', { harbor_health_score: '51' }]]),
    );

    const history = {
      seats: [
        { value: '20', timestamp: t0.getTime() },
        { value: '10', timestamp: daysBefore(40).getTime() },
      ],
    };
    await saveCompanyPropertyHistory(handle.db, portalId, [{ companyId: '1', history: {} }], daysBefore(1));
    await saveCompanyPropertyHistory(handle.db, portalId, [{ companyId: '1', history }], t0);
    expect(await loadCompanyPropertyHistory(handle.db, portalId, ['1'])).toEqual(
      new Map([['1', { companyId: '1', history, fetchedAt: t0 }]]),
    );
  });
});
