import { cohortReportWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, signedHubSpotHeaders } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { seedRetentionStore } from '../retention/testing/seed-retention-store.ts';
import { cohortBookCompanies, cohortBookDeals, cohortBookStages } from './cohort-book.fixture.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_600_001;
const otherPortal = 9_600_002;

describe.each(testDatabaseTargets())('GET /api/reports/cohorts on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  const get = async (portalId: number, query: string) => {
    const path = `/api/reports/cohorts?portalId=${String(portalId)}&userId=7001${query}`;
    return request(app).get(path).set(signedHubSpotHeaders('GET', path));
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    await seedRetentionStore(
      handle.db,
      portal,
      { companies: cohortBookCompanies, deals: cohortBookDeals, stages: cohortBookStages },
      now,
    );
    app = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the Cohorts page asks without a window, then it gets the last 12 start quarters censored at today', async () => {
    const response = await get(portal, '&period=quarter');
    expect(response.status).toBe(200);
    const body = cohortReportWire.parse(response.body);
    // 12 quarters ending with 2026-Q4 start on 2024-01-01, so C5 (2024-12-15) is in: a 2024-Q4 cohort.
    expect(body).toMatchObject({
      portalId: portal,
      from: '2024-01-01',
      to: '2026-12-31',
      asOf: '2026-11-24',
    });
    expect(body.cohorts.map((cohort) => [cohort.cohort, cohort.customers])).toEqual([
      ['2024-Q4', 1],
      ['2025-Q1', 3],
      ['2025-Q2', 2],
      ['all', 6],
    ]);
    // C1 started 2025-01-01 and is observed to 2026-11-24: 22 months and 23 days, age 7 is the last whole one.
    expect(body.cohorts[1]?.ages.at(-1)?.age).toBe(7);
  });

  it('when another portal asks, then it sees none of this portal’s customers', async () => {
    const body = cohortReportWire.parse((await get(otherPortal, '')).body);
    expect(body.cohorts).toEqual([]);
  });

  it('when the period or the window is not valid, then the answer is 400 and says which parameter', async () => {
    const week = await get(portal, '&period=week');
    expect(week.status).toBe(400);
    expect(JSON.stringify(week.body)).toContain('period');
    const backwards = await get(portal, '&from=2025-06-30&to=2025-04-01');
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('from');
  });

  it('when the request is not signed by HubSpot, then it is refused', async () => {
    const response = await request(app).get(`/api/reports/cohorts?portalId=${String(portal)}&userId=7001`);
    expect(response.status).toBe(401);
  });
});
