import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import type { DatabaseHandle } from '../store/open-database.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

function event(eventId: number, overrides: Record<string, unknown> = {}) {
  return {
    eventId,
    subscriptionId: 9,
    portalId: 555,
    appId: 77,
    occurredAt: now.getTime() - 1000,
    subscriptionType: 'company.propertyChange',
    attemptNumber: 0,
    objectId: 123,
    propertyName: 'name',
    propertyValue: 'Acme',
    changeSource: 'CRM',
    ...overrides,
  };
}

function signedHeaders(body: string, options: { secret?: string; timestamp?: number; uri?: string } = {}) {
  const timestamp = String(options.timestamp ?? now.getTime());
  const signature = computeSignatureV3({
    clientSecret: options.secret ?? testClientSecret,
    method: 'POST',
    uri: options.uri ?? `${testPublicBaseUrl}/webhooks/hubspot`,
    rawBody: body,
    timestamp,
  });
  return {
    'content-type': 'application/json',
    'x-hubspot-signature-v3': signature,
    'x-hubspot-request-timestamp': timestamp,
  };
}

describe.each(testDatabaseTargets())('webhook intake on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.deleteFrom('webhook_events').execute();
  });

  async function storedEventIds(): Promise<string[]> {
    const rows = await handle.db
      .selectFrom('webhook_events')
      .select('event_id')
      .orderBy('event_id')
      .execute();
    return rows.map((row) => row.event_id);
  }

  it('when HubSpot delivers a signed batch, then every event is stored before the 200', async () => {
    const { app } = buildTestApp(handle);
    const body = JSON.stringify([event(1), event(2, { subscriptionType: 'deal.creation', objectId: 9 })]);
    const response = await request(app)
      .post('/webhooks/hubspot')
      .set(signedHeaders(body))
      .send(body)
      .expect(200);
    expect(response.body).toEqual({ stored: 2, duplicates: 0 });
    expect(await storedEventIds()).toEqual(['1', '2']);
    const row = await handle.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('event_id', '=', '1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      portal_id: 555,
      subscription_type: 'company.propertyChange',
      object_id: '123',
    });
    expect(row.payload).toMatchObject({ propertyName: 'name', propertyValue: 'Acme' });
  });

  it('when HubSpot retries a batch it already delivered, then the events are not stored twice', async () => {
    const { app } = buildTestApp(handle);
    const body = JSON.stringify([event(1), event(2)]);
    await request(app).post('/webhooks/hubspot').set(signedHeaders(body)).send(body).expect(200);
    const retry = await request(app)
      .post('/webhooks/hubspot')
      .set(signedHeaders(body))
      .send(body)
      .expect(200);
    expect(retry.body).toEqual({ stored: 0, duplicates: 2 });
    expect(await storedEventIds()).toEqual(['1', '2']);
  });

  const refused: [string, (body: string) => Record<string, string>, string, (body: string) => string][] = [
    ['unsigned', () => ({ 'content-type': 'application/json' }), 'SIGNATURE_MISSING', (body) => body],
    [
      'tampered after signing',
      (body) => signedHeaders(body),
      'SIGNATURE_MISMATCH',
      (body) => body.replace('Acme', 'Evil'),
    ],
    [
      'signed with another secret',
      (body) => signedHeaders(body, { secret: 'not-ours' }),
      'SIGNATURE_MISMATCH',
      (body) => body,
    ],
    [
      'signed for another host',
      (body) => signedHeaders(body, { uri: 'https://evil.test/webhooks/hubspot' }),
      'SIGNATURE_MISMATCH',
      (body) => body,
    ],
    [
      'older than five minutes',
      (body) => signedHeaders(body, { timestamp: now.getTime() - 300_001 }),
      'SIGNATURE_EXPIRED',
      (body) => body,
    ],
  ];
  it.each(refused)(
    'when a batch is %s, then the answer is 401 and nothing is stored',
    async (_label, headers, code, mutate) => {
      const { app, logLines } = buildTestApp(handle);
      const body = JSON.stringify([event(1)]);
      const response = await request(app)
        .post('/webhooks/hubspot')
        .set(headers(body))
        .send(mutate(body))
        .expect(401);
      expect(response.body.error.code).toBe(code);
      expect(await storedEventIds()).toEqual([]);
      expect(logLines().join('\n')).not.toContain(testClientSecret);
      expect(JSON.stringify(response.body)).not.toContain(testClientSecret);
    },
  );

  it('when a signed batch is malformed, then the answer is 400 naming the field and nothing is stored', async () => {
    const { app } = buildTestApp(handle);
    const body = JSON.stringify([event(1), { eventId: 2, portalId: 'not-a-number' }]);
    const response = await request(app)
      .post('/webhooks/hubspot')
      .set(signedHeaders(body))
      .send(body)
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/^1\.portalId: /);
    expect(await storedEventIds()).toEqual([]);
  });
});
