import { describe, expect, it } from 'vitest';

import { checkState, issueState } from './oauth-state.ts';

const key = Buffer.alloc(32, 3);
const t0 = 1_800_000_000_000;

describe('OAuth state', () => {
  it('when a state Harbor issued comes back in time, then it checks out with its nonce', () => {
    const state = issueState(key, t0, 'nonce-1');
    expect(checkState(key, state, t0 + 60_000)).toEqual({ ok: true, nonce: 'nonce-1' });
  });

  it('when the state was signed with another key or edited, then it is refused', () => {
    const state = issueState(key, t0, 'nonce-1');
    expect(checkState(Buffer.alloc(32, 4), state, t0).ok).toBe(false);
    expect(checkState(key, state.replace('nonce-1', 'nonce-2'), t0).ok).toBe(false);
  });

  it('when more than ten minutes have passed, then the state has expired', () => {
    const state = issueState(key, t0, 'n');
    expect(checkState(key, state, t0 + 10 * 60_000)).toEqual({ ok: true, nonce: 'n' });
    expect(checkState(key, state, t0 + 10 * 60_000 + 1)).toEqual({
      ok: false,
      reason: 'state has expired; start the install again',
    });
  });

  it('when the state is garbage, then it is malformed', () => {
    expect(checkState(key, 'abc', t0)).toEqual({ ok: false, reason: 'state is malformed' });
  });
});
