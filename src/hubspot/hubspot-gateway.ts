import { refusePriceWrites } from '../handoffs/price-write-guard.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import { createClientCache } from './client-factory.ts';
import { HubSpotUnauthorizedError } from './hubspot-errors.ts';
import { createInMemoryRateLimiter } from './in-memory-rate-limiter.ts';
import { createOAuthTokenSource } from './oauth-token-source.ts';
import { refreshAccessToken } from './oauth-tokens.ts';
import { createPortalApi } from './portal-api.ts';
import { bindPortalGateway, type PortalGateway } from './portal-gateway.ts';
import { createRateLimiterRegistry } from './rate-limiter-registry.ts';
import {
  defaultRateLimits,
  systemClock,
  type Clock,
  type RateLimiter,
  type RateLimits,
} from './rate-limiter.ts';
import { defaultRetryOptions, type RetryOptions } from './retry.ts';
import type { LoadCredentials, SaveTokens, TokenSource } from './token-source.ts';

export interface HubSpotGatewayOptions {
  /** HUBSPOT_API_BASE_URL: HubSpot or the sandbox. */
  basePath: string;
  logger: Logger;
  /** Where each portal's token comes from; see createStoredTokenSources. */
  tokenSourceFor: (portalId: number) => TokenSource;
  rateLimits?: Partial<RateLimits>;
  /** Replaces the in-memory limiter (e.g. a PostgreSQL-backed one shared by instances). */
  limiterFor?: (portalId: number) => RateLimiter;
  retry?: Partial<RetryOptions>;
  /** Per-request deadline. */
  timeoutMs?: number;
  clock?: Clock;
}

export interface HubSpotGateway {
  /** The portal's gateway; limiter and token source are shared by every caller for that portal. */
  forPortal(portalId: number): PortalGateway;
  /** Drops the portal's cached token and client (after an uninstall); its rate limiter stays. */
  forget(portalId: number): void;
}

export const defaultRequestTimeoutMs = 30_000;

/** Builds the process-wide gateway: one per process, so each portal gets exactly one rate limiter. */
export function createHubSpotGateway(options: HubSpotGatewayOptions): HubSpotGateway {
  const clock = options.clock ?? systemClock;
  const limits = { ...defaultRateLimits, ...options.rateLimits };
  const limiters = createRateLimiterRegistry(
    options.limiterFor ?? (() => createInMemoryRateLimiter(limits, clock)),
  );
  const retry: RetryOptions = {
    ...defaultRetryOptions,
    sleep: clock.sleep,
    now: clock.now,
    ...options.retry,
  };
  const portals = new Map<number, PortalGateway>();

  return {
    forPortal(portalId) {
      let gateway = portals.get(portalId);
      if (gateway === undefined) {
        const api = createPortalApi({
          portalId,
          tokenSource: options.tokenSourceFor(portalId),
          limiter: limiters.forPortal(portalId),
          clientFor: createClientCache(options.basePath),
          retry,
          timeoutMs: options.timeoutMs ?? defaultRequestTimeoutMs,
          logger: options.logger,
        });
        // Harbor never edits prices or deal amounts: such a write is refused before it is sent.
        gateway = refusePriceWrites(bindPortalGateway(api));
        portals.set(portalId, gateway);
      }
      return gateway;
    },
    forget(portalId) {
      portals.delete(portalId);
    },
  };
}

export interface StoredTokenSourcesOptions {
  basePath: string;
  /** e.g. `(portalId) => findPortalCredentials(db, cipher, portalId)`. */
  load: LoadCredentials;
  /** e.g. `(portalId, tokens) => saveRefreshedTokens(db, cipher, portalId, tokens, new Date())`. */
  save: SaveTokens;
  /** Needed to refresh OAuth tokens; static-auth rows work without it. */
  oauthClient?: { clientId: string; clientSecret: string } | undefined;
  /** Called when HubSpot rejects the refresh token (the app was uninstalled or revoked), before the error goes on. */
  onRefreshRejected?: (portalId: number) => Promise<void>;
  now?: () => number;
}

/** Token sources over the portals table (OAuth rows refreshed ahead of expiry, static rows as stored). */
export function createStoredTokenSources(
  options: StoredTokenSourcesOptions,
): (portalId: number) => TokenSource {
  return (portalId) =>
    createOAuthTokenSource({
      portalId,
      load: options.load,
      save: options.save,
      ...(options.now === undefined ? {} : { now: options.now }),
      refresh: (refreshToken) => {
        if (options.oauthClient === undefined) {
          return Promise.reject(
            new AppError(
              'SERVICE_UNAVAILABLE',
              'Refreshing OAuth tokens needs HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET',
            ),
          );
        }
        return refreshAccessToken({ refreshToken, basePath: options.basePath, ...options.oauthClient }).catch(
          async (error: unknown) => {
            if (error instanceof HubSpotUnauthorizedError) await options.onRefreshRejected?.(portalId);
            throw error;
          },
        );
      },
    });
}
