import { describe, expect, it } from 'vitest';

import { DEFAULT_BLOCK_MS, interpretActionAnswer, parseIsoDuration } from './action-request.pure.ts';
import { MissingProfileVariableError, resolveProfileVariables } from './profile-variables.pure.ts';

describe('what HubSpot makes of an action’s answer', () => {
  it.each([
    [
      { status: 200, body: {} },
      { kind: 'done', state: 'succeeded' },
    ],
    [
      { status: 204, body: undefined },
      { kind: 'done', state: 'succeeded' },
    ],
    [
      { status: 200, body: { outputFields: { hs_execution_state: 'FAIL_CONTINUE' } } },
      { kind: 'done', state: 'failed' },
    ],
    [
      { status: 404, body: {} },
      { kind: 'done', state: 'failed', reason: 'HTTP 404' },
    ],
    [
      { status: 502, body: {} },
      { kind: 'retry', reason: 'HTTP 502' },
    ],
    [
      { status: 429, body: {}, retryAfter: '750' },
      { kind: 'retry', retryAfterMs: 750 },
    ],
    [
      { status: 200, body: { outputFields: { hs_execution_state: 'ASYNC' } } },
      { kind: 'blocked', expiresInMs: DEFAULT_BLOCK_MS },
    ],
  ])('answer %o → %o', (answer, expected) => {
    expect(interpretActionAnswer(answer)).toMatchObject(expected);
  });

  it('when outputs are numbers or booleans, then later steps see them as text', () => {
    expect(
      interpretActionAnswer({
        status: 200,
        body: { outputFields: { score: 41, renewing: true, skip: null } },
      }),
    ).toEqual({ kind: 'done', state: 'succeeded', outputFields: { score: '41', renewing: 'true' } });
  });
});

describe('ISO-8601 durations in hs_expiration_duration', () => {
  it.each([
    ['P1WT1H', 7 * 86_400_000 + 3_600_000],
    ['P2D', 2 * 86_400_000],
    ['PT30M', 1_800_000],
    ['PT1.5S', 1_500],
    ['P1M', 30 * 86_400_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '1 week', 'P1H'])('%o is not a duration', (text) => {
    expect(parseIsoDuration(text)).toBeUndefined();
  });

  it('when the duration is not one, then the BLOCK waits the default week', () => {
    const outcome = interpretActionAnswer({
      status: 200,
      body: { outputFields: { hs_execution_state: 'BLOCK', hs_expiration_duration: 'soon' } },
    });
    expect(outcome).toMatchObject({ kind: 'blocked', expiresInMs: DEFAULT_BLOCK_MS });
  });
});

describe('profile variables in hsmeta files', () => {
  it('when a string is exactly one variable, then it keeps the variable’s type; otherwise it is text', () => {
    expect(
      resolveProfileVariables(
        { url: '${BASE}/a?port=${PORT}', port: '${PORT}', on: ['${ON}'], n: 3 },
        { BASE: 'https://h.example.com', PORT: 8443, ON: true },
      ),
    ).toEqual({ url: 'https://h.example.com/a?port=8443', port: 8443, on: [true], n: 3 });
  });

  it('when a variable has no value, then resolving fails naming it', () => {
    expect(() => resolveProfileVariables({ url: '${MISSING}/x' }, {})).toThrow(MissingProfileVariableError);
  });
});
