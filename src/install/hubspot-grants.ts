import { fetchAccountDetails } from '../hubspot/account.ts';
import { exchangeAuthorizationCode, fetchTokenInfo } from '../hubspot/oauth-tokens.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { InstallerDeps } from './installer.ts';

export interface GrantSettings {
  /** HubSpot's API origin or the sandbox's. */
  basePath: string;
  /** The app's OAuth client; absent for static-token-only setups. */
  oauthClient: { clientId: string; clientSecret: string; redirectUri: string } | undefined;
}

/** How the installer turns what HubSpot hands over (a code, or a static token) into an install grant. */
export function createHubSpotGrants(
  settings: GrantSettings,
): Pick<InstallerDeps, 'exchangeCode' | 'describeToken'> {
  const { basePath, oauthClient } = settings;
  return {
    exchangeCode: async (code) => {
      if (oauthClient === undefined) {
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          'OAuth installs need HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET',
        );
      }
      const tokens = await exchangeAuthorizationCode({ code, basePath, ...oauthClient });
      // HubSpot's v1 token answer does not always name the portal; token info always does.
      const info = await fetchTokenInfo(tokens.accessToken, { basePath });
      // The cards format money and days the portal's way; only the account details say which way that is.
      const account = await fetchAccountDetails(tokens.accessToken, { basePath });
      return {
        portalId: info.hubId,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        scopes: tokens.scopes ?? info.scopes,
        hubDomain: info.hubDomain,
        timeZone: account.timeZone,
        companyCurrency: account.companyCurrency,
      };
    },
    // Token info does not know private-app (static) tokens; the account endpoint names their portal.
    describeToken: async (accessToken) => {
      const account = await fetchAccountDetails(accessToken, { basePath });
      return {
        portalId: account.portalId,
        accessToken,
        scopes: [],
        timeZone: account.timeZone,
        companyCurrency: account.companyCurrency,
      };
    },
  };
}
