import { cohortReportWire } from '@harbor/wire';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { reportBuilders } from '../report-registry.ts';
import { seedRetentionStore } from '../retention/testing/seed-retention-store.ts';
import { buildCohortReport } from './build-cohort-report.ts';
import {
  cohortBookCompanies,
  cohortBookDeals,
  cohortBookNow,
  cohortBookStages,
} from './cohort-book.fixture.ts';

const portal = 7_800_001;
const otherPortal = 7_800_002;
const logger = pino({ level: 'silent' });
const book = { companies: cohortBookCompanies, deals: cohortBookDeals, stages: cohortBookStages };
const window = { period: 'quarter', from: '2025-01-01', to: '2025-06-30' } as const;

/** [age, at risk, churned, censored, logo S, revenue S] per age. */
const table = (
  ages: readonly {
    age: number;
    atRisk: number;
    events: number;
    censored: number;
    logoSurvival: number;
    revenueSurvival: number;
  }[],
) =>
  ages.map((row) => [row.age, row.atRisk, row.events, row.censored, row.logoSurvival, row.revenueSurvival]);

describe.each(testDatabaseTargets())('the cohort report read from the store on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
    await seedRetentionStore(handle.db, portal, book, cohortBookNow);
    // Another portal with the same ids, every customer churned at once: none of it may leak here.
    await seedRetentionStore(
      handle.db,
      otherPortal,
      {
        ...book,
        deals: cohortBookDeals.map((row) => ({
          ...row,
          amount: '1',
          close_date: '2025-01-02T00:00:00.000Z',
        })),
      },
      cohortBookNow,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when customers started in two quarters, then each quarter is a cohort with its hand-worked survival, then all together', async () => {
    const report = await buildCohortReport(handle.db, logger, portal, window, cohortBookNow);
    expect(cohortReportWire.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      portalId: portal,
      period: 'quarter',
      segment: 'all',
      from: '2025-01-01',
      to: '2025-06-30',
      asOf: '2026-07-01',
      ageUnit: 'quarter',
    });
    expect(report.cohorts.map((cohort) => cohort.cohort)).toEqual(['2025-Q1', '2025-Q2', 'all']);
    const [q1, q2, all] = report.cohorts;

    // 2025-Q1 = C1 (censored at 18 months = age 6, 10,000), C2 (churn at 4.0, 20,000), C7 (first life: churn
    // at 2.0, 6,000; its return in 2026 is not a new start). C5 started 2024-12-15: not in the window.
    // age 2: n = 3, C7 churns → S = 2/3; revenue 1 − 6/36 = 0.833333
    // age 4: n = 2, C2 churns → S = 1/3; revenue 0.833333 · (1 − 20/30) = 0.277778
    expect(q1).toMatchObject({ customers: 3, active: 1, startingRevenue: 36_000 });
    expect(q1?.medianLifetimeQuarters).toBe(4);
    expect(q1?.revenueMedianLifetimeQuarters).toBe(4);
    expect(table(q1?.ages ?? [])).toEqual([
      [0, 3, 0, 0, 1, 1],
      [1, 3, 0, 0, 1, 1],
      [2, 3, 1, 0, 0.666667, 0.833333],
      [3, 2, 0, 0, 0.666667, 0.833333],
      [4, 2, 1, 0, 0.333333, 0.277778],
      [5, 1, 0, 0, 0.333333, 0.277778],
      [6, 1, 0, 1, 0.333333, 0.277778],
    ]);

    // 2025-Q2 = C3 (censored at 15 months = age 5, 100,000), C4 (churn at 2.0, 4,000):
    // age 2: n = 2 → S = 0.5 (median 2); revenue 1 − 4/104 = 0.961538 (median not reached).
    expect(q2).toMatchObject({ customers: 2, active: 1, startingRevenue: 104_000 });
    expect(q2?.medianLifetimeQuarters).toBe(2);
    expect(q2?.revenueMedianLifetimeQuarters).toBeNull();
    expect(table(q2?.ages ?? []).at(-1)).toEqual([5, 1, 0, 1, 0.5, 0.961538]);

    // All five by age: C7, C4 churn at 2.0 (n = 5 → 3/5 = 0.6; revenue 1 − 10/140 = 0.928571); C2 at 4.0
    // (n = 3 → 0.6 · 2/3 = 0.4; revenue 0.928571 · 110/130 = 0.785714); C3 censored at 5, C1 at 6.
    expect(all).toMatchObject({
      customers: 5,
      active: 2,
      startingRevenue: 140_000,
      startsFrom: '2025-01-01',
    });
    expect(table(all?.ages ?? [])).toEqual([
      [0, 5, 0, 0, 1, 1],
      [1, 5, 0, 0, 1, 1],
      [2, 5, 2, 0, 0.6, 0.928571],
      [3, 3, 0, 0, 0.6, 0.928571],
      [4, 3, 1, 0, 0.4, 0.785714],
      [5, 2, 0, 1, 0.4, 0.785714],
      [6, 1, 0, 1, 0.4, 0.785714],
    ]);
    expect(all?.medianLifetimeQuarters).toBe(4);
    expect(all?.revenueMedianLifetimeQuarters).toBeNull();
  });

  it('when a segment and an owner are asked for, then only their customers are in the cohorts', async () => {
    const smb = await buildCohortReport(
      handle.db,
      logger,
      portal,
      { ...window, segment: 'SMB' },
      cohortBookNow,
    );
    expect(smb.segment).toBe('SMB');
    expect(smb.cohorts.map((cohort) => [cohort.cohort, cohort.customers])).toEqual([
      ['2025-Q1', 3],
      ['2025-Q2', 1],
      ['all', 4],
    ]);
    const owner = await buildCohortReport(
      handle.db,
      logger,
      portal,
      { ...window, ownerId: '102' },
      cohortBookNow,
    );
    expect(owner.cohorts.map((cohort) => [cohort.cohort, cohort.customers])).toEqual([
      ['2025-Q2', 2],
      ['all', 2],
    ]);
  });

  it('when cohorts are asked by year, then one cohort holds every 2025 start', async () => {
    const report = await buildCohortReport(
      handle.db,
      logger,
      portal,
      { period: 'year', from: '2025-01-01', to: '2025-12-31' },
      cohortBookNow,
    );
    expect(report.cohorts.map((cohort) => [cohort.cohort, cohort.customers, cohort.startsTo])).toEqual([
      ['2025', 5, '2025-12-31'],
      ['all', 5, '2025-12-31'],
    ]);
  });

  it('when another portal asks, then it sees only its own customers', async () => {
    const report = await buildCohortReport(handle.db, logger, otherPortal, window, cohortBookNow);
    // Every one of its deals closed on 2025-01-02 at 1 each. At one instant new business applies first, then
    // renewals, then upsells: C2 and C4 start and are lost at once (never customers), C7's two new-business
    // deals are then lost too; C1 (1 + 1 upsell), C3 and C5 stay: three Q1 starts, 4 in all, all active.
    expect(
      report.cohorts.map((cohort) => [
        cohort.cohort,
        cohort.customers,
        cohort.active,
        cohort.startingRevenue,
      ]),
    ).toEqual([
      ['2025-Q1', 3, 3, 4],
      ['all', 3, 3, 4],
    ]);
  });

  it('when printed by `harbor report cohorts`, then json is the report, csv has a line per cohort and age, and the table reads', async () => {
    const build = reportBuilders.cohorts;
    const rendered = await build({ db: handle.db, logger, portalId: portal, now: cohortBookNow }, window);
    expect(cohortReportWire.parse(rendered.json).cohorts).toHaveLength(3);
    const csv = rendered.csv.trimEnd().split('\n');
    expect(csv[0]).toBe(
      'cohort,startsFrom,startsTo,customers,active,startingRevenue,medianLifetimeQuarters,revenueMedianLifetimeQuarters,age,atRisk,events,censored,logoSurvival,revenueAtRisk,revenueLost,revenueSurvival',
    );
    // 7 + 6 + 7 ages; a median not reached is an empty cell.
    expect(csv).toHaveLength(1 + 7 + 6 + 7);
    expect(csv[3]).toBe('2025-Q1,2025-01-01,2025-03-31,3,1,36000,4,4,2,3,1,0,0.666667,36000,6000,0.833333');
    expect(csv[8 + 5]).toBe('2025-Q2,2025-04-01,2025-06-30,2,1,104000,2,,5,1,0,1,0.5,100000,0,0.961538');
    expect(rendered.table).toContain(
      '2025-Q1: 3 customers (1 still active), median lifetime 4 quarters (logos)',
    );
    expect(rendered.table).toContain(
      '2025-Q2: 2 customers (1 still active), median lifetime 2 quarters (logos), not reached (revenue)',
    );
    expect(rendered.md).toContain('| 2025-Q1 | 3 | 2 | 3 | 1 | 0 | 66.7 % | 36000 | 6000 | 83.3 % |');
  });
});
