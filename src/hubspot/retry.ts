import { isAppError } from '../shared/errors/app-error.ts';
import { HubSpotError, HubSpotRateLimitedError, HubSpotUnavailableError } from './hubspot-errors.ts';
import { toHubSpotError } from './to-hubspot-error.ts';

export interface RetryOptions {
  /** Total tries, the first included. */
  maxAttempts: number;
  /** First backoff step for 5xx and network failures; doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** First wait for a TEN_SECONDLY_ROLLING 429 without Retry-After; doubles per attempt up to maxDelayMs. */
  rollingLimitDelayMs: number;
  /** Wait for a SECONDLY (search) 429 without Retry-After. */
  secondlyLimitDelayMs: number;
  /** A Retry-After longer than this is not waited out in-call; the 429 goes to the caller to reschedule. */
  maxRetryAfterMs: number;
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
  maxRetryAfterMs: 60_000,
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  random: Math.random,
  now: Date.now,
};

/** "Equal jitter": half the exponential step fixed, half random, so retries spread out but never bunch at 0. */
export function backoffDelayMs(attempt: number, firstStepMs: number, options: RetryOptions): number {
  const step = Math.min(options.maxDelayMs, firstStepMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * options.random());
}

function rateLimitDelayMs(error: HubSpotRateLimitedError, attempt: number, options: RetryOptions): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  if (error.policyName === 'SECONDLY') return options.secondlyLimitDelayMs;
  // A 10-second window frees up within 10 s at the latest: 1 s, 2 s, 4 s, 8 s, 10 s.
  return backoffDelayMs(attempt, options.rollingLimitDelayMs, options);
}

/** How long to wait before the next try, or undefined when the error is final. */
function retryDelayMs(
  raw: unknown,
  error: HubSpotError,
  attempt: number,
  options: RetryOptions,
): number | undefined {
  if (error instanceof HubSpotRateLimitedError) {
    if (error.isDaily || (error.retryAfterMs ?? 0) > options.maxRetryAfterMs) return undefined;
    return rateLimitDelayMs(error, attempt, options);
  }
  // An already-typed error (e.g. a token refresh that did its own retries) is final here.
  if (error instanceof HubSpotUnavailableError && !isAppError(raw)) {
    return backoffDelayMs(attempt, options.baseDelayMs, options);
  }
  return undefined;
}

/**
 * Runs `operation` until it succeeds or fails for good: non-daily 429s wait (Retry-After, else the policy's
 * delay), 5xx and network failures back off exponentially with jitter, everything else (DAILY 429, 401,
 * 403, 404, other 4xx) throws at once. Every failure leaves as a typed HubSpotError.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = defaultRetryOptions,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (raw) {
      // Our own non-HubSpot errors (e.g. credentials that cannot be read) keep their code and are final.
      if (isAppError(raw) && !(raw instanceof HubSpotError)) throw raw;
      const secrets = hooks.secrets?.() ?? [];
      const error = toHubSpotError(raw, { secrets, now: options.now });
      const delayMs = retryDelayMs(raw, error, attempt, options);
      if (delayMs === undefined || attempt >= options.maxAttempts) throw error;
      hooks.onRetry?.({ attempt, delayMs, error });
      if (error instanceof HubSpotRateLimitedError) await hooks.onRateLimited?.(delayMs, error);
      await options.sleep(delayMs);
    }
  }
}
