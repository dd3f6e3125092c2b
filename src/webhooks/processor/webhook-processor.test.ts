import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../../test/support/test-app.ts';
import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { HubSpotUnavailableError } from '../../hubspot/hubspot-errors.ts';
import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import { computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import type { WebhookEvent } from '../../sandbox/server/platform/webhook-events.pure.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { defaultAssociationTypeId } from '../../sandbox/store/association-types.ts';
import type { SandboxStore } from '../../sandbox/store/sandbox-store.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { findCrmObject } from '../../store/repositories/crm-objects-repository.ts';
import { listCompanyObjectIds } from '../../store/repositories/company-associations-repository.ts';
import { markUninstalled } from '../../store/repositories/portals-repository.ts';
import { saveSettingsVersion } from '../../store/repositories/settings-repository.ts';
import type { SyncDeps } from '../../sync/sync-types.ts';
import { processPendingWebhooks } from './webhook-processor.ts';
import {
  diffStoreAgainstSandbox,
  installPortal,
  recordWebhookEvents,
  sandboxGateway,
  sandboxPortal,
  seedStoreFromSandbox,
} from '../testing/webhook-test-kit.ts';

// The intake's clock (buildTestApp) and the times of the changes made below, all before it.
const intakeNow = new Date('2026-11-24T12:00:00.000Z');
const at = (minute: number): number => Date.parse('2026-11-24T11:00:00.000Z') + minute * 60_000;

function signedHeaders(body: string): Record<string, string> {
  const timestamp = String(intakeNow.getTime());
  return {
    'content-type': 'application/json',
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: testClientSecret,
      method: 'POST',
      uri: `${testPublicBaseUrl}/webhooks/hubspot`,
      rawBody: body,
      timestamp,
    }),
    'x-hubspot-request-timestamp': timestamp,
  };
}

/** Wraps a portal's gateway, replacing some of its functions. */
function gatewayWith(gateway: HubSpotGateway, overrides: Partial<PortalGateway>): HubSpotGateway {
  return { ...gateway, forPortal: (portalId) => ({ ...gateway.forPortal(portalId), ...overrides }) };
}

describe.each(testDatabaseTargets())('webhook processing on $name', (target) => {
  let handle: DatabaseHandle;
  let sandbox: RunningSandbox;
  let portal: SandboxStore;
  let app: Express;
  let deps: SyncDeps;
  let logLines: () => string[];
  let recorder: ReturnType<typeof recordWebhookEvents>;

  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  beforeEach(async () => {
    for (const table of [
      'companies',
      'deals',
      'tickets',
      'contacts',
      'company_associations',
      'webhook_events',
      'job_leases',
      'settings_versions',
      'audit_log',
      'portals',
    ] as const) {
      await handle.db.deleteFrom(table).execute();
    }
    sandbox = await startSandbox({ port: 0, companies: 6, seed: 41, generatedAt: at(-60 * 24 * 30) });
    portal = sandboxPortal(sandbox);
    ({ app } = buildTestApp(handle));
    const captured = createCapturingLogger();
    logLines = captured.lines;
    deps = {
      db: handle.db,
      gateway: sandboxGateway(sandbox, captured.logger),
      logger: captured.logger,
      now: () => new Date(),
    };
    await installPortal(handle.db, sandbox, intakeNow);
    await seedStoreFromSandbox(handle.db, sandbox, intakeNow);
    recorder = recordWebhookEvents(sandbox, 1_000);
  });
  afterEach(async () => {
    recorder.stop();
    await sandbox.close();
  });

  async function deliver(
    events: readonly WebhookEvent[],
  ): Promise<{ stored: number; duplicates: number; rejected: number }> {
    const body = JSON.stringify(events);
    const response = await request(app)
      .post('/webhooks/hubspot')
      .set(signedHeaders(body))
      .send(body)
      .expect(200);
    return response.body as { stored: number; duplicates: number; rejected: number };
  }

  async function pendingEvents(): Promise<number> {
    const rows = await handle.db
      .selectFrom('webhook_events')
      .select('event_id')
      .where('processed_at', 'is', null)
      .execute();
    return rows.length;
  }

  const liveIds = (type: 'companies' | 'deals' | 'tickets'): string[] =>
    [...portal.tables[type].all()].filter((record) => !record.archived).map((record) => record.id);

  const stored = (type: 'companies' | 'deals' | 'tickets', id: string) =>
    findCrmObject(handle.db, sandbox.portalId, type, id);

  it('when HubSpot delivers a batch twice and replays it after processing, then it is stored once and applied once', async () => {
    const [companyId = ''] = liveIds('companies');
    portal.updateRecord('companies', companyId, { active_users_30d: '4321' }, at(1));
    const events = recorder.take();
    expect(events).toHaveLength(1);

    expect(await deliver(events)).toEqual({ stored: 1, duplicates: 0, rejected: 0 });
    expect(await deliver(events)).toEqual({ stored: 0, duplicates: 1, rejected: 0 });
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toEqual({
      events: 1,
      fetched: 1,
      apiCalls: 1,
    });
    const afterFirst = await stored('companies', companyId);
    expect(afterFirst?.properties.active_users_30d).toBe('4321');
    expect(afterFirst?.modifiedAt.getTime()).toBe(at(1));

    expect(await deliver(events)).toEqual({ stored: 0, duplicates: 1, rejected: 0 });
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toEqual({
      events: 0,
      fetched: 0,
      apiCalls: 0,
    });
    expect(await stored('companies', companyId)).toEqual(afterFirst);
    expect(await diffStoreAgainstSandbox(handle.db, sandbox)).toEqual([]);
  });

  it('when an admin has mapped a property, then a webhook re-read fetches and keeps it like the sync does', async () => {
    await saveSettingsVersion(
      handle.db,
      sandbox.portalId,
      { mappedProperties: { companies: ['industry'] } },
      'test',
    );
    const [companyId = ''] = liveIds('companies');
    portal.updateRecord('companies', companyId, { logins_30d: '77' }, at(1));
    await deliver(recorder.take());

    await processPendingWebhooks(deps, sandbox.portalId);

    const industry = portal.tables.companies.get(companyId)?.properties.industry;
    expect(industry).toEqual(expect.any(String));
    expect((await stored('companies', companyId))?.properties).toMatchObject({ logins_30d: '77', industry });
  });

  it('when a deletion is processed before an older creation and property change delivered late, then the record stays archived', async () => {
    const [dealId = ''] = liveIds('deals');
    portal.updateRecord('deals', dealId, { amount: '777' }, at(1));
    const older = recorder.take();
    const [companyId = ''] = portal.associations.ids('deals', dealId, 'companies');
    portal.archiveRecord('deals', dealId, at(2));
    const deletion = recorder.take();
    const creation: WebhookEvent = {
      ...deletion[0]!,
      eventId: 999,
      subscriptionType: 'deal.creation',
      occurredAt: at(0),
    };

    await deliver(deletion);
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toMatchObject({ events: 1, apiCalls: 0 });
    expect(await stored('deals', dealId)).toMatchObject({ archived: true, modifiedAt: new Date(at(2)) });

    await deliver([...older, creation]);
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toMatchObject({ events: 2, fetched: 0 });
    expect(await stored('deals', dealId)).toMatchObject({ archived: true });
    expect(await listCompanyObjectIds(handle.db, sandbox.portalId, companyId, 'deals')).not.toContain(dealId);
    expect(await diffStoreAgainstSandbox(handle.db, sandbox)).toEqual([]);
  });

  it('when a change and the deletion after it arrive in one batch in reverse order, then the record is archived without a read', async () => {
    const [ticketId = ''] = liveIds('tickets');
    portal.updateRecord('tickets', ticketId, { hs_ticket_priority: 'URGENT' }, at(1));
    portal.archiveRecord('tickets', ticketId, at(2));
    const events = recorder.take();

    await deliver([...events].reverse());
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toEqual({
      events: 2,
      fetched: 0,
      apiCalls: 0,
    });
    expect(await stored('tickets', ticketId)).toMatchObject({ archived: true });
    expect(await diffStoreAgainstSandbox(handle.db, sandbox)).toEqual([]);
  });

  it('when an older property change arrives after a newer one, then the newer value stays', async () => {
    const [companyId = ''] = liveIds('companies');
    portal.updateRecord('companies', companyId, { invoice_status: 'overdue' }, at(1));
    const older = recorder.take();
    portal.updateRecord('companies', companyId, { invoice_status: 'paid' }, at(2));
    const newer = recorder.take();

    await deliver(newer);
    await processPendingWebhooks(deps, sandbox.portalId);
    await deliver(older);
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toMatchObject({ events: 1 });
    expect(await stored('companies', companyId)).toMatchObject({
      properties: expect.objectContaining({ invoice_status: 'paid' }),
      modifiedAt: new Date(at(2)),
    });
  });

  it('when a re-read returns an older copy than the store holds, then the newer value stays', async () => {
    const [companyId = ''] = liveIds('companies');
    portal.updateRecord('companies', companyId, { days_past_due: '10' }, at(1));
    const older = recorder.take();
    const staleCopy = await deps.gateway
      .forPortal(sandbox.portalId)
      .batchRead('companies', [companyId], { properties: ['days_past_due', 'hs_lastmodifieddate'] });
    portal.updateRecord('companies', companyId, { days_past_due: '20' }, at(2));
    await deliver(recorder.take());
    await processPendingWebhooks(deps, sandbox.portalId);

    await deliver(older);
    const lagging = {
      ...deps,
      gateway: gatewayWith(deps.gateway, { batchRead: () => Promise.resolve(staleCopy) }),
    };
    expect(await processPendingWebhooks(lagging, sandbox.portalId)).toMatchObject({ events: 1, fetched: 1 });
    expect(await stored('companies', companyId)).toMatchObject({
      properties: expect.objectContaining({ days_past_due: '20' }),
      modifiedAt: new Date(at(2)),
    });
  });

  it('when a deleted record is restored, then the restore wins over the earlier deletion', async () => {
    const [dealId = ''] = liveIds('deals');
    portal.archiveRecord('deals', dealId, at(1));
    await deliver(recorder.take());
    await processPendingWebhooks(deps, sandbox.portalId);
    expect(await stored('deals', dealId)).toMatchObject({ archived: true });

    // The sandbox has no restore; HubSpot's keeps the record as it was, last-modified time included.
    const record = portal.tables.deals.get(dealId)!;
    record.archived = false;
    await deliver([
      {
        eventId: 5_000,
        subscriptionId: 1,
        portalId: sandbox.portalId,
        appId: sandbox.appId,
        occurredAt: at(3),
        subscriptionType: 'deal.restore',
        attemptNumber: 0,
        objectId: Number(dealId),
        changeSource: 'CRM_UI',
      },
    ]);
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toMatchObject({ events: 1, fetched: 1 });
    expect(await stored('deals', dealId)).toMatchObject({ archived: false, modifiedAt: new Date(at(3)) });
  });

  it('when a company is merged into another, then it is archived, the survivor re-read, and its deals follow', async () => {
    const companies = liveIds('companies');
    const mergedId = companies.find((id) => portal.associations.ids('companies', id, 'deals').length > 0)!;
    const primaryId = companies.find((id) => id !== mergedId)!;
    const movedDeals = [...portal.associations.ids('companies', mergedId, 'deals')];
    expect(portal.mergeRecords('companies', primaryId, mergedId, at(1))).toBe(true);

    await deliver(recorder.take());
    const result = await processPendingWebhooks(deps, sandbox.portalId);

    expect(result).toMatchObject({ events: 1, fetched: 1 });
    expect(await stored('companies', mergedId)).toMatchObject({ archived: true });
    expect((await stored('companies', primaryId))?.properties.hs_merged_object_ids).toContain(mergedId);
    expect(await listCompanyObjectIds(handle.db, sandbox.portalId, primaryId, 'deals')).toEqual(
      expect.arrayContaining(movedDeals),
    );
    expect(await listCompanyObjectIds(handle.db, sandbox.portalId, mergedId, 'deals')).toEqual([]);
    expect(await diffStoreAgainstSandbox(handle.db, sandbox)).toEqual([]);
  });

  it('when a deal moves to another company and a contact gains one, then the stored links follow in one read per type', async () => {
    const [dealId = ''] = liveIds('deals');
    const [fromId = ''] = portal.associations.ids('deals', dealId, 'companies');
    const toId = liveIds('companies').find((id) => id !== fromId)!;
    const typeId = defaultAssociationTypeId('deals', 'companies') ?? 0;
    portal.dissociate('deals', dealId, 'companies', fromId, typeId, at(1));
    portal.associate('deals', dealId, 'companies', toId, typeId, at(1));
    const contactId = [...portal.tables.contacts.all()][0]!.id;
    const linked = portal.associations.ids('contacts', contactId, 'companies');
    const newCompany = liveIds('companies').find((id) => !linked.includes(id))!;
    portal.associate('contacts', contactId, 'companies', newCompany, 279, at(2));
    const events = recorder.take();
    expect(events).toHaveLength(6);

    await deliver(events);
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toEqual({
      events: 6,
      fetched: 0,
      apiCalls: 2,
    });
    expect(await listCompanyObjectIds(handle.db, sandbox.portalId, toId, 'deals')).toContain(dealId);
    expect(await listCompanyObjectIds(handle.db, sandbox.portalId, fromId, 'deals')).not.toContain(dealId);
    expect(await listCompanyObjectIds(handle.db, sandbox.portalId, newCompany, 'contacts')).toContain(
      contactId,
    );
    expect(await diffStoreAgainstSandbox(handle.db, sandbox)).toEqual([]);
  });

  it('when HubSpot fails during processing, then the events stay pending and the next pass applies them', async () => {
    const [companyId = ''] = liveIds('companies');
    portal.updateRecord('companies', companyId, { logins_30d: '3' }, at(1));
    await deliver(recorder.take());
    const failing = {
      ...deps,
      gateway: gatewayWith(deps.gateway, {
        batchRead: () => Promise.reject(new HubSpotUnavailableError('HubSpot is down')),
      }),
    };

    await expect(processPendingWebhooks(failing, sandbox.portalId)).rejects.toThrow('HubSpot is down');
    expect(await pendingEvents()).toBe(1);
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toMatchObject({ events: 1, fetched: 1 });
    expect(await pendingEvents()).toBe(0);
    expect((await stored('companies', companyId))?.properties.logins_30d).toBe('3');
  });

  it('when events arrive for an unknown or an uninstalled portal, then they are marked processed without calling HubSpot', async () => {
    const [companyId = ''] = liveIds('companies');
    portal.updateRecord('companies', companyId, { logins_30d: '5' }, at(1));
    const [event] = recorder.take();
    await deliver([{ ...event!, portalId: 424_242 }]);
    await markUninstalled(handle.db, sandbox.portalId, intakeNow);
    await deliver([event!]);

    expect(await processPendingWebhooks(deps, 424_242)).toEqual({ events: 1, fetched: 0, apiCalls: 0 });
    expect(await processPendingWebhooks(deps, sandbox.portalId)).toEqual({
      events: 1,
      fetched: 0,
      apiCalls: 0,
    });
    expect(await pendingEvents()).toBe(0);
    expect((await stored('companies', companyId))?.properties.logins_30d).not.toBe('5');
    expect(logLines().filter((line) => line.includes('skipped 1 webhook events'))).toHaveLength(2);
  });
});
