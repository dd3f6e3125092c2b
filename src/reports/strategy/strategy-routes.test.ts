import {
  defaultAutomationSettings,
  defaultReportSettings,
  retentionStrategyWire,
  type RetentionStrategyWire,
} from '@harbor/wire';
import type { Express } from 'express';
import type { Kysely } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { buildTestApp, signedHubSpotHeaders } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { Database } from '../../store/database-schema.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { saveHealthScores } from '../../store/repositories/health-scores-repository.ts';
import { saveSettingsVersion } from '../../store/repositories/settings-repository.ts';
import { reportBuilders } from '../report-registry.ts';

/** buildTestApp's clock: the last complete quarter is Q3 2026, the trend runs Q4 2025 – Q3 2026. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_400_001;
const otherPortal = 9_400_002;

interface Customer {
  id: string;
  segment: string;
  contractValue: number;
  customerSince: string;
  ownerId: string;
}

/** Customers known by their contract value alone (no deals): the retention report's fallback revenue. */
async function seedCustomers(db: Kysely<Database>, portalId: number, customers: readonly Customer[]) {
  const since = new Date('2026-11-01T00:00:00.000Z');
  await upsertCrmObjects(
    db,
    portalId,
    'companies',
    customers.map((customer) => ({
      id: customer.id,
      properties: {
        name: `Company ${customer.id}`,
        hubspot_owner_id: customer.ownerId,
        contract_value: String(customer.contractValue),
        createdate: customer.customerSince,
        hs_lifecyclestage_customer_date: customer.customerSince,
      },
      archived: false,
      modifiedAt: since,
    })),
    since,
  );
  await saveHealthScores(
    db,
    portalId,
    customers.map((customer) => ({
      companyId: customer.id,
      modelVersion: 1,
      segment: customer.segment,
      score: 80,
      tier: 'healthy' as const,
      tierSince: since,
      pendingTier: null,
      confidence: 90,
      churnProbability: 0.1,
      components: [],
      topDriver: null,
      changes: [],
      trend: { d7: null, d30: null, d90: null },
      computedAt: since,
    })),
  );
}

const longAgo = '2024-01-15T00:00:00.000Z';

describe.each(testDatabaseTargets())('the retention strategy route on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  const get = async (query: string) => {
    const path = `/api/reports/strategy?portalId=${String(portal)}&userId=7001${query}`;
    return request(app).get(path).set(signedHubSpotHeaders('GET', path));
  };
  const strategy = async (query = ''): Promise<RetentionStrategyWire> =>
    retentionStrategyWire.parse((await get(query)).body);

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    await seedCustomers(handle.db, portal, [
      { id: '101', segment: 'SMB', contractValue: 10_000, customerSince: longAgo, ownerId: '77' },
      { id: '102', segment: 'SMB', contractValue: 10_000, customerSince: longAgo, ownerId: '77' },
      { id: '103', segment: 'SMB', contractValue: 10_000, customerSince: longAgo, ownerId: '77' },
      // Joined in August: a new logo of Q3, so not in Q3's starting cohort.
      {
        id: '104',
        segment: 'SMB',
        contractValue: 10_000,
        customerSince: '2026-08-01T00:00:00.000Z',
        ownerId: '77',
      },
      { id: '201', segment: 'ENTERPRISE', contractValue: 200_000, customerSince: longAgo, ownerId: '78' },
    ]);
    await seedCustomers(handle.db, otherPortal, [
      { id: '901', segment: 'SMB', contractValue: 5_000, customerSince: longAgo, ownerId: '77' },
    ]);
    // The lead set a stricter GRR target for SMB and turned the expansion automation off.
    await saveSettingsVersion(
      handle.db,
      portal,
      {
        reports: {
          ...defaultReportSettings,
          targets: [...defaultReportSettings.targets, { segment: 'SMB', metric: 'grr', target: 0.95 }],
        },
        automations: {
          ...defaultAutomationSettings,
          triggers: {
            ...defaultAutomationSettings.triggers,
            expansion: { enabled: false, action: { kind: 'open_signal' } },
          },
        },
      },
      'test',
    );
    app = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the page asks for the quarterly strategy, then each segment of the model is there with the last complete quarter against its targets', async () => {
    const body = await strategy('&period=quarter');
    expect(body.lastComplete).toEqual({ periodStart: '2026-07-01', periodEnd: '2026-09-30' });
    expect(body.segments.map((segment) => segment.segment)).toEqual([
      'all',
      'ENTERPRISE',
      'MID_MARKET',
      'SMB',
    ]);
    const smb = body.segments.find((segment) => segment.segment === 'SMB')!;
    // Three customers of 10,000 at Q3's start (the August joiner is a new logo, and the other portal's
    // customer is not this portal's); nobody left, so GRR is 100 % against SMB's own 95 %.
    expect(smb.customersStart).toBe(3);
    expect(smb.startingRevenue).toBe(30_000);
    expect(smb.metrics.find((metric) => metric.metric === 'grr')).toMatchObject({
      now: 1,
      target: 0.95,
      targetFrom: 'segment',
      status: 'met',
      trend: 'flat',
    });
    expect(smb.metrics.find((metric) => metric.metric === 'logoChurn')).toMatchObject({
      now: 0,
      target: 0.03,
      targetFrom: 'all',
      status: 'met',
    });
    expect(smb.triggersOff).toEqual([{ trigger: 'expansion', reason: 'automation_off' }]);
    const mid = body.segments.find((segment) => segment.segment === 'MID_MARKET')!;
    expect(mid.customersStart).toBe(0);
    expect(mid.metrics.every((metric) => metric.status === 'no_data')).toBe(true);
    expect(body.segments[0]?.customersStart).toBe(4);
  });

  it('when one owner’s book is asked for, then only that owner’s customers count', async () => {
    const body = await strategy('&ownerId=78');
    expect(body.segments.find((segment) => segment.segment === 'all')?.customersStart).toBe(1);
    expect(body.segments.find((segment) => segment.segment === 'SMB')?.customersStart).toBe(0);
  });

  it('when one segment is asked for, then only it comes back', async () => {
    const body = await strategy('&segment=ENTERPRISE&period=year');
    expect(body.period).toBe('year');
    expect(body.lastComplete).toEqual({ periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    expect(body.segments.map((segment) => [segment.segment, segment.customersStart])).toEqual([
      ['ENTERPRISE', 1],
    ]);
  });

  it('when the period is not one the report knows, then the request is refused', async () => {
    const response = await get('&period=week');
    expect(response.status).toBe(400);
  });

  it('when the lead prints it as Markdown, then each segment has a heading, a metric table and its triggers in words', async () => {
    const report = await reportBuilders.strategy(
      { db: handle.db, logger: createCapturingLogger().logger, portalId: portal, now },
      { period: 'quarter' },
    );
    expect(report.md).toContain('## SMB');
    expect(report.md).toContain('| Gross revenue retention (GRR) | at least 95.0% | 100.0% | met | flat |');
    expect(report.md).toContain('| Logo churn | at most 3.0% (whole book) | 0.0% | met | flat |');
    // No survey answers in this portal: NPS keeps its target and says there is nothing to hold against it.
    expect(report.md).toContain('| NPS | at least 30 (whole book) | - | no answers | too few periods |');
    expect(report.md).toContain(
      '- **Renewal window**: when the renewal date is 60 to 90 days ahead, Harbor starts the Renewal playbook (5 steps).',
    );
    expect(report.md).toContain('- Expansion opportunity: its automation is off.');
    expect(report.json).toEqual(await strategy());
    expect(report.csv.split('\n')[0]).toBe('segment,kind,item,target,now,status,trend,detail');
    expect(report.csv).toContain('SMB,metric,grr,0.95,1,met,flat,');
  });
});
