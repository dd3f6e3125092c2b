import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';

import { HubSpotRequestError, HubSpotUnauthorizedError } from './hubspot-errors.ts';
import { exchangeAuthorizationCode, fetchTokenInfo, refreshAccessToken } from './oauth-tokens.ts';
import { hubspotOrigin } from './testing/test-kit.ts';

const now = Date.parse('2026-01-01T00:00:00Z');
const settings = {
  clientId: 'client-id',
  clientSecret: 'client-secret-value',
  basePath: hubspotOrigin,
  now: () => now,
  retry: { sleep: () => Promise.resolve() },
};

afterEach(() => {
  nock.cleanAll();
});

describe('OAuth token calls', () => {
  it('when an authorization code is exchanged, then the form carries the grant and the tokens come back with an expiry', async () => {
    let form: Record<string, string> = {};
    nock(hubspotOrigin)
      .post('/oauth/v1/token', (body: Record<string, string>) => {
        form = { ...body };
        return true;
      })
      .reply(200, {
        access_token: 'access-1',
        refresh_token: 'refresh-1',
        expires_in: 1800,
        token_type: 'bearer',
        hub_id: 4242,
        scopes: ['oauth', 'crm.objects.companies.read'],
      });

    const tokens = await exchangeAuthorizationCode({
      code: 'code-1',
      redirectUri: 'https://harbor.test/oauth/callback',
      ...settings,
    });

    expect(form).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://harbor.test/oauth/callback',
      client_id: 'client-id',
      client_secret: 'client-secret-value',
    });
    expect(tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresAt: new Date(now + 1_800_000),
      hubId: 4242,
      scopes: ['oauth', 'crm.objects.companies.read'],
    });
  });

  it('when a token is refreshed, then the refresh_token grant is sent and hubId stays absent if HubSpot omits it', async () => {
    let form: Record<string, string> = {};
    nock(hubspotOrigin)
      .post('/oauth/v1/token', (body: Record<string, string>) => {
        form = { ...body };
        return true;
      })
      .reply(200, {
        access_token: 'access-2',
        refresh_token: 'refresh-1',
        expires_in: 1800,
        token_type: 'bearer',
      });

    const tokens = await refreshAccessToken({ refreshToken: 'refresh-1', ...settings });

    expect(form).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
    expect(tokens).toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-1',
      expiresAt: new Date(now + 1_800_000),
    });
  });

  it('when HubSpot rejects the refresh token, then HubSpotUnauthorizedError is thrown without secrets in it', async () => {
    nock(hubspotOrigin)
      .post('/oauth/v1/token')
      .reply(400, { status: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token refresh-1' });

    const error = await refreshAccessToken({ refreshToken: 'refresh-1', ...settings }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(HubSpotUnauthorizedError);
    const text = `${(error as Error).message} ${JSON.stringify((error as HubSpotUnauthorizedError).details)}`;
    expect(text).not.toContain('refresh-1');
    expect(text).not.toContain('client-secret-value');
  });

  it('when the code is rejected, then HubSpotRequestError is thrown and the code is redacted', async () => {
    nock(hubspotOrigin)
      .post('/oauth/v1/token')
      .reply(400, { status: 'BAD_AUTH_CODE', message: 'auth code code-1 expired' });

    const error = await exchangeAuthorizationCode({
      code: 'code-1',
      redirectUri: 'https://x.test/cb',
      ...settings,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HubSpotRequestError);
    expect((error as Error).message).not.toContain('code-1');
  });

  it('when the token endpoint fails with 503 once, then the exchange is retried', async () => {
    nock(hubspotOrigin)
      .post('/oauth/v1/token')
      .reply(503, '')
      .post('/oauth/v1/token')
      .reply(200, { access_token: 'a', refresh_token: 'r', expires_in: 60, token_type: 'bearer' });

    await expect(refreshAccessToken({ refreshToken: 'r', ...settings })).resolves.toMatchObject({
      accessToken: 'a',
    });
  });

  it('when a token is described, then hub id, scopes and domain come back', async () => {
    nock(hubspotOrigin)
      .get('/oauth/v1/access-tokens/static-token')
      .reply(200, {
        token: 'static-token',
        hub_id: 4242,
        scopes: ['crm.objects.companies.read'],
        hub_domain: 'acme.example',
        app_id: 7,
        user_id: 9,
        expires_in: 1700,
        token_type: 'access',
      });

    const info = await fetchTokenInfo('static-token', { basePath: hubspotOrigin });

    expect(info).toEqual({
      hubId: 4242,
      scopes: ['crm.objects.companies.read'],
      hubDomain: 'acme.example',
      appId: 7,
      userId: 9,
      expiresIn: 1700,
    });
  });

  it('when describing an unknown token fails, then the error does not repeat the token', async () => {
    nock(hubspotOrigin)
      .get('/oauth/v1/access-tokens/secret-token-value')
      .reply(404, { message: 'Token secret-token-value not found', category: 'OBJECT_NOT_FOUND' });

    const error = await fetchTokenInfo('secret-token-value', { basePath: hubspotOrigin }).catch(
      (caught: unknown) => caught,
    );

    expect((error as Error).message).not.toContain('secret-token-value');
  });
});
