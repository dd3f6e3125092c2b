import { homeAtRiskMaxLimit, homeListCap } from '@harbor/wire';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { saveHealthScores } from '../../store/repositories/health-scores-repository.ts';
import { upsertSnapshots } from '../../store/repositories/health-snapshots-repository.ts';
import { upsertOwners } from '../../store/repositories/owners-repository.ts';

const now = new Date('2026-11-24T12:00:00.000Z');
const portalId = 9_100_003;
const companies = 120;
const huge = (seed: number) => `${String(seed)} ${'W'.repeat(70_000)}`;
const companyId = (index: number) => String(10_000_000_000_000_000_000n + BigInt(index));

describe.each(testDatabaseTargets())('the largest home view on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portalId]);
    await upsertOwners(
      handle.db,
      portalId,
      [{ id: '1', email: huge(1), firstName: huge(2), lastName: huge(3), userId: '7001', archived: false }],
      now,
    );
    const ids = Array.from({ length: companies }, (_unused, index) => companyId(index));
    await upsertCrmObjects(
      handle.db,
      portalId,
      'companies',
      ids.map((id, index) => ({
        id,
        properties: {
          name: huge(index),
          contract_value: `${'9'.repeat(20)}.${'9'.repeat(20)}`,
          renewal_date: '2026-12-01',
          hubspot_owner_id: '1',
        },
        archived: false,
        modifiedAt: now,
      })),
      now,
    );
    await saveHealthScores(
      handle.db,
      portalId,
      ids.map((id, index) => ({
        companyId: id,
        modelVersion: 1,
        segment: `SEGMENT_${String(index % 60).padStart(2, '0')}_${'S'.repeat(60)}`,
        score: 12.345678,
        tier: 'at_risk' as const,
        tierSince: new Date('2026-11-23T00:00:00Z'),
        pendingTier: null,
        confidence: 80,
        churnProbability: 0.5,
        components: [],
        topDriver: {
          indicator: 'custom_'.padEnd(40, 'x'),
          component: 'custom' as const,
          label: 'L'.repeat(80),
          value: huge(index),
          pointsLost: 99.123456,
        },
        changes: [],
        trend: { d7: null, d30: null, d90: null },
        computedAt: now,
      })),
    );
    await upsertSnapshots(
      handle.db,
      portalId,
      new Date('2026-11-22T00:00:00Z'),
      ids.map((id) => ({
        companyId: id,
        score: 50,
        tier: 'watch',
        confidence: 80,
        components: {},
        modelVersion: 1,
      })),
    );
  }, 60_000);
  afterAll(async () => {
    await handle.close();
  });

  it('when every list is full and every text at its longest, then the answer is capped per list and far below 1 MB', async () => {
    const path = `/api/views/home?portalId=${portalId}&limit=${homeAtRiskMaxLimit}`;
    const timestamp = String(now.getTime());
    const { app } = buildTestApp(handle, { now: () => now });

    const response = await request(app)
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
      })
      .expect(200);

    expect(response.body.atRisk.companies).toHaveLength(homeAtRiskMaxLimit);
    expect(response.body.atRisk.total).toBe(companies);
    expect(response.body.tiersBySegment).toHaveLength(homeListCap);
    expect(response.body.tierChanges).toMatchObject({ total: companies });
    expect(response.body.tierChanges.companies).toHaveLength(homeListCap);
    expect(response.body.renewals).toMatchObject({ total: companies });
    expect(response.body.renewals.companies).toHaveLength(homeListCap);
    expect(Buffer.byteLength(response.text)).toBeLessThan(150_000);
  });
});
