import { HubSpotUnauthorizedError } from './hubspot-errors.ts';
import type { OAuthTokens } from './oauth-tokens.ts';
import type { LoadCredentials, SaveTokens, StoredCredentials, TokenSource } from './token-source.ts';

export interface OAuthTokenSourceOptions {
  portalId: number;
  load: LoadCredentials;
  save: SaveTokens;
  /** The refresh_token grant (refreshAccessToken bound to the app's client id and secret). */
  refresh: (refreshToken: string) => Promise<OAuthTokens>;
  now?: () => number;
  /** Refresh when less than this is left; HubSpot access tokens live 30 minutes. */
  refreshMarginMs?: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

function usable(credentials: StoredCredentials | undefined, portalId: number): StoredCredentials {
  if (credentials?.isActive !== true) {
    throw new HubSpotUnauthorizedError(`Portal ${portalId} is not installed; it must install Harbor again`, {
      extra: { portalId },
    });
  }
  return credentials;
}

/**
 * Stored OAuth tokens, refreshed before they expire (HubSpot says a 401 is not a reliable "refresh now"
 * signal). Concurrent callers share one refresh. The store is re-read first, so a token another instance
 * has just refreshed is used instead of refreshing again. A row stored as static auth is served as is.
 */
export function createOAuthTokenSource(options: OAuthTokenSourceOptions): TokenSource {
  const { portalId, load, save, refresh } = options;
  const now = options.now ?? Date.now;
  const marginMs = options.refreshMarginMs ?? 5 * 60_000;
  let cached: CachedToken | undefined;
  let renewal: Promise<string> | undefined;

  const isFresh = (token: CachedToken | undefined): token is CachedToken =>
    token !== undefined && token.expiresAt - now() > marginMs;

  async function renew(): Promise<string> {
    const credentials = usable(await load(portalId), portalId);
    const stored =
      credentials.accessToken === null
        ? undefined
        : {
            value: credentials.accessToken,
            expiresAt:
              credentials.authKind === 'static' ? Infinity : (credentials.tokenExpiresAt?.getTime() ?? 0),
          };
    if (isFresh(stored)) {
      cached = stored;
      return stored.value;
    }
    if (credentials.refreshToken === null) {
      throw new HubSpotUnauthorizedError(
        `Portal ${portalId} has no refresh token; it must install Harbor again`,
        {
          extra: { portalId },
        },
      );
    }
    const tokens = await refresh(credentials.refreshToken);
    // Use the new token in this process even if saving fails; the save error still surfaces to the caller.
    cached = { value: tokens.accessToken, expiresAt: tokens.expiresAt.getTime() };
    await save(portalId, {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.expiresAt,
    });
    return tokens.accessToken;
  }

  return {
    accessToken() {
      if (isFresh(cached)) return Promise.resolve(cached.value);
      renewal ??= renew().finally(() => {
        renewal = undefined;
      });
      return renewal;
    },
  };
}
