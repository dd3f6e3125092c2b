import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createHubSpotGateway, createStoredTokenSources } from './hubspot-gateway.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createMemoryLogger, hubspotOrigin, unlimited, wireObject } from './testing/test-kit.ts';
import type { StoredCredentials } from './token-source.ts';

afterEach(() => {
  nock.cleanAll();
});

describe('HubSpot gateway', () => {
  it('when a portal is asked for twice, then both callers share one gateway and one limiter', () => {
    const limiterFor = vi.fn((_portalId: number): RateLimiter => unlimited);
    const gateway = createHubSpotGateway({
      basePath: hubspotOrigin,
      logger: createMemoryLogger().logger,
      tokenSourceFor: () => ({ accessToken: () => Promise.resolve('t') }),
      limiterFor,
    });

    expect(gateway.forPortal(1)).toBe(gateway.forPortal(1));
    gateway.forPortal(2);
    expect(limiterFor.mock.calls.map(([portalId]) => portalId)).toEqual([1, 2]);
  });

  it('when a stored OAuth token is about to expire, then the gateway refreshes it, saves it and calls with the new one', async () => {
    const now = Date.now();
    const row: StoredCredentials = {
      authKind: 'oauth',
      accessToken: 'old-access',
      refreshToken: 'refresh-1',
      tokenExpiresAt: new Date(now + 60_000),
      isActive: true,
    };
    const save = vi.fn(() => Promise.resolve());
    nock(hubspotOrigin)
      .post('/oauth/v1/token', (body: Record<string, string>) => body.refresh_token === 'refresh-1')
      .reply(200, {
        access_token: 'new-access',
        refresh_token: 'refresh-1',
        expires_in: 1800,
        token_type: 'bearer',
      })
      .get('/crm/v3/objects/companies/7')
      .query(true)
      .matchHeader('authorization', 'Bearer new-access')
      .reply(200, wireObject('7', { name: 'Acme' }));
    const gateway = createHubSpotGateway({
      basePath: hubspotOrigin,
      logger: createMemoryLogger().logger,
      tokenSourceFor: createStoredTokenSources({
        basePath: hubspotOrigin,
        load: () => Promise.resolve(row),
        save,
        oauthClient: { clientId: 'id', clientSecret: 'secret' },
      }),
    });

    const company = await gateway.forPortal(42).getById('companies', '7', { properties: ['name'] });

    expect(company.properties.name).toBe('Acme');
    expect(save).toHaveBeenCalledWith(
      42,
      expect.objectContaining({ accessToken: 'new-access', refreshToken: 'refresh-1' }),
    );
  });
});
