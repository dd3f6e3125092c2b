import type { Clock } from '../rate-limiter.ts';

/** A clock whose sleeps return at once and move its time on instead; `sleptMs` is what was waited in all. */
export interface SkippingClock extends Clock {
  sleptMs(): number;
  sleeps(): readonly number[];
}

/**
 * For tests of code that waits (rate-limit pauses, backoff): every wait is recorded and skipped, so a test
 * sees the waits HubSpot asked for without spending them. Runs at the real pace otherwise, so dates stay plausible.
 */
export function createSkippingClock(): SkippingClock {
  let offsetMs = 0;
  const sleeps: number[] = [];
  return {
    now: () => Date.now() + offsetMs,
    sleep: (ms) => {
      sleeps.push(ms);
      offsetMs += Math.max(0, ms);
      // A macrotask, so a waiting loop still lets sockets and timers run.
      return new Promise((resolve) => setImmediate(resolve));
    },
    sleptMs: () => offsetMs,
    sleeps: () => sleeps,
  };
}
