import { createHash } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { verifyHubSpotSignature } from '../../../hubspot/signature/hubspot-signature.ts';
import { createSandbox, type Sandbox, type WebhookTuning } from '../create-sandbox-app.ts';
import { buildFixtureStore, FIXTURE_NOW, startReceiver, type ReceivedRequest } from './testing-fixtures.ts';
import type { WebhookEvent } from './webhook-events.pure.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const fastRetries: WebhookTuning = { flushDelayMs: 20, retryBaseMs: 10, timeoutMs: 1_000 };

async function setUp(respond?: Parameters<typeof startReceiver>[0], tuning: WebhookTuning = fastRetries) {
  const receiver = await startReceiver(respond);
  const sandbox: Sandbox = createSandbox({
    seed: 5,
    store: buildFixtureStore(),
    now: () => FIXTURE_NOW,
    webhookUrl: receiver.url,
    webhook: tuning,
  });
  cleanups.push(async () => {
    await sandbox.close();
    await receiver.close();
  });
  const store = sandbox.world.defaultPortal;
  const companyIds = [...store.tables.companies.all()].map((record) => record.id);
  return { sandbox, receiver, store, companyIds };
}

function events(request: ReceivedRequest): WebhookEvent[] {
  return JSON.parse(request.body) as WebhookEvent[];
}

describe('webhook delivery', () => {
  it('when a company changes, then a signed batch reaches the target URL', async () => {
    const { sandbox, receiver, store, companyIds } = await setUp();
    store.updateRecord('companies', companyIds[0] ?? '', { name: 'Renamed Ltd' }, FIXTURE_NOW);
    await sandbox.webhooks?.whenIdle();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (request === undefined) throw new Error('no delivery');
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    const { clientSecret, appId } = sandbox.world.app;
    const verification = verifyHubSpotSignature(
      {
        clientSecret,
        method: 'POST',
        uri: receiver.url,
        rawBody: request.body,
        headers: request.headers,
        accept: ['v3'],
      },
      FIXTURE_NOW,
    );
    expect(verification).toEqual({ ok: true, version: 'v3' });
    expect(request.headers['x-hubspot-signature-version']).toBe('v1');
    expect(request.headers['x-hubspot-signature']).toBe(
      createHash('sha256')
        .update(clientSecret + request.body)
        .digest('hex'),
    );
    expect(events(request)).toEqual([
      {
        eventId: 1,
        subscriptionId: expect.any(Number),
        portalId: store.portalId,
        appId,
        occurredAt: FIXTURE_NOW,
        subscriptionType: 'company.propertyChange',
        attemptNumber: 0,
        objectId: Number(companyIds[0]),
        changeSource: 'CRM',
        propertyName: 'name',
        propertyValue: 'Renamed Ltd',
      },
    ]);
    expect(sandbox.stats.snapshot().webhooks).toMatchObject({
      batchesDelivered: 1,
      eventsDelivered: 1,
      attempts: 1,
    });
  });

  it('when 250 changes happen together, then they arrive as batches of at most 100 with increasing event ids', async () => {
    const { sandbox, receiver, store, companyIds } = await setUp();
    for (let index = 0; index < 250; index += 1) {
      store.updateRecord(
        'companies',
        companyIds[index % 5] ?? '',
        { numberofemployees: String(1000 + index) },
        FIXTURE_NOW,
      );
    }
    await sandbox.webhooks?.whenIdle();
    const sizes = receiver.received.map((request) => events(request).length);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
    const ids = receiver.received
      .flatMap((request) => events(request).map((event) => event.eventId))
      .sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
  });

  it('when the receiver answers 500, then the batch is retried with attemptNumber 1', async () => {
    const { sandbox, receiver, store, companyIds } = await setUp((_request, index) =>
      index === 0 ? 500 : 200,
    );
    store.archiveRecord('companies', companyIds[1] ?? '', FIXTURE_NOW);
    await sandbox.webhooks?.whenIdle();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received.map(events);
    expect(first?.map((event) => event.attemptNumber)).toEqual(first?.map(() => 0));
    expect(second?.map((event) => event.attemptNumber)).toEqual(second?.map(() => 1));
    expect(second?.map((event) => event.eventId)).toEqual(first?.map((event) => event.eventId));
    expect(first?.map((event) => event.subscriptionType)).toContain('company.deletion');
    expect(sandbox.stats.snapshot().webhooks).toMatchObject({ attempts: 2, retries: 1, batchesDelivered: 1 });
  });

  it('when the receiver does not answer in time, then the batch is retried', async () => {
    const { sandbox, receiver, store, companyIds } = await setUp(
      (_request, index) => (index === 0 ? 'hang' : 204),
      {
        ...fastRetries,
        timeoutMs: 200,
      },
    );
    const ticket = store.createRecord('tickets', { subject: 'Help' }, FIXTURE_NOW);
    store.associate('tickets', ticket.id, 'companies', companyIds[0] ?? '', 339, FIXTURE_NOW);
    await sandbox.webhooks?.whenIdle();
    expect(receiver.received).toHaveLength(2);
    const retried = events(receiver.received[1]!);
    expect(retried.map((event) => event.subscriptionType)).toEqual([
      'ticket.creation',
      'ticket.associationChange',
      'company.associationChange',
    ]);
    expect(retried.every((event) => event.attemptNumber === 1)).toBe(true);
  });

  it('when every attempt fails, then the sandbox gives up after maxAttempts and counts the failure', async () => {
    const { sandbox, receiver, store, companyIds } = await setUp(() => 503, {
      ...fastRetries,
      maxAttempts: 3,
    });
    store.mergeRecords('companies', companyIds[0] ?? '', companyIds[1] ?? '', FIXTURE_NOW);
    await sandbox.webhooks?.whenIdle();
    expect(receiver.received.map((request) => events(request)[0]?.attemptNumber)).toEqual([0, 1, 2]);
    expect(sandbox.stats.snapshot().webhooks).toMatchObject({
      attempts: 3,
      retries: 2,
      batchesFailed: 1,
      eventsFailed: 1,
    });
  });

  it('when the app is uninstalled from the portal, then its changes send no webhooks', async () => {
    const { sandbox, receiver, store, companyIds } = await setUp();
    sandbox.world.uninstall(store.portalId);
    store.updateRecord('companies', companyIds[0] ?? '', { name: 'Quiet' }, FIXTURE_NOW);
    await sandbox.webhooks?.whenIdle();
    expect(receiver.received).toHaveLength(0);
  });
});
