import request from 'supertest';
import { describe, expect, it } from 'vitest';

import type { SandboxChange } from '../../store/sandbox-types.ts';
import { createSandbox } from '../create-sandbox-app.ts';
import { buildFixtureStore, FIXTURE_NOW, FIXTURE_PORTAL_ID, stubCrmRoutes } from './testing-fixtures.ts';

function setUp() {
  const sandbox = createSandbox({
    seed: 2,
    store: buildFixtureStore(),
    now: () => FIXTURE_NOW,
    crmRoutes: stubCrmRoutes(),
  });
  const token = sandbox.world.staticToken;
  return { sandbox, token };
}

describe('admin endpoints', () => {
  it('when CRM calls were made, then stats count them by endpoint pattern and the request log lists them', async () => {
    const { sandbox, token } = setUp();
    await request(sandbox.app).get('/crm/v3/objects/companies').auth(token, { type: 'bearer' });
    await request(sandbox.app).get('/crm/v3/objects/deals').auth(token, { type: 'bearer' });
    await request(sandbox.app).get('/crm/v3/objects/deals');
    const stats = await request(sandbox.app).get('/_sandbox/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      totalCalls: 3,
      calls: { 'GET /crm/v3/objects/companies': 1, 'GET /crm/v3/objects/deals': 2 },
      statuses: { '200': 2, '401': 1 },
      rateLimited: { TEN_SECONDLY_ROLLING: 0, SECONDLY: 0, DAILY: 0 },
      webhooks: { batchesDelivered: 0 },
      portals: [
        { portalId: FIXTURE_PORTAL_ID, installed: true, records: { companies: 5, deals: 4, tickets: 3 } },
      ],
    });

    const log = await request(sandbox.app).get('/_sandbox/requests').query({ limit: 2 });
    expect(log.body.results).toEqual([
      { at: FIXTURE_NOW, method: 'GET', path: '/crm/v3/objects/deals', status: 401, ms: expect.any(Number) },
      {
        at: FIXTURE_NOW,
        method: 'GET',
        path: '/crm/v3/objects/deals',
        status: 200,
        ms: expect.any(Number),
        portalId: FIXTURE_PORTAL_ID,
      },
    ]);

    expect((await request(sandbox.app).post('/_sandbox/reset-stats')).status).toBe(204);
    const reset = await request(sandbox.app).get('/_sandbox/stats');
    expect(reset.body.totalCalls).toBe(0);
  });

  it('when mutate is called, then it changes records through the store (so webhooks fire) and reports them', async () => {
    const { sandbox } = setUp();
    const changes: SandboxChange[] = [];
    sandbox.world.defaultPortal.onChange((change) => changes.push(change));
    const response = await request(sandbox.app).post('/_sandbox/mutate').send({ count: 40, seed: 'fixed' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ portalId: FIXTURE_PORTAL_ID, seed: 'fixed', applied: 40 });
    expect(response.body.changes.companies.updated.length).toBeGreaterThan(0);
    expect(changes.length).toBeGreaterThanOrEqual(40);
    expect(changes.some((change) => change.kind === 'propertyChange')).toBe(true);
    const updated = sandbox.world.defaultPortal.tables.companies.get(
      String(response.body.changes.companies.updated[0]),
    );
    expect(updated?.properties.hs_lastmodifieddate).toBe(new Date(FIXTURE_NOW).toISOString());
  });

  it('when the same seed mutates two identical portals, then the changes are identical', async () => {
    const first = setUp();
    const second = setUp();
    const body = { count: 60, seed: 99 };
    const a = await request(first.sandbox.app).post('/_sandbox/mutate').send(body);
    const b = await request(second.sandbox.app).post('/_sandbox/mutate').send(body);
    expect(b.body).toEqual(a.body);
    const kinds = Object.values(a.body.changes as Record<string, Record<string, string[]>>).flatMap(
      (byKind) => Object.keys(byKind),
    );
    expect(new Set(kinds).size).toBeGreaterThan(2);
  });

  it('when mutate gets a bad body or an unknown portal, then it answers 400 or 404', async () => {
    const { sandbox } = setUp();
    const bad = await request(sandbox.app).post('/_sandbox/mutate').send({ count: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^count: /);
    const unknown = await request(sandbox.app).post('/_sandbox/mutate').send({ count: 1, portalId: 5 });
    expect(unknown.status).toBe(404);
  });

  it('when a change stream runs, then it applies perSecond × seconds changes and answers when done', async () => {
    const { sandbox } = setUp();
    const response = await request(sandbox.app)
      .post('/_sandbox/change-stream')
      .send({ perSecond: 50, seconds: 0.4 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      running: false,
      target: 20,
      applied: 20,
      portalId: FIXTURE_PORTAL_ID,
    });
    const progress = await request(sandbox.app).get('/_sandbox/change-stream');
    expect(progress.body.applied).toBe(20);
  });

  it('when a change stream starts without waiting, then it answers 202 and a second one is refused', async () => {
    const { sandbox } = setUp();
    const started = await request(sandbox.app)
      .post('/_sandbox/change-stream')
      .send({ perSecond: 10, seconds: 5, wait: false });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ running: true, target: 50 });
    const second = await request(sandbox.app)
      .post('/_sandbox/change-stream')
      .send({ perSecond: 10, seconds: 1 });
    expect(second.status).toBe(409);
    await sandbox.close();
    expect(sandbox.changeStream.isRunning).toBe(false);
  });
});
