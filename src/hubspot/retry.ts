import { isAppError } from '../shared/errors/app-error.ts';
import { HubSpotError, HubSpotRateLimitedError, HubSpotUnavailableError } from './hubspot-errors.ts';
import { toHubSpotError } from './to-hubspot-error.ts';

export interface RetryOptions {
  /** Tries for 5xx and network failures, the first included. Rate-limit waits do not count. */
  maxAttempts: number;
  /** First backoff step for 5xx and network failures; doubles per failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** First wait for a TEN_SECONDLY_ROLLING 429 without Retry-After; doubles per 429, capped at the window. */
  rollingLimitDelayMs: number;
  /** Wait for a SECONDLY (search) 429 without Retry-After. */
  secondlyLimitDelayMs: number;
  /**
   * Total time one call may spend waiting out non-daily 429s. Far beyond any window HubSpot has (10 s): it
   * only ends a call whose limit never frees (another app using up the budget), so a run cannot hold its
   * portal's lease for ever.
   */
  maxRateLimitWaitMs: number;
  sleep: (ms: number) => Promise<void>;
  /** [0, 1), for jitter. */
  random: () => number;
  now: () => number;
}

export interface RetryHooks {
  /** Secrets to keep out of error messages (the token the call used). */
  secrets?: () => readonly string[];
  /** A non-daily 429 arrived; lets the portal's limiter hold every caller back, not just this one. */
  onRateLimited?: (waitMs: number, error: HubSpotRateLimitedError) => Promise<void>;
  /** Called before each wait, for logging. */
  onRetry?: (info: { attempt: number; delayMs: number; error: HubSpotError }) => void;
}

export const defaultRetryOptions: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  rollingLimitDelayMs: 1_000,
  secondlyLimitDelayMs: 1_000,
  maxRateLimitWaitMs: 15 * 60_000,
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  random: Math.random,
  now: Date.now,
};

/** HubSpot's rolling window when its 429 does not say (X-HubSpot-RateLimit-Interval-Milliseconds). */
const defaultWindowMs = 10_000;

/** "Equal jitter": half the exponential step fixed, half random, so retries spread out but never bunch at 0. */
export function backoffDelayMs(
  attempt: number,
  firstStepMs: number,
  options: RetryOptions,
  capMs = options.maxDelayMs,
): number {
  const step = Math.min(capMs, firstStepMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * options.random());
}

/**
 * Retry-After when HubSpot sends it; else 1 s for the search limit; else the rolling window: 1 s, 2 s, 4 s,
 * 8 s, then the whole window (a call that fell out of it frees a slot within one window at the latest).
 */
function rateLimitDelayMs(error: HubSpotRateLimitedError, waits: number, options: RetryOptions): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  if (error.policyName === 'SECONDLY') return options.secondlyLimitDelayMs;
  return backoffDelayMs(waits, options.rollingLimitDelayMs, options, error.windowMs ?? defaultWindowMs);
}

/**
 * Runs `operation` until it succeeds or fails for good. Non-daily 429s slow the call down and never fail
 * it: it waits as HubSpot says (Retry-After, else the window) for as long as the limit needs, up to
 * `maxRateLimitWaitMs` in all. 5xx and network failures back off exponentially with jitter, `maxAttempts`
 * tries at most. Everything else (DAILY 429, 401, 403, 404, other 4xx) throws at once. Every failure leaves
 * as a typed HubSpotError.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = defaultRetryOptions,
  hooks: RetryHooks = {},
): Promise<T> {
  let failures = 0;
  let rateLimitWaits = 0;
  let rateLimitWaitedMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (raw) {
      // Our own non-HubSpot errors (e.g. credentials that cannot be read) keep their code and are final.
      if (isAppError(raw) && !(raw instanceof HubSpotError)) throw raw;
      const error = toHubSpotError(raw, { secrets: hooks.secrets?.() ?? [], now: options.now });
      let delayMs: number;
      if (error instanceof HubSpotRateLimitedError) {
        if (error.isDaily) throw error;
        rateLimitWaits += 1;
        delayMs = rateLimitDelayMs(error, rateLimitWaits, options);
        if (rateLimitWaitedMs + delayMs > options.maxRateLimitWaitMs) throw error;
        rateLimitWaitedMs += delayMs;
        hooks.onRetry?.({ attempt, delayMs, error });
        await hooks.onRateLimited?.(delayMs, error);
      } else {
        // An already-typed error (e.g. a token refresh that did its own retries) is final here.
        const isRetryable = error instanceof HubSpotUnavailableError && !isAppError(raw);
        failures += 1;
        if (!isRetryable || failures >= options.maxAttempts) throw error;
        delayMs = backoffDelayMs(failures, options.baseDelayMs, options);
        hooks.onRetry?.({ attempt, delayMs, error });
      }
      await options.sleep(delayMs);
    }
  }
}
