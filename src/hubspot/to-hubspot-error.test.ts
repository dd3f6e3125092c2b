import { describe, expect, it } from 'vitest';

import {
  HubSpotError,
  HubSpotNotFoundError,
  HubSpotRateLimitedError,
  HubSpotRequestError,
  HubSpotUnauthorizedError,
  HubSpotUnavailableError,
} from './hubspot-errors.ts';
import { HubSpotResponseFailure } from './response-failure.ts';
import { parseRetryAfterMs, rateLimitPolicy, toHubSpotError } from './to-hubspot-error.ts';

/** The SDK's ApiException has this shape: `{ code, body, headers }` plus a message that repeats them. */
function apiException(code: number, body: unknown, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP-Code: ${code}\nBody: ${JSON.stringify(body)}`), {
    code,
    body,
    headers,
  });
}

describe('toHubSpotError', () => {
  it.each([
    [401, HubSpotUnauthorizedError, 'HUBSPOT_UNAUTHORIZED'],
    [403, HubSpotUnauthorizedError, 'HUBSPOT_UNAUTHORIZED'],
    [404, HubSpotNotFoundError, 'HUBSPOT_NOT_FOUND'],
    [500, HubSpotUnavailableError, 'HUBSPOT_UNAVAILABLE'],
    [504, HubSpotUnavailableError, 'HUBSPOT_UNAVAILABLE'],
    [400, HubSpotRequestError, 'HUBSPOT_REJECTED'],
    [409, HubSpotRequestError, 'CONFLICT'],
    [429, HubSpotRateLimitedError, 'HUBSPOT_RATE_LIMITED'],
  ])('when HubSpot answers %i, then it becomes %o with code %s', (status, type, code) => {
    const error = toHubSpotError(apiException(status, { message: 'x', category: 'C' }));
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.hubspotStatus).toBe(status);
  });

  it('when a 429 names its policy only in the message, then the policy is read from it', () => {
    expect(rateLimitPolicy({ message: 'You have reached your ten_secondly_rolling limit.' })).toBe(
      'TEN_SECONDLY_ROLLING',
    );
    expect(rateLimitPolicy({ message: 'You have reached your secondly limit.' })).toBe('SECONDLY');
    expect(rateLimitPolicy({ message: 'You have reached your daily limit.', policyName: 'DAILY' })).toBe(
      'DAILY',
    );
  });

  it('when Retry-After is seconds or an HTTP date, then it becomes milliseconds', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('2', now)).toBe(2_000);
    expect(parseRetryAfterMs('0.5', now)).toBe(500);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3_000);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it('when our captured failure carries a daily 429 with Retry-After, then every field is kept', () => {
    const failure = new HubSpotResponseFailure(
      429,
      {
        status: 'error',
        message: 'You have reached your daily limit.',
        policyName: 'DAILY',
        correlationId: 'abc',
      },
      { 'retry-after': '60' },
    );
    const error = toHubSpotError(failure);
    expect(error).toBeInstanceOf(HubSpotRateLimitedError);
    expect(error).toMatchObject({
      isDaily: true,
      policyName: 'DAILY',
      retryAfterMs: 60_000,
      correlationId: 'abc',
    });
    expect(error.details).toMatchObject({ policyName: 'DAILY', isDaily: true, hubspotStatus: 429 });
  });

  it.each([
    ['node reset', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    [
      'fetch wrapping a refused connection',
      new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }),
      'ECONNREFUSED',
    ],
    [
      'undici socket close',
      new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } }),
      'UND_ERR_SOCKET',
    ],
    [
      'fetch with an unknown cause',
      new TypeError('fetch failed', { cause: new Error('boom') }),
      'ECONNRESET',
    ],
  ])('when the failure is a %s, then it is HubSpotUnavailableError (%s)', (_label, raw, networkCode) => {
    const error = toHubSpotError(raw);
    expect(error).toBeInstanceOf(HubSpotUnavailableError);
    expect(error.details).toMatchObject({ networkCode });
  });

  it('when the secret in use appears in a message, then it is redacted', () => {
    const error = toHubSpotError(apiException(401, { message: 'token abc-secret-123 expired' }), {
      secrets: ['abc-secret-123'],
    });
    expect(error.message).toContain('token [redacted] expired');
  });

  it('when something unexpected is thrown, then it becomes an INTERNAL HubSpotError', () => {
    const error = toHubSpotError(new RangeError('bad'));
    expect(error).toBeInstanceOf(HubSpotError);
    expect(error.code).toBe('INTERNAL');
  });

  it('when an error is already typed, then it passes through unchanged', () => {
    const typed = new HubSpotNotFoundError('gone');
    expect(toHubSpotError(typed)).toBe(typed);
  });
});
