import { describe, expect, it } from 'vitest';

import { createInMemoryRateLimiter } from './in-memory-rate-limiter.ts';
import { defaultRateLimits, effectiveLimits, type CallKind } from './rate-limiter.ts';
import { createVirtualClock } from './testing/test-kit.ts';

/** The most grants inside any window of `windowMs` (a grant at t leaves the window at t + windowMs). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[first] ?? 0) <= (sorted[last] ?? 0) - windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

async function grantTimes(kinds: readonly CallKind[], limits = defaultRateLimits) {
  const clock = createVirtualClock(0);
  const limiter = createInMemoryRateLimiter(limits, clock);
  const granted: { kind: CallKind; at: number }[] = [];
  await Promise.all(
    kinds.map(async (kind) => {
      const release = await limiter.acquire(kind);
      granted.push({ kind, at: clock.now() });
      release();
    }),
  );
  return { granted, clock, limiter };
}

describe('in-memory rate limiter', () => {
  it('when the defaults are used, then it allows 95 calls per 10 s and 4 searches per second', () => {
    expect(effectiveLimits(defaultRateLimits)).toEqual({
      windowMs: 10_000,
      maxCalls: 95,
      searchWindowMs: 1_000,
      maxSearches: 4,
    });
  });

  it('when 400 calls arrive at once, then no rolling 10 s window holds more than 95 and none waits needlessly', async () => {
    const { granted } = await grantTimes(Array.from({ length: 400 }, () => 'standard' as const));
    const times = granted.map((g) => g.at);
    expect(granted).toHaveLength(400);
    expect(busiestWindow(times, 10_000)).toBe(95);
    // 400 calls need 5 windows: the last batch starts at 40 s, not later.
    expect(Math.max(...times)).toBe(40_000);
  });

  it('when a portal with a raised limit (190) is paced, then its window is sized from that limit', async () => {
    const limits = { ...defaultRateLimits, callsPer10Seconds: 190 };
    const { granted } = await grantTimes(
      Array.from({ length: 500 }, () => 'standard' as const),
      limits,
    );
    expect(
      busiestWindow(
        granted.map((g) => g.at),
        10_000,
      ),
    ).toBe(180);
  });

  it('when 40 searches arrive at once, then no rolling second holds more than 4 (HubSpot allows 5)', async () => {
    const { granted } = await grantTimes(Array.from({ length: 40 }, () => 'search' as const));
    expect(
      busiestWindow(
        granted.map((g) => g.at),
        1_000,
      ),
    ).toBe(4);
    expect(
      busiestWindow(
        granted.map((g) => g.at),
        10_000,
      ),
    ).toBeLessThanOrEqual(95);
  });

  it('when searches and reads mix, then searches count toward the 10 s window too', async () => {
    const kinds: CallKind[] = [
      ...Array.from({ length: 30 }, () => 'search' as const),
      ...Array.from({ length: 200 }, () => 'standard' as const),
    ];
    const { granted } = await grantTimes(kinds);
    expect(
      busiestWindow(
        granted.map((g) => g.at),
        10_000,
      ),
    ).toBeLessThanOrEqual(95);
    const searches = granted.filter((g) => g.kind === 'search').map((g) => g.at);
    expect(busiestWindow(searches, 1_000)).toBeLessThanOrEqual(4);
  });

  it('when searches queue up, then plain reads are not held behind them', async () => {
    const clock = createVirtualClock(0);
    const limiter = createInMemoryRateLimiter(defaultRateLimits, clock);
    const searches = Array.from({ length: 20 }, async () => {
      (await limiter.acquire('search'))();
    });
    (await limiter.acquire('standard'))();
    expect(clock.now()).toBe(0);
    await Promise.all(searches);
  });

  it('when paused after a 429, then no call starts before the pause ends', async () => {
    const clock = createVirtualClock(0);
    const limiter = createInMemoryRateLimiter(defaultRateLimits, clock);
    (await limiter.acquire('standard'))();
    await limiter.pause(2_500, 'all');
    (await limiter.acquire('standard'))();
    expect(clock.now()).toBe(2_500);
  });

  it('when only searches are paused, then reads go on', async () => {
    const clock = createVirtualClock(0);
    const limiter = createInMemoryRateLimiter(defaultRateLimits, clock);
    await limiter.pause(1_000, 'search');
    (await limiter.acquire('standard'))();
    expect(clock.now()).toBe(0);
    (await limiter.acquire('search'))();
    expect(clock.now()).toBe(1_000);
  });

  it('when calls are slow to answer, then their slots free 10 s after the answer, not after the start', async () => {
    const clock = createVirtualClock(0);
    const limiter = createInMemoryRateLimiter(defaultRateLimits, clock);
    const first = await Promise.all(Array.from({ length: 95 }, () => limiter.acquire('standard')));
    await clock.sleep(300);
    for (const release of first) release();
    // The window is full of calls that ended at 300 ms: the next may only start at 10,300 ms.
    (await limiter.acquire('standard'))();
    expect(clock.now()).toBe(10_300);
  });

  it('when every slot is still in flight, then nothing new starts until one has ended and aged out', async () => {
    const clock = createVirtualClock(0);
    const limiter = createInMemoryRateLimiter(
      { ...defaultRateLimits, callsPer10Seconds: 2, safetyFactor: 1 },
      clock,
    );
    const held = [await limiter.acquire('standard'), await limiter.acquire('standard')];
    let thirdStartedAt: number | undefined;
    const third = limiter.acquire('standard').then((release) => {
      thirdStartedAt = clock.now();
      release();
    });
    await clock.sleep(4_000);
    held[0]?.();
    await third;
    held[1]?.();
    expect(thirdStartedAt).toBe(14_000);
  });
});
