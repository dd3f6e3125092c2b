import { settingsHistoryPageWire, settingsViewWire, type CalibrationReportWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import type { HealthModel } from '../../health/model/health-model-schema.ts';
import { computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { createCalibrationProposal } from '../../store/repositories/health-calibration-repository.ts';
import { saveHealthModelVersion } from '../../store/repositories/health-models-repository.ts';
import { upsertOwners } from '../../store/repositories/owners-repository.ts';
import type { CompanyPropertyDefinition } from './settings-view.pure.ts';

const appNow = new Date('2026-11-24T12:00:00.000Z');
const portalId = 9100;
const otherPortalId = 9200;
const adminUserId = '7001';
let requestCount = 0;

function signedGet(app: Express, path: string) {
  const timestamp = String(appNow.getTime() + requestCount++);
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

const card = (segment: string, auc: number) => ({
  segment,
  accounts: 120,
  churned: 14,
  unscored: 2,
  auc,
  topDecileLift: 2.4,
  brier: 0.09,
  falseGreenRate: 0.12,
});

function report(overrides: Partial<CalibrationReportWire> = {}): CalibrationReportWire {
  return {
    proposalId: null,
    baseModelVersion: 1,
    leadDays: 90,
    outcomes: 140,
    cases: 400,
    trainCases: 300,
    heldOutCases: 100,
    l2: 1,
    segments: [{ segment: 'SMB', rows: 300, churned: 40, pooled: false }],
    current: { overall: card('all', 0.68), segments: [card('SMB', 0.66)] },
    proposed: { overall: card('all', 0.74), segments: [card('SMB', 0.73)] },
    weights: { SMB: { seat_utilisation: 20, login_trend: 15, nps: 10 } },
    recommendation: { apply: true, reason: 'The proposal ranks churners better on held-out companies.' },
    ...overrides,
  };
}

const copyOf = (model: HealthModel): HealthModel => JSON.parse(JSON.stringify(model)) as HealthModel;

describe.each(testDatabaseTargets())('the settings view on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;
  let appWithoutHubSpot: Express;
  const propertyCalls: number[] = [];

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portalId, otherPortalId]);
    await upsertOwners(
      handle.db,
      portalId,
      [
        {
          id: '501',
          email: 'ana@customer.example',
          firstName: 'Ana',
          lastName: 'Souza',
          userId: adminUserId,
          archived: false,
        },
      ],
      appNow,
    );
    const listing: CompanyPropertyDefinition[] = [
      {
        name: 'plan_tier',
        label: 'Plan tier',
        type: 'enumeration',
        hidden: false,
        options: [
          { label: 'Starter', value: 'starter', hidden: false },
          { label: 'Old plan', value: 'legacy', hidden: true },
        ],
      },
      { name: 'annualrevenue', label: 'Annual revenue', type: 'number', hidden: false, options: [] },
      { name: 'hs_internal', label: 'Internal', type: 'string', hidden: true, options: [] },
    ];
    const deps: Partial<AppDeps> & {
      companyProperties: (id: number) => Promise<CompanyPropertyDefinition[]>;
    } = {
      companyProperties: (id) => {
        propertyCalls.push(id);
        return Promise.resolve(listing);
      },
    };
    app = buildTestApp(handle, deps).app;
    appWithoutHubSpot = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a portal opens settings for the first time, then it sees the default model as version 1 and an empty history', async () => {
    const response = await signedGet(
      app,
      `/api/views/settings?portalId=${otherPortalId}&userId=${adminUserId}`,
    ).expect(200);
    const view = settingsViewWire.parse(response.body);
    expect(view.active).toMatchObject({ version: 1, source: 'default', model: defaultHealthModel });
    expect(view.history.versions).toEqual([
      expect.objectContaining({ version: 1, source: 'default', changes: [], moreChanges: 0 }),
    ]);
    expect(view.proposals).toEqual([]);
    // 7001 is a HubSpot user of portal 9100, not of this one.
    expect(view.canEdit).toBe(false);
  });

  it('when an admin edited the model and calibration proposed one, then the view shows the change, who made it and the report card', async () => {
    await saveHealthModelVersion(handle.db, portalId, defaultHealthModel, {
      source: 'default',
      actor: 'harbor',
    });
    const edited = copyOf(defaultHealthModel);
    const segment = edited.segments[edited.defaultSegment]!;
    segment.tiers.healthy.enter = 72;
    edited.minDwellDays = 10;
    await saveHealthModelVersion(handle.db, portalId, edited, {
      source: 'admin',
      actor: `hubspot-user:${adminUserId}`,
    });
    await createCalibrationProposal(handle.db, portalId, {
      baseModelVersion: 1,
      model: defaultHealthModel,
      report: { recommendation: 'an older report shape' },
      actor: 'harbor',
    });
    await createCalibrationProposal(handle.db, portalId, {
      baseModelVersion: 2,
      model: defaultHealthModel,
      report: { ...report({ baseModelVersion: 2 }) },
      actor: `hubspot-user:${adminUserId}`,
    });

    const response = await signedGet(
      app,
      `/api/views/settings?portalId=${portalId}&userId=${adminUserId}`,
    ).expect(200);
    const view = settingsViewWire.parse(response.body);

    expect(view.active).toMatchObject({ version: 2, source: 'admin', createdBy: 'hubspot-user:7001' });
    expect(view.canEdit).toBe(true);
    expect(view.history.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(view.history.versions[0]).toMatchObject({
      createdByName: 'Ana Souza',
      changes: [
        { path: 'minDwellDays', before: String(defaultHealthModel.minDwellDays), after: '10' },
        {
          path: `segments.${edited.defaultSegment}.tiers.healthy.enter`,
          before: String(defaultHealthModel.segments[edited.defaultSegment]!.tiers.healthy.enter),
          after: '72',
        },
      ],
      moreChanges: 0,
    });
    expect(view.history.before).toBeNull();

    const [newest, older] = view.proposals;
    expect(newest).toMatchObject({ status: 'proposed', baseModelVersion: 2, createdByName: 'Ana Souza' });
    expect(newest?.report?.proposed.segments[0]).toMatchObject({ segment: 'SMB', auc: 0.73 });
    expect(newest?.report?.weights.SMB).toMatchObject({ usage: 35, sentiment: 10, support: 0 });
    expect(older).toMatchObject({ baseModelVersion: 1, report: null });

    expect(view.companyProperties).toEqual({
      source: 'hubspot',
      truncated: false,
      properties: [
        { name: 'annualrevenue', label: 'Annual revenue', type: 'number', options: [] },
        {
          name: 'plan_tier',
          label: 'Plan tier',
          type: 'enumeration',
          options: [{ label: 'Starter', value: 'starter' }],
        },
      ],
    });
    expect(view.mappedProperties.companies).toContain(defaultHealthModel.segmentation.property);
  });

  it('when the settings page opens again within minutes, then HubSpot is not asked for the properties again', async () => {
    const before = propertyCalls.length;
    await signedGet(app, `/api/views/settings?portalId=${portalId}&userId=${adminUserId}`).expect(200);
    await signedGet(app, `/api/views/settings?portalId=${portalId}&userId=${adminUserId}`).expect(200);
    expect(propertyCalls.length - before).toBe(0);
  });

  it('when HubSpot cannot list properties, then the page gets the properties the model reads and is told so', async () => {
    const response = await signedGet(
      appWithoutHubSpot,
      `/api/views/settings?portalId=${portalId}&userId=${adminUserId}`,
    ).expect(200);
    const view = settingsViewWire.parse(response.body);
    expect(view.companyProperties.source).toBe('unavailable');
    expect(view.companyProperties.properties.map((property) => property.name)).toContain(
      defaultHealthModel.segmentation.property,
    );
  });

  it('when no user is named or the user is not one of the portal’s, then the view is read-only', async () => {
    const anonymous = settingsViewWire.parse(
      (await signedGet(app, `/api/views/settings?portalId=${portalId}`).expect(200)).body,
    );
    expect(anonymous.canEdit).toBe(false);
    const stranger = settingsViewWire.parse(
      (await signedGet(app, `/api/views/settings?portalId=${portalId}&userId=9999`).expect(200)).body,
    );
    expect(stranger.canEdit).toBe(false);
  });

  it('when there are more than 20 versions, then the view pages the history and the next page continues it', async () => {
    const model = copyOf(defaultHealthModel);
    for (let day = 1; day <= 21; day += 1) {
      model.minDwellDays = day;
      await saveHealthModelVersion(handle.db, portalId, copyOf(model), {
        source: 'admin',
        actor: `hubspot-user:${adminUserId}`,
      });
    }
    const view = settingsViewWire.parse(
      (await signedGet(app, `/api/views/settings?portalId=${portalId}&userId=${adminUserId}`).expect(200))
        .body,
    );
    expect(view.history.versions).toHaveLength(20);
    expect(view.history.versions[0]?.version).toBe(23);
    expect(view.history.before).toBe('4');

    const older = await signedGet(
      app,
      `/api/views/settings/history?portalId=${portalId}&userId=${adminUserId}&before=${view.history.before}`,
    ).expect(200);
    const page = settingsHistoryPageWire.parse(older.body);
    expect(page.versions.map((version) => version.version)).toEqual([3, 2, 1]);
    expect(page.before).toBeNull();
    // Version 3 is the first of the loop: it undid version 2's tier edit and set the dwell to 1 day.
    expect(page.versions[0]?.changes).toEqual([
      { path: 'minDwellDays', before: '10', after: '1' },
      {
        path: `segments.${defaultHealthModel.defaultSegment}.tiers.healthy.enter`,
        before: '72',
        after: '70',
      },
    ]);
  });

  it('when the request is not signed, then the answer is 401', async () => {
    const response = await request(app).get(`/api/views/settings?portalId=${portalId}`).expect(401);
    expect(response.body.error.code).toBe('SIGNATURE_MISSING');
  });
});
