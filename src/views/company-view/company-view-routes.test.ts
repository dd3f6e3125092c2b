import { companyViewWire, type CompanyViewWire } from '@harbor/wire';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { rescorePortal } from '../../health/scoring/rescore-portal.ts';
import { computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { replaceCompanyAssociations } from '../../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { saveHealthScores } from '../../store/repositories/health-scores-repository.ts';
import { upsertSnapshots } from '../../store/repositories/health-snapshots-repository.ts';
import { upsertOwners } from '../../store/repositories/owners-repository.ts';
import { finishSyncRun, startSyncRun } from '../../store/repositories/sync-runs-repository.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const synced = 9_100_001;
const neverSynced = 9_100_002;
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

let requestCount = 0;
function signedGet(app: Express, path: string) {
  const timestamp = String(now.getTime() + requestCount++);
  return request(app)
    .get(path)
    .set({
      'x-hubspot-signature-v3': computeSignatureV3({
        clientSecret: testClientSecret,
        method: 'GET',
        uri: `${testPublicBaseUrl}${path}`,
        rawBody: '',
        timestamp,
      }),
      'x-hubspot-request-timestamp': timestamp,
    });
}

async function seed(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  await installPortals(db, [synced], { timeZone: 'Europe/Lisbon', companyCurrency: 'EUR' });
  await installPortals(db, [neverSynced]);
  await upsertOwners(
    db,
    synced,
    [
      {
        id: '77',
        email: 'ana@harbor.example',
        firstName: 'Ana',
        lastName: 'Lima',
        userId: '7001',
        archived: false,
      },
    ],
    now,
  );
  const company = (id: string, properties: Record<string, string | null>) => ({
    id,
    properties,
    archived: false,
    modifiedAt: daysAgo(1),
  });
  await upsertCrmObjects(
    db,
    synced,
    'companies',
    [
      company('11', {
        name: 'Acme Corp',
        domain: 'acme.example',
        hubspot_owner_id: '77',
        contract_value: '42000',
        renewal_date: '2027-02-01',
        seats_purchased: '100',
        active_users_30d: '42',
        logins_30d: '300',
        logins_prev_30d: '400',
        features_used: '6',
        last_login_date: daysAgo(2).toISOString(),
        days_past_due: '0',
        notes_last_contacted: daysAgo(20).toISOString(),
      }),
      company('12', { name: 'Newco', contract_value: '5000' }),
      company('13', { name: 'Quiet Ltd' }),
    ],
    now,
  );
  const answer = (id: string, type: string, value: string, days: number, content: string | null = null) => ({
    id,
    properties: {
      hs_survey_type: type,
      hs_value: value,
      hs_content: content,
      hs_submission_timestamp: String(daysAgo(days).getTime()),
    },
    archived: false,
    modifiedAt: daysAgo(days),
  });
  const answers = [
    answer('f1', 'NPS', '10', 10),
    answer('f2', 'NPS', '9', 40, 'Love the new reports'),
    answer('f3', 'NPS', '7', 60),
    answer('f4', 'NPS', '3', 5, 'Onboarding was slow'),
    answer('f5', 'CSAT', '2', 15),
    answer('f6', 'CSAT', '1', 20),
    answer('f7', 'CES', '6', 30),
    // Older than the model's 365-day window: left out of the numbers.
    answer('f8', 'NPS', '0', 400),
  ];
  await upsertCrmObjects(db, synced, 'feedback_submissions', answers, now);
  await replaceCompanyAssociations(
    db,
    synced,
    'feedback_submissions',
    answers.map((entry) => entry.id),
    answers.map((entry) => ({ objectId: entry.id, companyId: '11' })),
    now,
  );
  const run = await startSyncRun(db, synced, 'full', daysAgo(1));
  await finishSyncRun(db, run, { status: 'succeeded', apiCalls: 3, progress: {} }, daysAgo(0.5));

  // Past days' snapshots of company 11; the one 96 days back is outside the view's 90 days.
  for (const [days, score, tier] of [
    [96, 80, 'healthy'],
    [90, 72, 'healthy'],
    [30, 64, 'watch'],
    [7, 60, 'watch'],
  ] as const) {
    await upsertSnapshots(db, synced, daysAgo(days), [
      { companyId: '11', score, tier, confidence: 80, components: { usage: score }, modelVersion: 1 },
    ]);
  }
  const { logger } = createCapturingLogger();
  await rescorePortal({ db, logger, now: () => now, scope: 'full' }, synced);
  // Company 12 joined after that scoring; 13 was scored but nothing about it had data (rescoring's null row).
  await db
    .deleteFrom('health_scores')
    .where('portal_id', '=', synced)
    .where('company_id', '=', '12')
    .execute();
  await saveHealthScores(db, synced, [
    {
      companyId: '13',
      modelVersion: 1,
      segment: 'MID_MARKET',
      score: null,
      tier: null,
      tierSince: null,
      pendingTier: null,
      confidence: 0,
      churnProbability: null,
      components: [
        { id: 'usage', score: null, weight: 0, contribution: 0, potential: 0, indicators: [] },
        { id: 'sentiment', score: null, weight: 0, contribution: 0, potential: 0, indicators: [] },
      ],
      topDriver: null,
      changes: [],
      trend: { d7: null, d30: null, d90: null },
      computedAt: now,
    },
  ]);
}

describe.each(testDatabaseTargets())('company view on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;
  const view = async (portalId: number, companyId: string): Promise<CompanyViewWire> => {
    const response = await signedGet(
      app,
      `/api/views/company/${companyId}?portalId=${portalId}&userId=7001`,
    ).expect(200);
    return companyViewWire.parse(response.body);
  };

  beforeAll(async () => {
    handle = await target.open();
    await seed(handle);
    app = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a CSM opens a scored company, then the view carries its facts, score, model and last sync', async () => {
    const body = await view(synced, '11');
    expect(body.company).toEqual({
      id: '11',
      name: 'Acme Corp',
      domain: 'acme.example',
      owner: { id: '77', name: 'Ana Lima', email: 'ana@harbor.example' },
      segment: 'MID_MARKET',
      contractValue: { amount: 42_000, currency: 'EUR' },
      renewalDate: '2027-02-01',
    });
    expect(body.noScoreReason).toBeNull();
    expect(body.score?.companyId).toBe('11');
    expect(body.score?.score).toEqual(expect.any(Number));
    const usage = body.score?.components.find((component) => component.id === 'usage');
    expect(usage?.indicators.find((indicator) => indicator.id === 'seat_utilisation')?.value).toBe(0.42);
    expect(body.score?.trend.d7).toEqual(expect.any(Number));
    expect(body.model.segment).toBe('MID_MARKET');
    expect(body.model.tiers).toEqual({ healthy: { enter: 70, exit: 65 }, atRisk: { enter: 45, exit: 50 } });
    expect(body.model.minDwellDays).toBe(7);
    const shares = body.model.components.reduce((sum, component) => sum + component.weight, 0);
    expect(shares).toBeCloseTo(1, 3);
    expect(body.lastSyncAt).toBe(daysAgo(0.5).toISOString());
    expect(body.generatedAt).toBe(now.toISOString());
    expect(JSON.stringify(body).length).toBeLessThan(100_000);
  });

  it('when a company has 90 days of snapshots, then the history holds those days oldest first and no older', async () => {
    const body = await view(synced, '11');
    expect(body.history.map((point) => point.day)).toEqual([
      '2026-08-26',
      '2026-10-25',
      '2026-11-17',
      '2026-11-24',
    ]);
    expect(body.history[0]).toEqual({ day: '2026-08-26', score: 72, tier: 'healthy' });
    expect(body.history.at(-1)?.score).toBe(body.score?.score);
  });

  it('when a company has survey answers, then NPS, CSAT, CES and the latest comment are summarised', async () => {
    const { feedback } = await view(synced, '11');
    expect(feedback.windowDays).toBe(365);
    expect(feedback.nps).toEqual({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 });
    expect(feedback.csat).toEqual({ average: 1.5, responses: 2, scaleMin: 0, scaleMax: 2 });
    expect(feedback.ces).toEqual({ average: 6, responses: 1, scaleMin: 1, scaleMax: 7 });
    expect(feedback.latestComment).toEqual({
      kind: 'NPS',
      text: 'Onboarding was slow',
      value: 3,
      submittedAt: daysAgo(5).toISOString(),
    });
  });

  it.each([
    ['the portal never finished a sync', neverSynced, '21', 'not_synced'],
    ['no scoring reached the company yet', synced, '12', 'not_scored'],
    ['no component had data', synced, '13', 'no_data'],
  ] as const)(
    'when %s, then there is no score and the view says why',
    async (_, portalId, companyId, reason) => {
      const body = await view(portalId, companyId);
      expect(body.score).toBeNull();
      expect(body.noScoreReason).toBe(reason);
      expect(body.company.id).toBe(companyId);
    },
  );

  it('when a synced portal has no such company, then the answer is 404 NOT_FOUND (the card says it is not synced yet)', async () => {
    const path = `/api/views/company/404404?portalId=${synced}&userId=7001`;
    const response = await signedGet(app, path).expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('when a scored company had no data at all, then each dropped component says what was missing', async () => {
    const body = await view(synced, '13');
    expect(body.dataGaps).toEqual([
      { component: 'usage', reason: 'no_values' },
      { component: 'sentiment', reason: 'no_answers' },
    ]);
  });

  it('when the company is not in Harbor yet, then its facts are empty rather than the request failing', async () => {
    const body = await view(neverSynced, '21');
    expect(body.company).toMatchObject({ name: null, owner: null, contractValue: null, renewalDate: null });
    expect(body.lastSyncAt).toBeNull();
    expect(body.history).toEqual([]);
    expect(body.feedback.nps.responses).toBe(0);
  });
});
