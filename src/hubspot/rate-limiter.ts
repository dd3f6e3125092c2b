/** Search calls have their own per-second limit on top of the 10-second window every call counts toward. */
export type CallKind = 'standard' | 'search';

/** Marks the call finished: from then on it ages out of the windows. */
export type ReleaseSlot = () => void;

/**
 * Paces one portal's HubSpot calls. The in-memory version serves one process; a PostgreSQL-backed one can
 * implement the same two methods to share the budget across instances.
 *
 * A call holds its slot from the grant until its answer, and only then starts ageing out of the window.
 * HubSpot counts a call when it arrives, which is somewhere in between; counting from the grant alone lets a
 * slow first burst (connection setup, TLS) overlap the next window on HubSpot's side and earn 429s.
 */
export interface RateLimiter {
  /** Resolves when one call of this kind may start; call the returned function when its answer is in. */
  acquire(kind: CallKind): Promise<ReleaseSlot>;
  /** Holds back calls for `ms` (after a 429 HubSpot sent anyway): every kind, or only searches. */
  pause(ms: number, scope: 'all' | 'search'): Promise<void>;
}

/** Time source, injectable so tests can run the limiter and retries on a virtual clock. */
export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
};

export interface RateLimits {
  /** HubSpot's burst limit for the app in this account: 100 (Free/Starter, default), 110, 190 or 250. */
  callsPer10Seconds: number;
  /** HubSpot's search limit per account: 5 per second. */
  searchesPerSecond: number;
  /** Share of each limit we allow ourselves, leaving room for clock skew, latency and other apps. */
  safetyFactor: number;
}

export const defaultRateLimits: RateLimits = {
  callsPer10Seconds: 100,
  searchesPerSecond: 5,
  safetyFactor: 0.95,
};

export interface EffectiveLimits {
  windowMs: number;
  maxCalls: number;
  searchWindowMs: number;
  maxSearches: number;
}

/**
 * 100 / 10 s at 0.95 → 95 calls per rolling 10 s; 5 searches / s at 0.95 → 4 per rolling second. The margin can
 * stay small because a call holds its slot until its answer arrives (see in-memory-rate-limiter.ts).
 */
export function effectiveLimits(limits: RateLimits): EffectiveLimits {
  return {
    windowMs: 10_000,
    maxCalls: Math.max(1, Math.floor(limits.callsPer10Seconds * limits.safetyFactor)),
    searchWindowMs: 1_000,
    maxSearches: Math.max(1, Math.floor(limits.searchesPerSecond * limits.safetyFactor)),
  };
}
