import { openSignalsWire, planSummaryWire, weeklyReviewWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { Tier } from '../health/model/health-model-schema.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import { createSignalService } from '../signals/signal-service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database-schema.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { saveHealthScores } from '../store/repositories/health-scores-repository.ts';
import { upsertOwners } from '../store/repositories/owners-repository.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_300_001;
const otherPortal = 9_300_002;
let requestCount = 0;

function signedHeaders(method: string, path: string, body = '') {
  const timestamp = String(now.getTime() + requestCount++);
  return {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': timestamp,
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: testClientSecret,
      method,
      uri: `${testPublicBaseUrl}${path}`,
      rawBody: body,
      timestamp,
    }),
  };
}

async function seedCompanies(
  db: Kysely<Database>,
  portalId: number,
  companies: readonly { id: string; name: string; tier: Tier }[],
): Promise<void> {
  const since = new Date('2026-11-01T00:00:00.000Z');
  await upsertCrmObjects(
    db,
    portalId,
    'companies',
    companies.map((company) => ({
      id: company.id,
      properties: { name: company.name, hubspot_owner_id: '77' },
      archived: false,
      modifiedAt: since,
    })),
    since,
  );
  await saveHealthScores(
    db,
    portalId,
    companies.map((company) => ({
      companyId: company.id,
      modelVersion: 1,
      segment: 'SMB',
      score: company.tier === 'at_risk' ? 25 : 80,
      tier: company.tier,
      tierSince: since,
      pendingTier: null,
      confidence: 90,
      churnProbability: 0.2,
      components: [],
      topDriver: null,
      changes: [],
      trend: { d7: null, d30: null, d90: null },
      computedAt: since,
    })),
  );
}

describe.each(testDatabaseTargets())('review routes on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  const get = (path: string) => request(app).get(path).set(signedHeaders('GET', path));
  const review = (portalId: number, companyId: string, body: object, userId = '7001') => {
    const path = `/api/plans/${companyId}/review?portalId=${portalId}&userId=${userId}`;
    const raw = JSON.stringify(body);
    return request(app)
      .post(path)
      .set(signedHeaders('POST', path, raw))
      .send(raw);
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    for (const portalId of [portal, otherPortal]) {
      await upsertOwners(
        handle.db,
        portalId,
        [{ id: '77', email: null, firstName: 'Ana', lastName: 'Lima', userId: '7001', archived: false }],
        now,
      );
    }
    // Acme is at risk by its score; Beta is healthy with a late payment; Gamma needs no plan.
    await seedCompanies(handle.db, portal, [
      { id: '11', name: 'Acme', tier: 'at_risk' },
      { id: '12', name: 'Beta', tier: 'healthy' },
      { id: '13', name: 'Gamma', tier: 'healthy' },
    ]);
    await seedCompanies(handle.db, otherPortal, [{ id: '21', name: 'Elsewhere Inc', tier: 'at_risk' }]);
    const signals = createSignalService({
      db: handle.db,
      logger: createCapturingLogger().logger,
      now: () => now,
      fire: (_portal, ids) =>
        Promise.resolve(
          ids.map((companyId) => ({
            companyId,
            ownerId: '77',
            firings:
              companyId === '12'
                ? [
                    {
                      type: 'late_payment' as const,
                      severity: 'high' as const,
                      evidence: [{ key: 'days_past_due', value: 40 }],
                    },
                  ]
                : [],
          })),
        ),
      dueDays: () => Promise.resolve({ low: 20, medium: 10, high: 5, critical: 2 }),
    });
    await signals.evaluate(portal, ['11', '12', '13']);
    app = buildTestApp(handle, { signals }).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the review page asks, then the owner’s at-risk plans are listed with the stale one flagged, and nothing of another portal', async () => {
    const body = weeklyReviewWire.parse(
      (await get(`/api/review?portalId=${portal}&userId=7001`).expect(200)).body,
    );
    expect(body.owners).toHaveLength(1);
    const [owner] = body.owners;
    expect(owner?.ownerName).toBe('Ana Lima');
    expect(owner?.atRisk.map((plan) => [plan.companyName, plan.stale])).toEqual([
      // At risk since Nov 1 and never touched: stale. Beta's signal opened today: not yet.
      ['Acme', true],
      ['Beta', false],
    ]);
    expect(owner?.atRisk[1]?.signals.map((signal) => signal.type)).toEqual(['late_payment']);
    expect(owner?.stalePlans).toBe(1);
    expect(JSON.stringify(body)).not.toContain('Elsewhere');
  });

  it('when the owner marks the plan reviewed, then it is current and the review names them', async () => {
    const response = await review(portal, '11', { note: 'Sponsor call booked' }).expect(200);
    expect(planSummaryWire.parse(response.body)).toMatchObject({
      kind: 'at_risk',
      lastReviewedAt: now.toISOString(),
      lastUpdatedAt: now.toISOString(),
      stale: false,
    });
    const rows = await handle.db
      .selectFrom('plan_reviews')
      .selectAll()
      .where('portal_id', '=', portal)
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        company_id: '11',
        reviewed_by: 'hubspot-user:7001',
        note: 'Sponsor call booked',
      }),
    ]);
  });

  it('when an account needs no plan, or belongs to another portal, then its review is 404 and nothing is written', async () => {
    const before = await handle.db.selectFrom('plan_reviews').selectAll().execute();
    const none = await review(portal, '13', {}).expect(404);
    expect(none.body.error.code).toBe('NOT_FOUND');
    // Company 21 is at risk, but in the other portal: asked in this one, it does not exist.
    await review(portal, '21', {}).expect(404);
    expect(await handle.db.selectFrom('plan_reviews').selectAll().execute()).toEqual(before);
  });

  it('when someone who is not a user of the portal marks a review, then it is refused', async () => {
    const response = await review(portal, '12', {}, '9999');
    expect(response.status).toBe(403);
  });

  it('when the open signals page asks, then each active signal comes with its company and owner names', async () => {
    const body = openSignalsWire.parse(
      (await get(`/api/review/signals?portalId=${portal}&userId=7001`).expect(200)).body,
    );
    expect(body.total).toBe(1);
    expect(body.rows.map((row) => [row.companyName, row.ownerName, row.signal.type])).toEqual([
      ['Beta', 'Ana Lima', 'late_payment'],
    ]);
    const elsewhere = openSignalsWire.parse(
      (await get(`/api/review/signals?portalId=${otherPortal}&userId=7001`).expect(200)).body,
    );
    expect(elsewhere.rows).toEqual([]);
  });
});
