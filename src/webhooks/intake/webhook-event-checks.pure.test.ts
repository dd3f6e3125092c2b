import { describe, expect, it } from 'vitest';

import {
  checkWebhookEvent,
  maxRejectedPayloadChars,
  snapshotForRejection,
  toStorableText,
} from './webhook-event-checks.pure.ts';

const receivedAt = new Date('2026-11-24T12:00:00.000Z');

function event(overrides: Record<string, unknown> = {}) {
  return {
    eventId: 1,
    portalId: 555,
    occurredAt: receivedAt.getTime() - 1_000,
    subscriptionType: 'company.propertyChange',
    objectId: 123,
    ...overrides,
  };
}

describe('checkWebhookEvent', () => {
  it('when an event is valid, then it is accepted with its ids as text and every other field kept', () => {
    const verdict = checkWebhookEvent(
      event({ propertyValue: 'Ünïcødé 🎉', extra: { nested: [1] } }),
      receivedAt,
    );

    expect(verdict).toEqual({
      isAccepted: true,
      event: expect.objectContaining({ eventId: '1', objectId: '123', propertyValue: 'Ünïcødé 🎉' }),
    });
  });

  it.each([
    ['2000-01-01T00:00:00.000Z exactly', Date.UTC(2000, 0, 1), true],
    ['a millisecond before 2000', Date.UTC(2000, 0, 1) - 1, false],
    ['a day after receipt exactly', receivedAt.getTime() + 86_400_000, true],
    ['a day and a millisecond after receipt', receivedAt.getTime() + 86_400_001, false],
    ['a fraction of a millisecond', receivedAt.getTime() - 0.5, false],
    ['a string', String(receivedAt.getTime()), false],
  ])('when occurredAt is %s, then the event is accepted: %s', (_label, occurredAt, isAccepted) => {
    expect(checkWebhookEvent(event({ occurredAt }), receivedAt).isAccepted).toBe(isAccepted);
  });

  it.each([
    ['32 digits', '1'.repeat(32), true],
    ['33 digits', '1'.repeat(33), false],
    ['a negative number', -1, false],
    ['an unsafe integer', 2 ** 53, false],
    ['an empty string', '', false],
  ])('when eventId is %s, then the event is accepted: %s', (_label, eventId, isAccepted) => {
    expect(checkWebhookEvent(event({ eventId }), receivedAt).isAccepted).toBe(isAccepted);
  });

  it('when an event is rejected, then only ids that were themselves valid are kept with the reason', () => {
    expect(checkWebhookEvent(event({ eventId: 'x1', occurredAt: 'soon' }), receivedAt)).toMatchObject({
      isAccepted: false,
      portalId: 555,
      eventId: null,
      reason: expect.stringMatching(/^eventId: .*; occurredAt: /),
    });
  });

  it('when a key is very long and unstorable, then the reason quotes a short, escaped piece of it', () => {
    const verdict = checkWebhookEvent(event({ [`${'k'.repeat(500)}\u0000`]: 1 }), receivedAt);

    expect(verdict.isAccepted).toBe(false);
    if (verdict.isAccepted) return;
    expect(verdict.reason).toBe(`${'k'.repeat(40)}…: key contains a NUL character`);
  });
});

describe('snapshotForRejection', () => {
  it('when the event holds NUL and lone surrogates, then the snapshot is JSON with them escaped', () => {
    const snapshot = snapshotForRejection({ a: 'x\u0000y', b: '\ud800', c: '🎉' });

    expect(snapshot).toBe('{"a":"x\\u0000y","b":"\\ud800","c":"🎉"}');
    expect(JSON.parse(snapshot)).toEqual({ a: 'x\u0000y', b: '\ud800', c: '🎉' });
  });

  it('when the event is nested far past the bound, then deeper levels are left out (no stack overflow)', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };

    const snapshot = snapshotForRejection(deep);

    expect(snapshot).toContain('"[deeper levels left out]"');
    expect(snapshot.split('{').length - 1).toBe(32);
  });

  it('when the event is huge, then the snapshot is cut to the bound without splitting an emoji', () => {
    const snapshot = snapshotForRejection({
      text: `${'x'.repeat(maxRejectedPayloadChars - 10)}${'🎉'.repeat(50)}`,
    });

    expect(snapshot.endsWith('…[truncated]')).toBe(true);
    expect(snapshot.length).toBeLessThanOrEqual(maxRejectedPayloadChars + '…[truncated]'.length);
    expect(snapshot.isWellFormed()).toBe(true);
  });
});

describe('toStorableText', () => {
  it('when text holds NUL or lone surrogates, then they become escapes and pairs are never split', () => {
    expect(toStorableText('a\u0000b\udc00c🎉', 100)).toBe('a\\u0000b\\udc00c🎉');
    expect(toStorableText('ab🎉', 3)).toBe('ab');
  });
});
