import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { listWebhookRejections } from '../../store/repositories/webhook-rejections-repository.ts';
import { intakeWebhookBatch } from './intake-webhook-batch.ts';
import { maxRejectedPayloadChars } from './webhook-event-checks.pure.ts';

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
    await handle.db.deleteFrom('webhook_rejections').execute();
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
    expect(response.body).toEqual({ stored: 2, duplicates: 0, rejected: 0 });
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
    expect(retry.body).toEqual({ stored: 0, duplicates: 2, rejected: 0 });
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

  async function deliver(app: Express, body: string, status: number) {
    return request(app).post('/webhooks/hubspot').set(signedHeaders(body)).send(body).expect(status);
  }

  it('when one event of a signed batch is malformed, then the others are stored and it is recorded as rejected', async () => {
    const { app } = buildTestApp(handle);
    const body = JSON.stringify([event(1), { eventId: 2, portalId: 'not-a-number' }]);
    const response = await deliver(app, body, 200);
    expect(response.body).toEqual({ stored: 1, duplicates: 0, rejected: 1 });
    expect(await storedEventIds()).toEqual(['1']);
    expect(await listWebhookRejections(handle.db, null, 10)).toEqual([
      {
        portalId: null,
        eventId: '2',
        reason: expect.stringMatching(/^portalId: must be a positive integer; occurredAt: /),
        payload: '{"eventId":2,"portalId":"not-a-number"}',
        receivedAt: now,
      },
    ]);
  });

  const deeplyNested = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
  const badEvents: [string, string, RegExp][] = [
    [
      'occurredAt past the end of dates',
      JSON.stringify(event(2, { occurredAt: 8640000000000001 })),
      /^occurredAt: /,
    ],
    [
      'occurredAt before 2000',
      JSON.stringify(event(2, { occurredAt: Date.UTC(1999, 11, 31) })),
      /^occurredAt: /,
    ],
    [
      'occurredAt over a day ahead',
      JSON.stringify(event(2, { occurredAt: now.getTime() + 86_400_001 })),
      /^occurredAt: /,
    ],
    [
      'a NUL in a value',
      JSON.stringify(event(2, { propertyValue: 'Ac\u0000me' })),
      /^propertyValue: contains a NUL/,
    ],
    ['a NUL in a key', JSON.stringify(event(2, { 'odd\u0000key': 1 })), /^odd\\u0000key: key contains a NUL/],
    [
      'a lone surrogate',
      JSON.stringify(event(2, { propertyName: 'x\ud800' })),
      /^propertyName: contains a lone surrogate/,
    ],
    [
      'a lone surrogate deep in an array',
      JSON.stringify(event(2, { mergedObjectIds: [1, ['\udc00']] })),
      /^mergedObjectIds\.1\.0: contains a lone surrogate/,
    ],
    [
      'a property nested 5,000 deep',
      JSON.stringify(event(2)).replace(/}$/, `,"nested":${deeplyNested}}`),
      /^nested(\.a){31}: nested deeper than 32 levels$/,
    ],
    [
      'an oversized event',
      JSON.stringify(event(2, { propertyValue: 'x'.repeat(140_000) })),
      /^event: larger than/,
    ],
    [
      'an eventId with a letter',
      JSON.stringify(event(2, { eventId: '12a' })),
      /^eventId: must be 1 to 32 decimal digits$/,
    ],
    ['a fractional eventId', JSON.stringify(event(2, { eventId: 2.5 })), /^eventId: /],
    ['a portalId beyond the safe range', JSON.stringify(event(2, { portalId: 2 ** 53 })), /^portalId: /],
    ['an objectId that is no id', JSON.stringify(event(2, { objectId: '12-34' })), /^objectId: /],
    ['an objectId beyond int8', JSON.stringify(event(2, { objectId: '9223372036854775808' })), /^objectId: /],
    [
      'a 101-character subscriptionType',
      JSON.stringify(event(2, { subscriptionType: 'a'.repeat(101) })),
      /^subscriptionType: /,
    ],
    ['a number instead of an event', '7', /^event: not a JSON object$/],
    ['null instead of an event', 'null', /^event: not a JSON object$/],
  ];
  it.each(badEvents)(
    'when a signed batch holds %s, then the good events are stored and the bad one is rejected with its reason',
    async (_label, badEvent, reason) => {
      const notified: (readonly number[])[] = [];
      const { app } = buildTestApp(handle, {
        onWebhookEventsStored: (portalIds) => notified.push(portalIds),
      });
      const body = `[${JSON.stringify(event(1))},${badEvent},${JSON.stringify(event(3))}]`;

      const response = await deliver(app, body, 200);

      expect(response.body).toEqual({ stored: 2, duplicates: 0, rejected: 1 });
      expect(await storedEventIds()).toEqual(['1', '3']);
      expect(notified).toEqual([[555]]);
      const rows = await handle.db.selectFrom('webhook_rejections').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.reason).toMatch(reason);
      // What was stored reads back exactly, bounded, with every unstorable character escaped.
      expect(rows[0]?.payload.length).toBeLessThanOrEqual(maxRejectedPayloadChars + 20);
      expect(rows[0]?.payload.includes('\u0000')).toBe(false);
      expect(rows[0]?.payload.isWellFormed()).toBe(true);
    },
  );

  it('when a rejected event is stored, then its portal and event id are kept when they were valid', async () => {
    const { app } = buildTestApp(handle);
    const body = JSON.stringify([event(1), event(2, { propertyValue: 'bad\u0000value', occurredAt: 0 })]);
    await deliver(app, body, 200);
    const [rejection] = await listWebhookRejections(handle.db, 555, 10);
    expect(rejection).toMatchObject({ portalId: 555, eventId: '2' });
    expect(rejection?.payload).toContain('"propertyValue":"bad\\u0000value"');
  });

  const refusedBodies: [string, string][] = [
    ['an object, not an array', JSON.stringify(event(1))],
    ['an empty array', '[]'],
    ['an array without a single object', '[1,"two",null]'],
    ['more than 1,000 events', JSON.stringify(Array.from({ length: 1_001 }, (_, index) => event(index + 1)))],
  ];
  it.each(refusedBodies)(
    'when a signed body is %s, then the answer is 400 and nothing is stored or told',
    async (_label, body) => {
      const notified: (readonly number[])[] = [];
      const { app } = buildTestApp(handle, {
        onWebhookEventsStored: (portalIds) => notified.push(portalIds),
      });
      const response = await deliver(app, body, 400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(await storedEventIds()).toEqual([]);
      expect(await listWebhookRejections(handle.db, null, 10)).toEqual([]);
      expect(notified).toEqual([]);
    },
  );

  it('when a signed batch is stored, then the processor hears of its portals once each, after they are stored', async () => {
    const told: { portalIds: readonly number[]; storedThen: Promise<string[]> }[] = [];
    const { app } = buildTestApp(handle, {
      onWebhookEventsStored: (portalIds) => told.push({ portalIds, storedThen: storedEventIds() }),
    });
    const body = JSON.stringify([event(1), event(2), event(3, { portalId: 666 })]);
    await deliver(app, body, 200);
    expect(told.map((call) => [...call.portalIds].sort())).toEqual([[555, 666]]);
    expect(await told[0]?.storedThen).toEqual(['1', '2', '3']);
  });

  it('when a batch is refused or every event in it is rejected, then nobody is told', async () => {
    const notified: (readonly number[])[] = [];
    const { app } = buildTestApp(handle, { onWebhookEventsStored: (portalIds) => notified.push(portalIds) });
    const body = JSON.stringify([event(4)]);
    await request(app)
      .post('/webhooks/hubspot')
      .set({ 'content-type': 'application/json' })
      .send(body)
      .expect(401);
    const allBad = JSON.stringify([{ eventId: 5, portalId: 555 }]);
    expect((await deliver(app, allBad, 200)).body).toEqual({ stored: 0, duplicates: 0, rejected: 1 });
    expect(notified).toEqual([]);
  });

  it('when the processor’s listener throws, then the batch is still stored and answered 200', async () => {
    const { app, logLines } = buildTestApp(handle, {
      onWebhookEventsStored: () => {
        throw new Error('listener broke');
      },
    });
    const body = JSON.stringify([event(1)]);
    expect((await deliver(app, body, 200)).body).toEqual({ stored: 1, duplicates: 0, rejected: 0 });
    expect(await storedEventIds()).toEqual(['1']);
    expect(logLines().join('\n')).toContain('the webhook processor could not be told');
  });

  it('when the intake is called without HTTP, then it answers with what it stored and the portals', async () => {
    const { logger } = createCapturingLogger();
    const told: (readonly number[])[] = [];
    const result = await intakeWebhookBatch(
      { db: handle.db, now: () => now, logger, notify: (portalIds) => told.push(portalIds) },
      [event(1), event(2, { portalId: 777 }), event(3, { eventId: 'x' })],
    );
    expect(result).toEqual({ stored: 2, duplicates: 0, rejected: 1, portalIds: [555, 777] });
    expect(told).toEqual([[555, 777]]);
    await expect(intakeWebhookBatch({ db: handle.db, now: () => now, logger }, 'nope')).rejects.toMatchObject(
      {
        code: 'VALIDATION_FAILED',
      },
    );
  });
});
