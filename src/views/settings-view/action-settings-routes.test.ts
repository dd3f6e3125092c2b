import {
  actionSettingsViewWire,
  defaultAutomationSettings,
  defaultPlaybooks,
  defaultPlaybookSettings,
  defaultSignalSettings,
  type ActionSettingsEditWire,
} from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import { loadActionSettings } from '../../signals/signal-settings-store.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { listAudit } from '../../store/repositories/audit-log-repository.ts';
import { upsertOwners } from '../../store/repositories/owners-repository.ts';
import { findCurrentSettings, saveSettingsVersion } from '../../store/repositories/settings-repository.ts';
import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_300_001;
const otherPortal = 9_300_002;
const adminUserId = '7001';
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

const defaults = (): ActionSettingsEditWire =>
  structuredClone({
    signals: defaultSignalSettings,
    playbooks: defaultPlaybookSettings,
    automations: defaultAutomationSettings,
  });

describe.each(testDatabaseTargets())('the action settings routes on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  const read = (portalId: number) => {
    const path = `/api/settings/actions?portalId=${portalId}&userId=${adminUserId}`;
    return request(app).get(path).set(signedHeaders('GET', path));
  };
  const save = (portalId: number, body: unknown, userId = adminUserId) => {
    const path = `/api/settings/actions?portalId=${portalId}&userId=${userId}`;
    const raw = JSON.stringify(body);
    return request(app)
      .put(path)
      .set(signedHeaders('PUT', path, raw))
      .send(raw);
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    await upsertOwners(
      handle.db,
      portal,
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
      now,
    );
    app = buildTestApp(handle).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when nothing was saved yet, then the defaults are read, with the shipped playbooks in the task language', async () => {
    const view = actionSettingsViewWire.parse((await read(otherPortal).expect(200)).body);
    expect(view.version).toBeNull();
    expect(view.signals).toEqual(defaultSignalSettings);
    expect(view.automations).toEqual(defaultAutomationSettings);
    expect(view.defaultPlaybooks.onboarding).toEqual(defaultPlaybooks.onboarding.en);
  });

  it('when an admin saves an edit, then it is read back, the other settings are kept and the change is audited under them', async () => {
    await saveSettingsVersion(
      handle.db,
      portal,
      { mappedProperties: { companies: ['plan_tier'] } },
      'harbor',
    );
    const edit = defaults();
    edit.signals.defaults.low_health.belowScore = 61;
    edit.signals.routing = { ownerFallbackId: '501', escalationOwnerId: '502', taskLanguage: 'pt-BR' };
    edit.automations.triggers.usage_drop = {
      enabled: true,
      action: { kind: 'start_playbook', playbook: 'adoption' },
    };
    edit.playbooks.segments = {
      SMB: {
        renewal: {
          enabled: false,
          steps: [
            {
              title: 'Revisão da conta',
              body: 'Antes da renovação.',
              dueInDays: 7,
              priority: 'HIGH',
              taskType: 'CALL',
              owner: { kind: 'cs_lead' },
            },
          ],
        },
      },
    };

    const saved = await save(portal, edit).expect(200);
    expect(saved.body).toEqual({ portalId: portal, version: 2 });

    const view = actionSettingsViewWire.parse((await read(portal).expect(200)).body);
    expect(view).toMatchObject({ ...edit, version: 2 });
    // The task language is now Portuguese, so the shipped playbooks to copy from are too.
    expect(view.defaultPlaybooks.onboarding).toEqual(defaultPlaybooks.onboarding['pt-BR']);
    // What the signal rules and playbooks load is the edit.
    const loaded = await loadActionSettings(handle.db, createCapturingLogger().logger, portal);
    expect(loaded.signals.defaults.low_health.belowScore).toBe(61);
    expect((await findCurrentSettings(handle.db, portal))?.settings).toMatchObject({
      mappedProperties: { companies: ['plan_tier'] },
    });
    const [audit] = await listAudit(handle.db, portal, 1);
    expect(audit).toMatchObject({ actor: `hubspot-user:${adminUserId}`, entity: 'settings:v2' });
  });

  it('when a value is out of bounds, then it is refused with its path and nothing is saved', async () => {
    const before = (await findCurrentSettings(handle.db, portal))?.version;
    const edit = defaults();
    edit.signals.defaults.low_health.belowScore = 140;
    edit.playbooks.maxOpenTasksPerOwnerPerDay = 0;
    const refused = await save(portal, edit).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.message).toContain(
      'signals.defaults.low_health.belowScore: a score from 0 to 100',
    );
    expect(refused.body.error.message).toContain('playbooks.maxOpenTasksPerOwnerPerDay');
    expect((await findCurrentSettings(handle.db, portal))?.version).toBe(before);
  });

  it('when a part is missing or the due days run the wrong way, then nothing is saved', async () => {
    const before = (await findCurrentSettings(handle.db, portal))?.version;
    const { signals, playbooks } = defaults();
    await save(portal, { signals, playbooks }).expect(400);
    const edit = defaults();
    edit.signals.dueDays = { critical: 9, high: 5, medium: 10, low: 20 };
    const refused = await save(portal, edit).expect(400);
    expect(refused.body.error.message).toContain('signals.dueDays.critical');
    expect((await findCurrentSettings(handle.db, portal))?.version).toBe(before);
  });

  it('when a saved portal’s settings are read from another portal, then that portal still sees its own', async () => {
    const view = actionSettingsViewWire.parse((await read(otherPortal).expect(200)).body);
    expect(view.version).toBeNull();
    expect(view.signals.defaults.low_health.belowScore).toBe(
      defaultSignalSettings.defaults.low_health.belowScore,
    );
    expect(view.playbooks.segments).toEqual({});
  });

  it('when someone who is not a user of the portal saves, then it is refused', async () => {
    const refused = await save(otherPortal, defaults()).expect(403);
    expect(refused.body.error.code).toBe('USER_NOT_IN_PORTAL');
    expect(await findCurrentSettings(handle.db, otherPortal)).toBeUndefined();
  });
});
