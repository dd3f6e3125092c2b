import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { findCrmObject } from '../../store/repositories/crm-objects-repository.ts';
import {
  listPendingWebhookEvents,
  storeWebhookEvents,
} from '../../store/repositories/webhook-events-repository.ts';
import type { SyncDeps } from '../../sync/sync-types.ts';
import { intakeWebhookBatch } from '../intake/intake-webhook-batch.ts';
import {
  diffStoreAgainstSandbox,
  installPortal,
  sandboxGateway,
  sandboxPortal,
  seedStoreFromSandbox,
} from '../testing/webhook-test-kit.ts';
import { processPendingWebhooks } from './webhook-processor.ts';

const receivedAt = new Date('2026-11-24T12:00:00.000Z');
const processedAt = new Date('2026-11-24T12:01:00.000Z');
const changedAt = Date.parse('2026-11-24T11:00:00.000Z');

describe.each(testDatabaseTargets())('webhook processing of odd stored events on $name', (target) => {
  let handle: DatabaseHandle;
  let sandbox: RunningSandbox;
  let deps: SyncDeps;
  /** Every id the processor asked HubSpot about. */
  let askedIds: string[];

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
      'portals',
    ] as const) {
      await handle.db.deleteFrom(table).execute();
    }
    sandbox = await startSandbox({ port: 0, companies: 3, seed: 11, generatedAt: changedAt - 86_400_000 });
    const { logger } = createCapturingLogger();
    const gateway = sandboxGateway(sandbox, logger);
    askedIds = [];
    const recording: HubSpotGateway = {
      ...gateway,
      forPortal: (portalId) => {
        const real = gateway.forPortal(portalId);
        return {
          ...real,
          batchRead: (type, ids, options) => {
            askedIds.push(...ids);
            return real.batchRead(type, ids, options);
          },
          associationsBatchRead: (from, to, ids) => {
            askedIds.push(...ids);
            return real.associationsBatchRead(from, to, ids);
          },
        };
      },
    };
    deps = { db: handle.db, gateway: recording, logger, now: () => processedAt };
    await installPortal(handle.db, sandbox, receivedAt);
    await seedStoreFromSandbox(handle.db, sandbox, receivedAt);
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('when the intake stored events Harbor cannot act on beside a good one, then all are marked processed and only the good one is applied', async () => {
    const portal = sandboxPortal(sandbox);
    const companyId = [...portal.tables.companies.all()][0]?.id ?? '';
    portal.updateRecord('companies', companyId, { logins_30d: '31337' }, changedAt);
    let eventId = 100;
    const event = (subscriptionType: string, fields: Record<string, unknown> = {}) => ({
      eventId: (eventId += 1),
      portalId: sandbox.portalId,
      occurredAt: changedAt,
      subscriptionType,
      ...fields,
    });
    const odd = [
      event('constructor.creation', { objectId: 1 }),
      event('toString.propertyChange', { objectId: 1 }),
      event('object.creation', { objectTypeId: '__proto__', objectId: 1 }),
      event('object.associationChange', { fromObjectTypeId: 'constructor', toObjectTypeId: '0-2' }),
      event('company.associationChange', { associationType: 'CONSTRUCTOR_TO_COMPANY', fromObjectId: 'x' }),
      event('deal.associationChange', {
        associationType: 'DEAL_TO_COMPANY',
        fromObjectId: 1,
        toObjectId: 'x',
      }),
      event('company.merge', {
        objectId: 1,
        primaryObjectId: 'nope',
        mergedObjectIds: ['abc', {}, 5e30, -1],
      }),
      event('deal.merge', { objectId: 2, mergedObjectIds: 'not a list', newObjectId: [1] }),
      event('deal.creation'),
      event('ticket.propertyChange', { objectId: 3, propertyValue: '🎉'.repeat(32_768) }),
      event('contact.privacyDeletion', { objectId: 4 }),
      event('conversation.newMessage', { objectId: 5 }),
      event('deal.deletion', { eventId: '9'.repeat(32), objectId: '9223372036854775807' }),
    ];
    // HubSpot's clock a day ahead of ours: its time must not become a version from the future.
    const good = event('company.propertyChange', {
      objectId: Number(companyId),
      occurredAt: receivedAt.getTime() + 86_000_000,
      propertyName: 'logins_30d',
      propertyValue: '31337',
    });
    const { logger } = createCapturingLogger();
    expect(
      await intakeWebhookBatch({ db: handle.db, now: () => receivedAt, logger }, [...odd, good]),
    ).toMatchObject({ stored: odd.length + 1, rejected: 0 });
    // Rows an older, laxer intake may have left behind.
    await storeWebhookEvents(handle.db, [
      {
        portalId: sandbox.portalId,
        eventId: 'legacy-1',
        subscriptionType: 'company.creation',
        objectId: 'abc',
        occurredAt: new Date(changedAt),
        payload: { mergedObjectIds: 'x', fromObjectId: { deep: [] } },
      },
      {
        portalId: sandbox.portalId,
        eventId: 'legacy-2',
        subscriptionType: '',
        objectId: null,
        occurredAt: new Date(changedAt),
        payload: {},
      },
    ]);

    const result = await processPendingWebhooks(deps, sandbox.portalId);

    expect(result.events).toBe(odd.length + 3);
    expect(await listPendingWebhookEvents(handle.db, sandbox.portalId, 100)).toEqual([]);
    expect(askedIds.every((id) => /^[0-9]{1,19}$/.test(id))).toBe(true);
    expect(await findCrmObject(handle.db, sandbox.portalId, 'companies', companyId)).toMatchObject({
      properties: expect.objectContaining({ logins_30d: '31337' }),
      modifiedAt: processedAt,
    });
    expect(await diffStoreAgainstSandbox(handle.db, sandbox)).toEqual([]);
  });
});
