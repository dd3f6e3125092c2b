import { createSdkClient } from './client-factory.ts';
import { HubSpotRequestError, HubSpotUnauthorizedError } from './hubspot-errors.ts';
import { defaultRetryOptions, withRetry, type RetryOptions } from './retry.ts';

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  /** Present only when the token endpoint reports it (v1 does not; use fetchTokenInfo). */
  hubId?: number;
  scopes?: string[];
}

export interface OAuthClientSettings {
  clientId: string;
  clientSecret: string;
  /** HubSpot's API origin or the sandbox's. */
  basePath: string;
  /** Tests shorten the waits. */
  retry?: Partial<RetryOptions>;
  now?: () => number;
}

export interface TokenInfo {
  hubId: number;
  scopes: string[];
  hubDomain?: string;
  appId: number;
  userId?: number;
  /** Seconds left on the token when asked. */
  expiresIn: number;
}

interface RawGrantExtras {
  hub_id?: unknown;
  scopes?: unknown;
  scope?: unknown;
}

function grantExtras(text: string): Pick<OAuthTokens, 'hubId' | 'scopes'> {
  let raw: RawGrantExtras;
  try {
    raw = JSON.parse(text) as RawGrantExtras;
  } catch {
    return {};
  }
  const scopes = Array.isArray(raw.scopes)
    ? raw.scopes.filter((scope): scope is string => typeof scope === 'string')
    : typeof raw.scope === 'string'
      ? raw.scope.split(' ').filter(Boolean)
      : undefined;
  return {
    ...(typeof raw.hub_id === 'number' ? { hubId: raw.hub_id } : {}),
    ...(scopes === undefined ? {} : { scopes }),
  };
}

type Grant =
  | { grantType: 'authorization_code'; code: string; redirectUri: string }
  | { grantType: 'refresh_token'; refreshToken: string };

async function requestTokens(grant: Grant, settings: OAuthClientSettings): Promise<OAuthTokens> {
  const now = settings.now ?? Date.now;
  const secret = grant.grantType === 'authorization_code' ? grant.code : grant.refreshToken;
  const tokensApi = createSdkClient({ basePath: settings.basePath }).oauth.tokensApi;
  const response = await withRetry(
    () =>
      grant.grantType === 'authorization_code'
        ? tokensApi.createWithHttpInfo(
            'authorization_code',
            grant.code,
            grant.redirectUri,
            settings.clientId,
            settings.clientSecret,
          )
        : tokensApi.createWithHttpInfo(
            'refresh_token',
            undefined,
            undefined,
            settings.clientId,
            settings.clientSecret,
            grant.refreshToken,
          ),
    { ...defaultRetryOptions, ...settings.retry },
    { secrets: () => [settings.clientSecret, secret] },
  );
  // The SDK's TokenResponseIF drops fields it does not model (hub_id, scopes), so read them from the raw body.
  const extras = grantExtras(await response.body.text().catch(() => ''));
  return {
    accessToken: response.data.accessToken,
    refreshToken: response.data.refreshToken,
    expiresAt: new Date(now() + response.data.expiresIn * 1000),
    ...extras,
  };
}

/** POST /oauth/v1/token with grant_type=authorization_code: the install flow's code → tokens. */
export function exchangeAuthorizationCode(
  input: { code: string; redirectUri: string } & OAuthClientSettings,
): Promise<OAuthTokens> {
  return requestTokens(
    { grantType: 'authorization_code', code: input.code, redirectUri: input.redirectUri },
    input,
  );
}

/**
 * POST /oauth/v1/token with grant_type=refresh_token. HubSpot answers 400 for a revoked or unknown refresh
 * token; that means the portal must install again, so it surfaces as HubSpotUnauthorizedError.
 */
export async function refreshAccessToken(
  input: { refreshToken: string } & OAuthClientSettings,
): Promise<OAuthTokens> {
  try {
    return await requestTokens({ grantType: 'refresh_token', refreshToken: input.refreshToken }, input);
  } catch (error) {
    if (error instanceof HubSpotRequestError && error.hubspotStatus === 400) {
      throw new HubSpotUnauthorizedError(
        'HubSpot rejected the refresh token; the portal must install Harbor again',
        {
          hubspotStatus: 400,
          category: error.category,
          correlationId: error.correlationId,
        },
      );
    }
    throw error;
  }
}

/** GET /oauth/v1/access-tokens/{token}: which portal (hub_id) and scopes a token belongs to. */
export async function fetchTokenInfo(
  accessToken: string,
  settings: { basePath: string; retry?: Partial<RetryOptions> },
): Promise<TokenInfo> {
  const accessTokensApi = createSdkClient({ basePath: settings.basePath }).oauth.accessTokensApi;
  const info = await withRetry(
    () => accessTokensApi.get(accessToken),
    { ...defaultRetryOptions, ...settings.retry },
    { secrets: () => [accessToken] },
  );
  return {
    hubId: info.hubId,
    scopes: info.scopes,
    appId: info.appId,
    expiresIn: info.expiresIn,
    ...(info.hubDomain === undefined ? {} : { hubDomain: info.hubDomain }),
    ...(typeof info.userId === 'number' ? { userId: info.userId } : {}),
  };
}
