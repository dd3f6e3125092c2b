import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { createSandbox } from '../create-sandbox-app.ts';
import { buildFixtureStore, FIXTURE_PORTAL_ID, stubCrmRoutes } from './testing-fixtures.ts';

function setUp() {
  return createSandbox({ seed: 3, store: buildFixtureStore(), crmRoutes: stubCrmRoutes() });
}

describe('bearer authentication', () => {
  it('when no token is sent, then the answer is HubSpot 401 INVALID_AUTHENTICATION', async () => {
    const response = await request(setUp().app).get('/crm/v3/objects/companies');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      status: 'error',
      message:
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      category: 'INVALID_AUTHENTICATION',
    });
  });

  it('when an unknown token or another scheme is sent, then the answer is 401 INVALID_AUTHENTICATION', async () => {
    const sandbox = setUp();
    const unknown = await request(sandbox.app)
      .get('/crm/v3/objects/companies')
      .auth('nope', { type: 'bearer' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.category).toBe('INVALID_AUTHENTICATION');
    const basic = await request(sandbox.app)
      .get('/crm/v3/objects/companies')
      .set('authorization', `Basic ${sandbox.world.staticToken}`);
    expect(basic.status).toBe(401);
  });

  it('when the static token is sent, then the CRM routes see the default portal', async () => {
    const sandbox = setUp();
    const response = await request(sandbox.app)
      .get('/crm/v3/objects/companies')
      .auth(sandbox.world.staticToken, { type: 'bearer' });
    expect(response.status).toBe(200);
    expect(response.body.portalId).toBe(FIXTURE_PORTAL_ID);
    expect(sandbox.world.staticToken).toMatch(/^pat-na1-[0-9a-f-]{36}$/);
  });

  it('when the seed is the same, then the app credentials and static token are the same', () => {
    const first = createSandbox({ seed: 9 }).world;
    const second = createSandbox({ seed: 9 }).world;
    expect(second.app).toEqual(first.app);
    expect(second.staticToken).toBe(first.staticToken);
    expect(createSandbox({ seed: 10 }).world.app.clientSecret).not.toBe(first.app.clientSecret);
  });
});
