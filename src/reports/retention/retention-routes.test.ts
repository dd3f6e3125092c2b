import { retentionReportWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, signedHubSpotHeaders } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { bookCompanies, bookDeals, bookStages } from './retention-book.fixture.ts';
import { seedRetentionStore } from './testing/seed-retention-store.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_500_001;
const otherPortal = 9_500_002;

describe.each(testDatabaseTargets())('GET /api/reports/retention on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  const get = async (portalId: number, query: string) => {
    const path = `/api/reports/retention?portalId=${String(portalId)}&userId=7001${query}`;
    return request(app).get(path).set(signedHubSpotHeaders('GET', path));
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    await seedRetentionStore(
      handle.db,
      portal,
      { companies: bookCompanies, deals: bookDeals, stages: bookStages },
      now,
    );
    app = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the Retention page asks for Q2 2025 by quarter, then it gets the hand-worked figures as fractions', async () => {
    const response = await get(portal, '&period=quarter&from=2025-04-01&to=2025-06-30');
    expect(response.status).toBe(200);
    const body = retentionReportWire.parse(response.body);
    expect(body).toMatchObject({ portalId: portal, period: 'quarter', from: '2025-04-01', to: '2025-06-30' });
    // Worked in retention-report.test.ts: all 8 customers, GRR 0.653333, NRR 0.72, logo churn 1/8.
    expect(
      body.rows.map((row) => [row.segment, row.customersStart, row.grr, row.nrr, row.logoChurn]),
    ).toEqual([
      ['all', 8, 0.653333, 0.72, 0.125],
      ['ENTERPRISE', 2, 0.5, 0.55, 0.5],
      ['SMB', 6, 0.96, 1.06, 0],
    ]);
  });

  it('when an owner and a segment are asked for, then only that book comes back, without "all"', async () => {
    const body = retentionReportWire.parse(
      (await get(portal, '&from=2025-04-01&to=2025-06-30&segment=SMB&ownerId=101')).body,
    );
    // Owner 101's SMB customers at 2025-04-01: C1–C5 (C10 is owner 102's), 50,000 − 9,600 = 40,400.
    expect(body.rows.map((row) => [row.segment, row.customersStart, row.startingRevenue])).toEqual([
      ['SMB', 5, 40_400],
    ]);
  });

  it('when another portal asks, then it sees none of this portal’s customers', async () => {
    const body = retentionReportWire.parse((await get(otherPortal, '&from=2025-04-01&to=2025-06-30')).body);
    expect(body.rows).toEqual([expect.objectContaining({ segment: 'all', customersStart: 0, grr: null })]);
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
    const response = await request(app).get(`/api/reports/retention?portalId=${String(portal)}&userId=7001`);
    expect(response.status).toBe(401);
  });
});
