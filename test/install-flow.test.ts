import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp } from '../src/http/create-app.ts';
import { createMetricsRegistry } from '../src/http/http-metrics.ts';
import { createHubSpotGrants } from '../src/install/hubspot-grants.ts';
import { createInstaller, type Installer } from '../src/install/installer.ts';
import { createPortalTokenSource, type PortalTokenDeps } from '../src/install/portal-tokens.ts';
import { uninstallPortal } from '../src/install/uninstall-portal.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { listAudit } from '../src/store/repositories/audit-log-repository.ts';
import { findPortalAccount, findPortalCredentials } from '../src/store/repositories/portals-repository.ts';
import type { DatabaseHandle } from '../src/store/open-database.ts';
import { createCapturingLogger } from './support/capturing-logger.ts';
import { testDatabaseTargets } from './support/test-databases.ts';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

describe.each(testDatabaseTargets())('OAuth install, refresh and uninstall on $name', (target) => {
  let database: DatabaseHandle;
  let sandbox: Sandbox;
  let server: Server;
  let harborUrl: string;
  let clock = Date.now();
  const cipher = createTokenCipher(Buffer.alloc(32, 11));
  let tokenDeps: PortalTokenDeps;
  let installer: Installer;

  beforeAll(async () => {
    database = await target.open();
    sandbox = await startSandbox({ port: 0, companies: 5, seed: 7 });
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    harborUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const basePath = sandbox.baseUrl;
    const oauth = {
      clientId: sandbox.clientId,
      authorizeUrl: `${basePath}/oauth/authorize`,
      redirectUri: `${harborUrl}/oauth/callback`,
      stateKey: Buffer.alloc(32, 12),
    };
    installer = createInstaller({
      db: database.db,
      cipher,
      now: () => new Date(clock),
      ...createHubSpotGrants({
        basePath,
        oauthClient: {
          clientId: sandbox.clientId,
          clientSecret: sandbox.clientSecret,
          redirectUri: oauth.redirectUri,
        },
      }),
    });
    const app = createApp({
      logger: createCapturingLogger().logger,
      db: database.db,
      metrics: createMetricsRegistry(),
      publicBaseUrl: harborUrl,
      hubspotClientSecret: sandbox.clientSecret,
      bodyLimit: '1mb',
      oauth,
      installer,
      now: () => new Date(clock),
    });
    server.on('request', app);
    tokenDeps = {
      db: database.db,
      cipher,
      oauthClient: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      basePath,
      now: () => new Date(clock),
    };
  });

  afterAll(async () => {
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    await sandbox.close();
    await database.close();
  });

  async function startInstall(): Promise<{ authorizeUrl: URL; cookie: string }> {
    const response = await fetch(`${harborUrl}/oauth/install`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return {
      authorizeUrl: new URL(response.headers.get('location') ?? ''),
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    };
  }

  async function consent(authorizeUrl: URL): Promise<URL> {
    const response = await fetch(authorizeUrl, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  async function apiStatus(accessToken: string): Promise<number> {
    const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/companies?limit=1`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return response.status;
  }

  it('when a private-app token is registered, then its portal is recorded with its time zone and currency', async () => {
    const { portalId } = await installer.registerStaticToken(sandbox.accessToken);
    expect(portalId).toBe(sandbox.portalId);
    expect(await findPortalAccount(database.db, portalId)).toEqual({
      timeZone: 'America/New_York',
      companyCurrency: 'USD',
    });
  });

  it('when an admin installs through HubSpot consent, then the portal is recorded with working tokens stored as ciphertext', async () => {
    const { authorizeUrl, cookie } = await startInstall();
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${sandbox.baseUrl}/oauth/authorize`);
    expect(authorizeUrl.searchParams.get('client_id')).toBe(sandbox.clientId);
    expect(authorizeUrl.searchParams.get('scope')).toContain('crm.objects.companies.read');
    const callback = await consent(authorizeUrl);
    expect(callback.origin + callback.pathname).toBe(`${harborUrl}/oauth/callback`);

    const finished = await fetch(callback, { headers: { cookie } });
    expect(finished.status).toBe(200);
    expect(await finished.text()).toContain(`Portal ${sandbox.portalId} is connected`);

    const row = await database.db
      .selectFrom('portals')
      .selectAll()
      .where('portal_id', '=', sandbox.portalId)
      .executeTakeFirstOrThrow();
    const credentials = await findPortalCredentials(database.db, cipher, sandbox.portalId);
    expect(row.auth_kind).toBe('oauth');
    expect(credentials?.accessToken).toBeTruthy();
    expect(row.access_token_enc).not.toContain(credentials?.accessToken ?? '?');
    expect(row.refresh_token_enc).not.toContain(credentials?.refreshToken ?? '?');
    expect(await apiStatus(credentials!.accessToken!)).toBe(200);
    expect((await listAudit(database.db, sandbox.portalId))[0]).toMatchObject({ action: 'app.install' });
    // The cards format money and days the portal's way: HubSpot's account details say which.
    expect(await findPortalAccount(database.db, sandbox.portalId)).toEqual({
      timeZone: 'America/New_York',
      companyCurrency: 'USD',
    });
  });

  it('when the callback comes from another browser or with a forged state, then the install is refused', async () => {
    const { authorizeUrl } = await startInstall();
    const callback = await consent(authorizeUrl);
    expect((await fetch(callback)).status).toBe(401);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'abc.123.def');
    expect((await fetch(forged, { headers: { cookie: 'harbor_oauth_nonce=abc' } })).status).toBe(401);
  });

  it('when the admin declines consent, then the callback explains it with a 400', async () => {
    const response = await fetch(
      `${harborUrl}/oauth/callback?error=access_denied&error_description=User%20declined`,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'User declined',
    );
  });

  it('when the access token is near expiry, then it is refreshed once, stored encrypted, and works', async () => {
    const before = await findPortalCredentials(database.db, cipher, sandbox.portalId);
    clock += 26 * 60_000;
    const source = createPortalTokenSource(tokenDeps, sandbox.portalId);
    const [first, second] = await Promise.all([source.accessToken(), source.accessToken()]);
    expect(first).toBe(second);
    expect(first).not.toBe(before?.accessToken);
    const after = await findPortalCredentials(database.db, cipher, sandbox.portalId);
    expect(after?.accessToken).toBe(first);
    expect(after?.tokenExpiresAt?.getTime()).toBeGreaterThan(clock);
    expect(await apiStatus(first)).toBe(200);
  });

  it('when Harbor is uninstalled, then HubSpot revokes its tokens and the portal is inactive', async () => {
    const { accessToken } = (await findPortalCredentials(database.db, cipher, sandbox.portalId))!;
    await uninstallPortal(tokenDeps, sandbox.portalId);
    expect(await apiStatus(accessToken!)).toBe(401);
    expect(await findPortalCredentials(database.db, cipher, sandbox.portalId)).toMatchObject({
      isActive: false,
      accessToken: null,
    });
    expect((await listAudit(database.db, sandbox.portalId))[0]).toMatchObject({ action: 'app.uninstall' });
  });

  it('when HubSpot rejects the refresh token, then the portal is marked inactive', async () => {
    const { authorizeUrl, cookie } = await startInstall();
    expect((await fetch(await consent(authorizeUrl), { headers: { cookie } })).status).toBe(200);
    const credentials = await findPortalCredentials(database.db, cipher, sandbox.portalId);
    await fetch(`${sandbox.baseUrl}/oauth/v1/refresh-tokens/${credentials!.refreshToken!}`, {
      method: 'DELETE',
    });
    clock += 29 * 60_000;
    await expect(createPortalTokenSource(tokenDeps, sandbox.portalId).accessToken()).rejects.toThrow(
      /install Harbor again/,
    );
    expect(await findPortalCredentials(database.db, cipher, sandbox.portalId)).toMatchObject({
      isActive: false,
    });
  });
});
