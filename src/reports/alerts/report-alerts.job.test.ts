import {
  defaultReportSettings,
  defaultSignalSettings,
  type NpsRowWire,
  type RetentionReportWire,
  type RetentionRowWire,
} from '@harbor/wire';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { Database } from '../../store/database-schema.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { saveHealthScores } from '../../store/repositories/health-scores-repository.ts';
import { saveSettingsVersion } from '../../store/repositories/settings-repository.ts';
import { harborTaskKeyProperty } from '../../tasks/harbor-task-property.ts';
import { startFastSandbox, taskDeps } from '../../tasks/testing/task-test-kit.ts';
import { listPortfolioAlerts } from '../../store/repositories/report-alerts-repository.ts';
import { runReportAlerts, type AlertSources } from './report-alerts.job.ts';

const seededAt = new Date('2026-09-01T00:00:00.000Z');

/** SMB's quarter with only GRR known (the other ratios unknown judge nothing). */
const smbQuarter = (periodStart: string, grr: number | null, complete = true): RetentionRowWire => ({
  segment: 'SMB',
  periodStart,
  periodEnd: periodStart,
  complete,
  customersStart: 40,
  customersChurned: 0,
  startingRevenue: 100_000,
  churnedRevenue: 0,
  contractionRevenue: 0,
  expansionRevenue: 0,
  grr,
  nrr: null,
  logoChurn: null,
  grossRevenueChurn: null,
  netRevenueChurn: null,
});

/** Two SMB accounts (the larger, 90,000, is the one an alert task hangs off) and an ENTERPRISE one. */
async function seedPortal(
  db: Kysely<Database>,
  sandbox: RunningSandbox,
  escalationOwnerId: string | null,
): Promise<{ largestSmb: string }> {
  const ids = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((company) => company.id);
  const [small = '', large = '', enterprise = ''] = ids;
  const portalId = sandbox.portalId;
  await installPortals(db, [portalId], { timeZone: 'UTC' });
  const accounts = [
    [small, 'SMB', '12000'],
    [large, 'SMB', '90000'],
    [enterprise, 'ENTERPRISE', '500000'],
  ] as const;
  await upsertCrmObjects(
    db,
    portalId,
    'companies',
    accounts.map(([id, , value]) => ({
      id,
      properties: { name: `Company ${id}`, contract_value: value },
      archived: false,
      modifiedAt: seededAt,
    })),
    seededAt,
  );
  await saveHealthScores(
    db,
    portalId,
    accounts.map(([companyId, segment]) => ({
      companyId,
      modelVersion: 1,
      segment,
      score: 60,
      tier: 'watch',
      tierSince: seededAt,
      pendingTier: null,
      confidence: 90,
      churnProbability: 0.2,
      components: [],
      topDriver: null,
      changes: [],
      trend: { d7: null, d30: null, d90: null },
      computedAt: seededAt,
    })),
  );
  await saveSettingsVersion(
    db,
    portalId,
    {
      reports: { ...defaultReportSettings, targets: [{ segment: 'SMB', metric: 'grr', target: 0.9 }] },
      signals: { ...defaultSignalSettings, routing: { ...defaultSignalSettings.routing, escalationOwnerId } },
    },
    'test',
  );
  return { largestSmb: large };
}

function alertTasks(sandbox: RunningSandbox) {
  return [...sandbox.sandbox.world.defaultPortal.tables.tasks.all()].filter((task) =>
    task.properties[harborTaskKeyProperty]?.startsWith('report-alert:'),
  );
}

describe('the portfolio alerts job', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when SMB’s GRR falls below target on $name, then one alert and one CS lead task follow it until it recovers, however often and wherever the job runs',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 4, seed: 13 });
      const handle = await target.open();
      try {
        const { largestSmb } = await seedPortal(handle.db, sandbox, '501');
        let clock = new Date('2026-10-05T09:23:00.000Z');
        let rows: RetentionRowWire[] = [];
        const asked: unknown[] = [];
        const sources: AlertSources = {
          retention: (_db, portalId, query) => {
            asked.push(query);
            const report: RetentionReportWire = { portalId, period: 'quarter', from: '', to: '', rows };
            return Promise.resolve(report);
          },
        };
        const instance = (id: string) => ({ ...taskDeps(handle.db, sandbox, id), now: () => clock, sources });
        const portalId = sandbox.portalId;

        // Q3 kept 84 % (< 90 %); Q4 has just begun. Two instances run the same hour side by side.
        rows = [
          smbQuarter('2026-04-01', 0.95),
          smbQuarter('2026-07-01', 0.84),
          smbQuarter('2026-10-01', 1, false),
        ];
        await Promise.all([
          runReportAlerts(instance('a'), portalId),
          runReportAlerts(instance('b'), portalId),
        ]);
        await runReportAlerts(instance('a'), portalId);
        expect(asked[0]).toEqual({ period: 'quarter', from: '2026-01-01', to: '2026-10-05' });

        let alerts = await listPortfolioAlerts(handle.db, portalId, clock);
        expect(alerts.open).toEqual([
          expect.objectContaining({
            segment: 'SMB',
            metric: 'grr',
            kind: 'below_target',
            periodStart: '2026-07-01',
            value: 0.84,
            reference: 0.9,
            closedAt: null,
            task: 'created',
          }),
        ]);
        const tasks = alertTasks(sandbox);
        expect(tasks).toHaveLength(1);
        expect(tasks[0]?.properties).toMatchObject({
          hubspot_owner_id: '501',
          hs_task_subject: 'Harbor alert: GRR of SMB off target: 84.0 % against a target of 90.0 % (2026-Q3)',
          hs_task_priority: 'HIGH',
        });
        // On SMB's largest account (90,000 against 12,000), since a HubSpot task hangs off a record.
        const associations = sandbox.sandbox.world.defaultPortal.associations;
        expect(associations.ids('tasks', tasks[0]?.id ?? '', 'companies')).toEqual([largestSmb]);

        // Q4 ends at 86 %: still below target, the same breach — followed, not raised again.
        clock = new Date('2027-01-04T09:23:00.000Z');
        rows = [
          smbQuarter('2026-07-01', 0.84),
          smbQuarter('2026-10-01', 0.86),
          smbQuarter('2027-01-01', 1, false),
        ];
        await runReportAlerts(instance('b'), portalId);
        alerts = await listPortfolioAlerts(handle.db, portalId, clock);
        expect(alerts.open).toEqual([
          expect.objectContaining({ periodStart: '2026-07-01', lastPeriodStart: '2026-10-01', value: 0.86 }),
        ]);
        expect(alertTasks(sandbox)).toHaveLength(1);

        // Q1 2027 ends at 93 %: recovered, so the alert is cleared with the day Harbor saw it.
        clock = new Date('2027-04-02T09:23:00.000Z');
        rows = [
          smbQuarter('2026-10-01', 0.86),
          smbQuarter('2027-01-01', 0.93),
          smbQuarter('2027-04-01', 1, false),
        ];
        const outcome = await runReportAlerts(instance('a'), portalId);
        expect(outcome).toMatchObject({ raised: 0, closed: 1 });
        alerts = await listPortfolioAlerts(handle.db, portalId, clock);
        expect(alerts.open).toEqual([]);
        expect(alerts.openTotal).toBe(0);
        expect(alerts.cleared).toEqual([
          expect.objectContaining({ metric: 'grr', closedAt: '2027-04-02T09:23:00.000Z' }),
        ]);

        // A new fall later is a new breach: a new alert and a new task.
        clock = new Date('2027-07-03T09:23:00.000Z');
        rows = [
          smbQuarter('2027-01-01', 0.93),
          smbQuarter('2027-04-01', 0.8),
          smbQuarter('2027-07-01', 1, false),
        ];
        await runReportAlerts(instance('a'), portalId);
        alerts = await listPortfolioAlerts(handle.db, portalId, clock);
        expect(alerts.open.map((alert) => alert.periodStart)).toEqual(['2027-04-01']);
        expect(alertTasks(sandbox)).toHaveLength(2);

        // The target is removed (the alert closes, nothing measures it) and set again: the same breach's
        // alert reopens — still one alert and one task for it.
        const reportsWith = (targets: { segment: string; metric: 'grr'; target: number }[]) =>
          saveSettingsVersion(
            handle.db,
            portalId,
            {
              reports: { ...defaultReportSettings, targets },
              signals: {
                ...defaultSignalSettings,
                routing: { ...defaultSignalSettings.routing, escalationOwnerId: '501' },
              },
            },
            'test',
          );
        await reportsWith([]);
        expect(await runReportAlerts(instance('a'), portalId)).toMatchObject({ closed: 1 });
        await reportsWith([{ segment: 'SMB', metric: 'grr', target: 0.9 }]);
        await runReportAlerts(instance('b'), portalId);
        alerts = await listPortfolioAlerts(handle.db, portalId, clock);
        expect(alerts.open.map((alert) => [alert.periodStart, alert.closedAt])).toEqual([
          ['2027-04-01', null],
        ]);
        expect(await handle.db.selectFrom('report_alerts').select('id').execute()).toHaveLength(2);
        expect(alertTasks(sandbox)).toHaveLength(2);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when no CS lead is set on $name, then the NPS alert is shown as not routed and no task is made',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 4, seed: 17 });
      const handle = await target.open();
      try {
        await seedPortal(handle.db, sandbox, null);
        const clock = new Date('2026-10-05T09:23:00.000Z');
        // Q3: 20 answers, NPS −10 (below the default 0), detractors 35 % after 20 % in Q2 (+15 pp ≥ 10 pp).
        const npsRow = (periodStart: string, score: number, detractors: number): NpsRowWire =>
          ({
            segment: 'all',
            periodStart,
            complete: true,
            nps: { n: 20, score, detractors: { share: detractors } },
          }) as unknown as NpsRowWire;
        const sources: AlertSources = {
          retention: () => Promise.reject(new Error('no retention figures in this test')),
          nps: (_db, portalId) =>
            Promise.resolve({
              portalId,
              rows: [npsRow('2026-04-01', 20, 0.2), npsRow('2026-07-01', -10, 0.35)],
            } as never),
        };
        const outcome = await runReportAlerts(
          { ...taskDeps(handle.db, sandbox, 'a'), now: () => clock, sources },
          sandbox.portalId,
        );
        expect(outcome).toMatchObject({ raised: 2, tasksCreated: 0, unread: ['retention'] });
        const alerts = await listPortfolioAlerts(handle.db, sandbox.portalId, clock);
        expect(alerts.open.map((alert) => [alert.kind, alert.task]).sort()).toEqual([
          ['detractor_rise', 'not_routed'],
          ['nps_below', 'not_routed'],
        ]);
        expect(alertTasks(sandbox)).toEqual([]);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );
});
