import { homeViewWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { closeAlert, raiseAlert } from '../../store/repositories/report-alerts-repository.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_500_001;
const otherPortal = 9_500_002;
let requestCount = 0;

function home(app: Express, portalId: number) {
  const path = `/api/views/home?portalId=${portalId}&userId=7001`;
  const timestamp = String(now.getTime() + requestCount++);
  return request(app)
    .get(path)
    .set({
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': computeSignatureV3({
        clientSecret: testClientSecret,
        method: 'GET',
        uri: `${testPublicBaseUrl}${path}`,
        rawBody: '',
        timestamp,
      }),
    });
}

describe.each(testDatabaseTargets())('the portfolio alerts on the home view on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    const breach = { segment: 'SMB', metric: 'grr', periodStart: '2026-07-01', state: 'breach' } as const;
    await raiseAlert(
      handle.db,
      portal,
      'quarter',
      { ...breach, kind: 'below_target', value: 0.84, reference: 0.9 },
      now,
    );
    await raiseAlert(
      handle.db,
      portal,
      'quarter',
      { ...breach, kind: 'worsening', value: 0.84, reference: 0.88 },
      now,
    );
    // Cleared 10 days ago: listed as cleared. Cleared 40 days ago: gone from the page.
    await raiseAlert(
      handle.db,
      portal,
      'quarter',
      { ...breach, metric: 'nrr', kind: 'below_target', value: 0.95, reference: 1 },
      new Date('2026-09-01T00:00:00.000Z'),
    );
    await raiseAlert(
      handle.db,
      portal,
      'quarter',
      { ...breach, metric: 'logoChurn', kind: 'below_target', value: 0.05, reference: 0.03 },
      new Date('2026-09-01T00:00:00.000Z'),
    );
    const rows = await handle.db.selectFrom('report_alerts').select(['id', 'metric']).execute();
    const idOf = (metric: string) => rows.find((row) => row.metric === metric)?.id ?? 0;
    await closeAlert(handle.db, portal, idOf('nrr'), 'recovered', new Date('2026-11-14T12:00:00.000Z'));
    await closeAlert(handle.db, portal, idOf('logoChurn'), 'recovered', new Date('2026-10-15T12:00:00.000Z'));
    app = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a portal has open and lately cleared alerts, then its home view lists them, and another portal sees none of them', async () => {
    const view = homeViewWire.parse((await home(app, portal).expect(200)).body);
    expect(view.portfolioAlerts.openTotal).toBe(2);
    expect(view.portfolioAlerts.open.map((alert) => [alert.metric, alert.kind, alert.task]).sort()).toEqual([
      ['grr', 'below_target', 'waiting'],
      ['grr', 'worsening', 'waiting'],
    ]);
    expect(view.portfolioAlerts.cleared).toEqual([
      expect.objectContaining({ metric: 'nrr', closedAt: '2026-11-14T12:00:00.000Z' }),
    ]);

    const other = homeViewWire.parse((await home(app, otherPortal).expect(200)).body);
    expect(other.portfolioAlerts).toEqual({ open: [], openTotal: 0, cleared: [] });
  });
});
