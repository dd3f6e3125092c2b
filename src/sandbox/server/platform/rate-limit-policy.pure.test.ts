import { describe, expect, it } from 'vitest';

import { RateLimitPolicy } from './rate-limit-policy.pure.ts';

const call = (now: number, isSearch = false) => ({ appPortalKey: 'app:1', portalKey: '1', isSearch, now });

describe('RateLimitPolicy', () => {
  it('when the 10-second window is full, then the next call is refused until the oldest call leaves it', () => {
    const policy = new RateLimitPolicy({ perTenSeconds: 3, searchPerSecond: 5 });
    expect(policy.check(call(0)).allowed).toBe(true);
    expect(policy.check(call(4_000)).allowed).toBe(true);
    const third = policy.check(call(5_000));
    expect(third).toEqual({ allowed: true, headers: { max: 3, remaining: 0, intervalMs: 10_000 } });
    const refused = policy.check(call(9_000));
    expect(refused).toMatchObject({ allowed: false, policy: 'TEN_SECONDLY_ROLLING', retryAfterSeconds: 1 });
    expect(policy.check(call(10_001)).allowed).toBe(true);
    expect(policy.check(call(10_002))).toMatchObject({ allowed: false, retryAfterSeconds: 4 });
  });

  it('when 5 searches ran within a second, then the 6th gets SECONDLY and burst calls are unaffected', () => {
    const policy = new RateLimitPolicy({ perTenSeconds: 100, searchPerSecond: 5 });
    for (let index = 0; index < 5; index += 1)
      expect(policy.check(call(100 + index, true)).allowed).toBe(true);
    expect(policy.check(call(500, true))).toMatchObject({ allowed: false, policy: 'SECONDLY' });
    expect(policy.check(call(500))).toMatchObject({ allowed: true, headers: { remaining: 99 } });
    expect(policy.check(call(1_101, true)).allowed).toBe(true);
  });

  it('when the daily limit is used up, then calls get DAILY until the next UTC day', () => {
    const policy = new RateLimitPolicy({ perTenSeconds: 100, searchPerSecond: 5, daily: 2 });
    const dayEnd = 86_400_000;
    expect(policy.check(call(dayEnd - 60_000))).toMatchObject({ headers: { daily: 2, dailyRemaining: 1 } });
    expect(policy.check(call(dayEnd - 50_000, true)).allowed).toBe(true);
    expect(policy.check(call(dayEnd - 40_000))).toMatchObject({
      allowed: false,
      policy: 'DAILY',
      retryAfterSeconds: 40,
    });
    expect(policy.check(call(dayEnd + 1))).toMatchObject({ allowed: true, headers: { dailyRemaining: 1 } });
  });

  it('when two portals share an app, then each portal has its own window', () => {
    const policy = new RateLimitPolicy({ perTenSeconds: 1, searchPerSecond: 5 });
    expect(policy.check(call(0)).allowed).toBe(true);
    expect(policy.check({ appPortalKey: 'app:2', portalKey: '2', isSearch: false, now: 0 }).allowed).toBe(
      true,
    );
    expect(policy.check(call(1)).allowed).toBe(false);
  });
});
