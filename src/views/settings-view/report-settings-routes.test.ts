import { defaultReportSettings, reportSettingsViewWire, type ReportSettings } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { buildTestApp, signedHubSpotHeaders } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import { loadReportSettings } from '../../reports/report-settings-store.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { listAudit } from '../../store/repositories/audit-log-repository.ts';
import { upsertOwners } from '../../store/repositories/owners-repository.ts';
import { findCurrentSettings, saveSettingsVersion } from '../../store/repositories/settings-repository.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_400_001;
const otherPortal = 9_400_002;
const adminUserId = '7001';

const defaults = (): ReportSettings => structuredClone(defaultReportSettings);

describe.each(testDatabaseTargets())('the report settings routes on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  const read = (portalId: number) => {
    const path = `/api/settings/reports?portalId=${portalId}&userId=${adminUserId}`;
    return request(app).get(path).set(signedHubSpotHeaders('GET', path));
  };
  const save = (portalId: number, body: unknown) => {
    const path = `/api/settings/reports?portalId=${portalId}&userId=${adminUserId}`;
    const raw = JSON.stringify({ reports: body });
    return request(app)
      .put(path)
      .set(signedHubSpotHeaders('PUT', path, raw))
      .send(raw);
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    await upsertOwners(
      handle.db,
      portal,
      [{ id: '501', email: null, firstName: 'Ana', lastName: 'Souza', userId: adminUserId, archived: false }],
      now,
    );
    app = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when nothing was saved yet, then the defaults are read with the model’s segments to pick from', async () => {
    const view = reportSettingsViewWire.parse((await read(otherPortal).expect(200)).body);
    expect(view.version).toBeNull();
    expect(view.settings).toEqual(defaultReportSettings);
    expect(view.segments.length).toBeGreaterThan(0);
  });

  it('when an admin saves targets, survey and routing, then the reports read them, other settings are kept and the change is audited', async () => {
    await saveSettingsVersion(
      handle.db,
      portal,
      { mappedProperties: { companies: ['plan_tier'] } },
      'harbor',
    );
    const edit = defaults();
    edit.targets = [
      { segment: 'all', metric: 'grr', target: 0.92 },
      { segment: 'SMB', metric: 'logoChurn', target: 0.05 },
    ];
    edit.alertPeriod = 'month';
    edit.survey = {
      cadence: 'half-yearly',
      minimumResponses: 25,
      npsAlertBelow: 10,
      detractorRiseAlertPp: 5,
    };
    edit.routing.finance = { kind: 'owner', ownerId: '501' };
    edit.routing.support = { kind: 'queue', queueId: '88' };
    edit.digest = { featureRequestCategories: ['FEATURE_REQUEST', 'IDEA'], deliverAs: 'note' };

    expect((await save(portal, edit).expect(200)).body).toEqual({ portalId: portal, version: 2 });
    const view = reportSettingsViewWire.parse((await read(portal).expect(200)).body);
    expect(view).toMatchObject({ version: 2, settings: edit });
    expect(await loadReportSettings(handle.db, createCapturingLogger().logger, portal)).toEqual(edit);
    expect((await findCurrentSettings(handle.db, portal))?.settings).toMatchObject({
      mappedProperties: { companies: ['plan_tier'] },
    });
    const [audit] = await listAudit(handle.db, portal, 1);
    expect(audit).toMatchObject({ actor: `hubspot-user:${adminUserId}`, entity: 'settings:v2' });
  });

  it('when a target is out of range, an owner id is not digits or a segment’s metric has two targets, then each is refused with its path and nothing is saved', async () => {
    const before = (await findCurrentSettings(handle.db, portal))?.version;
    const edit = defaults();
    edit.targets = [
      { segment: 'all', metric: 'grr', target: 0.9 },
      { segment: 'all', metric: 'grr', target: 0.8 },
      { segment: 'SMB', metric: 'nps', target: 150 },
    ];
    edit.routing.marketing = { kind: 'owner', ownerId: 'ana' };
    const refused = await save(portal, edit).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    const message = String(refused.body.error.message);
    expect(message).toContain('targets.1.metric: this segment already has a target for this metric');
    expect(message).toContain('targets.2.target');
    expect(message).toContain('routing.marketing.ownerId');
    expect((await findCurrentSettings(handle.db, portal))?.version).toBe(before);
  });

  it('when a part is missing, then nothing is saved', async () => {
    const before = (await findCurrentSettings(handle.db, portal))?.version;
    const { targets, survey } = defaults();
    await save(portal, { targets, survey }).expect(400);
    // The part itself, not wrapped as `reports`, is no edit either.
    const path = `/api/settings/reports?portalId=${portal}&userId=${adminUserId}`;
    const bare = JSON.stringify(defaults());
    await request(app)
      .put(path)
      .set(signedHubSpotHeaders('PUT', path, bare))
      .send(bare)
      .expect(400);
    expect((await findCurrentSettings(handle.db, portal))?.version).toBe(before);
  });

  it('when someone who is not a user of the portal saves, then it is refused', async () => {
    const refused = await save(otherPortal, defaults()).expect(403);
    expect(refused.body.error.code).toBe('USER_NOT_IN_PORTAL');
    expect(await findCurrentSettings(handle.db, otherPortal)).toBeUndefined();
  });
});
