import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { createSandbox } from '../create-sandbox-app.ts';
import { buildFixtureStore, FIXTURE_NOW, FIXTURE_PORTAL_ID, stubCrmRoutes } from './testing-fixtures.ts';

const REDIRECT = 'https://harbor.example.com/oauth/callback';
const SCOPES = ['oauth', 'crm.objects.companies.read'];

function setUp(accessTokenTtlSeconds = 1_800) {
  let now = FIXTURE_NOW;
  const sandbox = createSandbox({
    seed: 3,
    store: buildFixtureStore(),
    now: () => now,
    accessTokenTtlSeconds,
    crmRoutes: stubCrmRoutes(),
  });
  const { clientId, clientSecret } = sandbox.world.app;
  const api = () => request(sandbox.app);

  /** The install stand-in: authorize → 302 to the redirect URI with a code. */
  const install = async (query: Record<string, string> = {}) => {
    const response = await api()
      .get('/oauth/authorize')
      .query({
        client_id: clientId,
        redirect_uri: REDIRECT,
        scope: SCOPES.join(' '),
        state: 's-1',
        ...query,
      });
    expect(response.status).toBe(302);
    const location = new URL(String(response.headers.location));
    return { location, code: location.searchParams.get('code') ?? '' };
  };
  const token = (fields: Record<string, string>) =>
    api()
      .post('/oauth/v1/token')
      .type('form')
      .send(new URLSearchParams({ client_id: clientId, client_secret: clientSecret, ...fields }).toString());
  const exchange = (code: string, redirectUri = REDIRECT) =>
    token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  const refresh = (refreshToken: string) =>
    token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  const tokensFor = async (query: Record<string, string> = {}) => {
    const response = await exchange((await install(query)).code);
    expect(response.status).toBe(200);
    return response.body as {
      access_token: string;
      refresh_token: string;
      hub_id: number;
      expires_in: number;
    };
  };
  const crmGet = (accessToken: string) =>
    api().get('/crm/v3/objects/companies').auth(accessToken, { type: 'bearer' });
  return {
    sandbox,
    api,
    install,
    token,
    exchange,
    refresh,
    tokensFor,
    crmGet,
    advance: (ms: number) => (now += ms),
  };
}

describe('OAuth', () => {
  it('when the app is installed, then code → tokens → refresh → token info all work', async () => {
    const { sandbox, api, install, exchange, refresh, crmGet } = setUp();
    const { location, code } = await install();
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('s-1');

    const tokens = await exchange(code);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toEqual({
      token_type: 'bearer',
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 1800,
      token_use: 'access_token',
      hub_id: FIXTURE_PORTAL_ID,
      user_id: expect.any(Number),
      scopes: SCOPES,
    });
    expect((await crmGet(String(tokens.body.access_token))).status).toBe(200);

    const refreshed = await refresh(String(tokens.body.refresh_token));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBe(tokens.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(tokens.body.access_token);

    const info = await api().get(`/oauth/v1/access-tokens/${String(refreshed.body.access_token)}`);
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      token: refreshed.body.access_token,
      user: expect.any(String),
      hub_domain: expect.any(String),
      scopes: SCOPES,
      hub_id: FIXTURE_PORTAL_ID,
      app_id: sandbox.world.app.appId,
      expires_in: 1800,
      user_id: expect.any(Number),
      token_type: 'access',
      is_private_distribution: true,
    });
    const refreshInfo = await api().get(`/oauth/v1/refresh-tokens/${String(tokens.body.refresh_token)}`);
    expect(refreshInfo.body).toMatchObject({
      client_id: sandbox.world.app.clientId,
      hub_id: FIXTURE_PORTAL_ID,
      token_type: 'refresh',
    });
  });

  it('when a code is used twice, then the second exchange gets BAD_AUTH_CODE', async () => {
    const { install, exchange } = setUp();
    const { code } = await install();
    expect((await exchange(code)).status).toBe(200);
    const second = await exchange(code);
    expect(second.status).toBe(400);
    expect(second.body).toEqual({
      status: 'BAD_AUTH_CODE',
      message: 'missing or unknown auth code',
      correlationId: expect.any(String),
    });
  });

  it('when the client secret or client id is wrong, then no token is issued', async () => {
    const { install, token } = setUp();
    const { code } = await install();
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
    const badSecret = await token({ ...base, client_secret: 'wrong' });
    expect(badSecret.status).toBe(400);
    expect(badSecret.body.status).toBe('BAD_CLIENT_SECRET');
    expect((await token({ ...base, client_id: 'wrong' })).body.status).toBe('BAD_CLIENT_ID');
    expect((await token({ ...base, grant_type: 'client_credentials' })).body.status).toBe('BAD_GRANT_TYPE');
  });

  it('when the code is older than 10 minutes or the redirect differs, then the exchange fails', async () => {
    const { install, exchange, advance } = setUp();
    const { code: late } = await install();
    advance(600_001);
    expect((await exchange(late)).body.status).toBe('EXPIRED_AUTH_CODE');
    const { code } = await install();
    expect((await exchange(code, 'https://elsewhere.example.com/cb')).body.status).toBe('BAD_REDIRECT_URI');
  });

  it('when an access token has expired, then the API answers 401 EXPIRED_AUTHENTICATION', async () => {
    const { tokensFor, crmGet, advance } = setUp(60);
    const tokens = await tokensFor();
    expect(tokens.expires_in).toBe(60);
    advance(60_000 + 5 * 60_000);
    const response = await crmGet(tokens.access_token);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      status: 'error',
      message: 'The OAuth token used to make this call expired 5 minute(s) ago.',
      correlationId: expect.any(String),
      category: 'EXPIRED_AUTHENTICATION',
    });
  });

  it('when the client id is unknown or the redirect is missing, then authorize refuses without redirecting', async () => {
    const { api, sandbox } = setUp();
    const unknown = await api()
      .get('/oauth/authorize')
      .query({ client_id: 'nope', redirect_uri: REDIRECT, scope: 'oauth' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.status).toBe('BAD_CLIENT_ID');
    const noRedirect = await api()
      .get('/oauth/authorize')
      .query({ client_id: sandbox.world.app.clientId, scope: 'oauth' });
    expect(noRedirect.body.status).toBe('BAD_REDIRECT_URI');
  });

  it('when installing into a new portal id, then the portal is created empty and its token reaches only it', async () => {
    const { sandbox, tokensFor, crmGet } = setUp();
    const tokens = await tokensFor({ portal_id: '777' });
    expect(tokens.hub_id).toBe(777);
    expect((await crmGet(tokens.access_token)).body.portalId).toBe(777);
    expect(sandbox.world.portal(777)?.counts().companies).toBe(0);
  });

  it('when the app is uninstalled, then its tokens stop working and refresh fails', async () => {
    const { sandbox, api, tokensFor, crmGet, refresh } = setUp();
    const tokens = await tokensFor();
    const uninstall = await api().post('/_sandbox/uninstall').send({ portalId: FIXTURE_PORTAL_ID });
    expect(uninstall.body).toEqual({
      portalId: FIXTURE_PORTAL_ID,
      wasInstalled: true,
      revoked: { accessTokens: 2, refreshTokens: 1 },
    });
    expect((await crmGet(sandbox.world.staticToken)).status).toBe(401);
    expect((await crmGet(tokens.access_token)).status).toBe(401);
    expect((await refresh(tokens.refresh_token)).body).toMatchObject({
      status: 'BAD_REFRESH_TOKEN',
      message: 'missing or invalid refresh token',
    });
  });

  it('when a refresh token is deleted, then it can no longer refresh but issued access tokens still work', async () => {
    const { api, tokensFor, refresh, crmGet } = setUp();
    const tokens = await tokensFor();
    expect((await api().delete(`/oauth/v1/refresh-tokens/${tokens.refresh_token}`)).status).toBe(204);
    expect((await refresh(tokens.refresh_token)).body.status).toBe('BAD_REFRESH_TOKEN');
    expect((await crmGet(tokens.access_token)).status).toBe(200);
  });
});
