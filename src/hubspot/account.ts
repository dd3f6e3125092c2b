import { createSdkClient } from './client-factory.ts';
import { HubSpotResponseFailure } from './response-failure.ts';
import { defaultRetryOptions, withRetry, type RetryOptions } from './retry.ts';

export interface AccountDetails {
  portalId: number;
  timeZone?: string;
  companyCurrency?: string;
}

interface AccountSettings {
  basePath: string;
  retry?: Partial<RetryOptions>;
}

/** The SDK has no typed API for these two endpoints; apiRequest does not throw on non-2xx, so do it here. */
async function call(
  accessToken: string,
  method: 'GET' | 'DELETE',
  path: string,
  settings: AccountSettings,
): Promise<unknown> {
  const client = createSdkClient({ basePath: settings.basePath, accessToken });
  return withRetry(
    async () => {
      const response = await client.apiRequest({ method, path });
      const text = await response.text();
      const body: unknown = text === '' ? undefined : (JSON.parse(text) as unknown);
      if (!response.ok) {
        const headers = Object.fromEntries(
          [...response.headers.entries()].map(([name, value]) => [name.toLowerCase(), value]),
        );
        throw new HubSpotResponseFailure(response.status, body, headers);
      }
      return body;
    },
    { ...defaultRetryOptions, ...settings.retry },
    { secrets: () => [accessToken] },
  );
}

/**
 * GET /account-info/v3/details: the portal a token belongs to. Static private-app tokens are unknown to the
 * OAuth token-info endpoint, so this is how a HUBSPOT_ACCESS_TOKEN install learns its portal id.
 */
export async function fetchAccountDetails(
  accessToken: string,
  settings: AccountSettings,
): Promise<AccountDetails> {
  const body = (await call(accessToken, 'GET', '/account-info/v3/details', settings)) as
    Partial<AccountDetails> | undefined;
  if (typeof body?.portalId !== 'number') throw new Error('HubSpot account details carried no portalId');
  return {
    portalId: body.portalId,
    ...(typeof body.timeZone === 'string' ? { timeZone: body.timeZone } : {}),
    ...(typeof body.companyCurrency === 'string' ? { companyCurrency: body.companyCurrency } : {}),
  };
}

/** DELETE /appinstalls/v3/external-install: removes the app from the token's portal (204). */
export async function uninstallApp(accessToken: string, settings: AccountSettings): Promise<void> {
  await call(accessToken, 'DELETE', '/appinstalls/v3/external-install', settings);
}
