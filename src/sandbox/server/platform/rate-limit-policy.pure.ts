/** HubSpot's 429 policy names, as they appear in `policyName`. */
export type RateLimitPolicyName = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

export const TEN_SECONDS_MS = 10_000;
const ONE_SECOND_MS = 1_000;
const ONE_DAY_MS = 86_400_000;

export interface RateLimitConfig {
  /** Calls per rolling 10 s per app and portal (HubSpot: 100 for a Free/Starter private app). */
  perTenSeconds: number;
  /** Search calls per second per portal (HubSpot: 5). */
  searchPerSecond: number;
  /** Calls per portal per UTC day; undefined = no daily limit. */
  daily?: number | undefined;
}

export interface RateLimitCall {
  /** The burst limit's key: one app in one portal. */
  appPortalKey: string;
  /** The search and daily limits' key: the portal (HubSpot: per account). */
  portalKey: string;
  isSearch: boolean;
  now: number;
}

/** Values for the X-HubSpot-RateLimit-* headers; `daily*` only when a daily limit is set. */
export interface RateLimitHeaderValues {
  max: number;
  remaining: number;
  intervalMs: number;
  daily?: number;
  dailyRemaining?: number;
}

export type RateLimitVerdict =
  | { allowed: true; headers: RateLimitHeaderValues }
  | {
      allowed: false;
      policy: RateLimitPolicyName;
      retryAfterSeconds: number;
      headers: RateLimitHeaderValues;
    };

/**
 * In-memory HubSpot rate limits: a rolling 10-second window, the search API's per-second limit and an optional
 * daily limit (reset at UTC midnight; HubSpot resets at midnight in the account's time zone). Only allowed
 * calls count. Search calls have their own per-second limit and do not use the 10-second window (HubSpot's
 * burst limit excludes the Search API); every call counts toward the daily limit.
 */
export class RateLimitPolicy {
  readonly #config: RateLimitConfig;
  readonly #burst = new Map<string, number[]>();
  readonly #search = new Map<string, number[]>();
  readonly #daily = new Map<string, { day: number; count: number }>();

  constructor(config: RateLimitConfig) {
    this.#config = config;
  }

  get config(): RateLimitConfig {
    return this.#config;
  }

  check(call: RateLimitCall): RateLimitVerdict {
    const burst = recent(this.#burst, call.appPortalKey, call.now - TEN_SECONDS_MS);
    const daily = this.#dailyCounter(call.portalKey, call.now);
    const dailyLimit = this.#config.daily;
    const headersWith = (burstCount: number, dailyCount: number): RateLimitHeaderValues => {
      const headers: RateLimitHeaderValues = {
        max: this.#config.perTenSeconds,
        remaining: Math.max(0, this.#config.perTenSeconds - burstCount),
        intervalMs: TEN_SECONDS_MS,
      };
      if (dailyLimit !== undefined) {
        headers.daily = dailyLimit;
        headers.dailyRemaining = Math.max(0, dailyLimit - dailyCount);
      }
      return headers;
    };
    const current = headersWith(burst.length, daily.count);

    if (dailyLimit !== undefined && daily.count >= dailyLimit) {
      const nextDay = (daily.day + 1) * ONE_DAY_MS;
      return {
        allowed: false,
        policy: 'DAILY',
        retryAfterSeconds: secondsUntil(nextDay, call.now),
        headers: current,
      };
    }
    if (call.isSearch) {
      const search = recent(this.#search, call.portalKey, call.now - ONE_SECOND_MS);
      if (search.length >= this.#config.searchPerSecond) {
        const freeAt = (search[0] ?? call.now) + ONE_SECOND_MS;
        return {
          allowed: false,
          policy: 'SECONDLY',
          retryAfterSeconds: secondsUntil(freeAt, call.now),
          headers: current,
        };
      }
      search.push(call.now);
    } else {
      if (burst.length >= this.#config.perTenSeconds) {
        const freeAt = (burst[0] ?? call.now) + TEN_SECONDS_MS;
        return {
          allowed: false,
          policy: 'TEN_SECONDLY_ROLLING',
          retryAfterSeconds: secondsUntil(freeAt, call.now),
          headers: current,
        };
      }
      burst.push(call.now);
    }
    daily.count += 1;
    return { allowed: true, headers: headersWith(burst.length, daily.count) };
  }

  #dailyCounter(portalKey: string, now: number): { day: number; count: number } {
    const day = Math.floor(now / ONE_DAY_MS);
    let counter = this.#daily.get(portalKey);
    if (counter?.day !== day) {
      counter = { day, count: 0 };
      this.#daily.set(portalKey, counter);
    }
    return counter;
  }
}

/** The key's timestamps still inside the window, oldest first (older ones are dropped in place). */
function recent(windows: Map<string, number[]>, key: string, windowStart: number): number[] {
  let stamps = windows.get(key);
  if (stamps === undefined) {
    stamps = [];
    windows.set(key, stamps);
  }
  let expired = 0;
  while (expired < stamps.length && (stamps[expired] ?? 0) <= windowStart) expired += 1;
  if (expired > 0) stamps.splice(0, expired);
  return stamps;
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / ONE_SECOND_MS));
}
