import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import type { DatabaseHandle } from '../store/open-database.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

function event(eventId: number, portalId: number) {
  return {
    eventId,
    subscriptionId: 9,
    portalId,
    appId: 77,
    occurredAt: now.getTime() - 1000,
    subscriptionType: 'company.propertyChange',
    attemptNumber: 0,
    objectId: 123,
    propertyName: 'name',
    propertyValue: 'Acme',
    changeSource: 'CRM',
  };
}

function signedHeaders(body: string) {
  const timestamp = String(now.getTime());
  return {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': timestamp,
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: testClientSecret,
      method: 'POST',
      uri: `${testPublicBaseUrl}/webhooks/hubspot`,
      rawBody: body,
      timestamp,
    }),
  };
}

describe.each(testDatabaseTargets())('webhook "stored" notification on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a signed batch is stored, then the processor hears of each portal in it once', async () => {
    const notified: number[] = [];
    const { app } = buildTestApp(handle, { onWebhookEventsStored: (portalId) => notified.push(portalId) });
    const body = JSON.stringify([event(1, 555), event(2, 555), event(3, 666)]);
    await request(app).post('/webhooks/hubspot').set(signedHeaders(body)).send(body).expect(200);
    expect(notified.sort()).toEqual([555, 666]);
  });

  it('when a batch is refused, then nobody is told', async () => {
    const notified: number[] = [];
    const { app } = buildTestApp(handle, { onWebhookEventsStored: (portalId) => notified.push(portalId) });
    const body = JSON.stringify([event(4, 555)]);
    await request(app)
      .post('/webhooks/hubspot')
      .set({ 'content-type': 'application/json' })
      .send(body)
      .expect(401);
    const malformed = JSON.stringify([{ eventId: 5, portalId: 555 }]);
    await request(app).post('/webhooks/hubspot').set(signedHeaders(malformed)).send(malformed).expect(400);
    expect(notified).toEqual([]);
  });
});
