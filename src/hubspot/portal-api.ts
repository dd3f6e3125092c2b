import type { Client } from '@hubspot/api-client';

import { AppError, isAppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { CallKind, RateLimiter } from './rate-limiter.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { withTimeout } from './timeout.ts';
import type { TokenSource } from './token-source.ts';

/** One portal's door to HubSpot: every gateway function goes through `call`. */
export interface PortalApi {
  readonly portalId: number;
  /** Runs one SDK request: token, rate limit, per-request timeout, retries, typed errors. */
  call<T>(kind: CallKind, request: (client: Client) => Promise<T>, options?: CallOptions): Promise<T>;
  /** HTTP requests sent so far for this portal, retries included: what HubSpot counts against the limits. */
  callCount(): number;
}

export interface CallOptions {
  /**
   * false for a write that is not idempotent (a create): a 5xx, dropped connection or timeout may have been
   * acted on, so the call fails at once instead of being sent again; the caller looks before it retries.
   * 429s are still waited out: HubSpot refuses those before acting. Default true.
   */
  retryUnknownOutcome?: boolean;
}

export interface PortalApiOptions {
  portalId: number;
  tokenSource: TokenSource;
  limiter: RateLimiter;
  clientFor: (accessToken: string) => Client;
  retry: RetryOptions;
  timeoutMs: number;
  logger: Logger;
}

export function createPortalApi(options: PortalApiOptions): PortalApi {
  const { portalId, tokenSource, limiter, clientFor, retry, timeoutMs } = options;
  const logger = options.logger.child({ portalId });

  async function currentToken(): Promise<string> {
    try {
      return await tokenSource.accessToken();
    } catch (error) {
      // A store or decryption failure is not HubSpot's: report it as such instead of retrying it as a network error.
      if (isAppError(error)) throw error;
      throw new AppError('INTERNAL', 'Could not read the portal’s HubSpot credentials', {
        cause: error,
        details: { portalId },
      });
    }
  }

  let calls = 0;
  return {
    portalId,
    callCount: () => calls,
    call(kind, request, callOptions) {
      let token: string | undefined;
      const retryOptions = callOptions?.retryUnknownOutcome === false ? { ...retry, maxAttempts: 1 } : retry;
      return withRetry(
        async () => {
          // Asked on every attempt, so a retry after a long wait picks up a refreshed token.
          token = await currentToken();
          const release = await limiter.acquire(kind);
          calls += 1;
          try {
            return await withTimeout(request(clientFor(token)), timeoutMs);
          } finally {
            release();
          }
        },
        retryOptions,
        {
          secrets: () => (token === undefined ? [] : [token]),
          onRateLimited: (waitMs, error) =>
            limiter.pause(waitMs, error.policyName === 'SECONDLY' ? 'search' : 'all'),
          onRetry: ({ attempt, delayMs, error }) => {
            logger.warn(
              { kind, attempt, delayMs, code: error.code, details: error.details },
              `HubSpot call failed (${error.message}); retrying in ${delayMs} ms`,
            );
          },
        },
      );
    },
  };
}
