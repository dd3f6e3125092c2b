import type express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';

import { buildCrmTestApp, buildTestPortal, resultsOf } from './test-support.ts';

describe('owners v3', () => {
  let app: express.Express;
  beforeEach(() => {
    const portal = buildTestPortal();
    for (let i = 0; i < 150; i += 1) {
      portal.store.owners.push({
        id: String(200 + i),
        email: `bulk-${i}@harbor.example`,
        firstName: 'Bulk',
        lastName: String(i),
        userId: 10_000 + i,
        type: i === 0 ? 'QUEUE' : 'PERSON',
        archived: false,
        createdAt: 0,
        updatedAt: 0,
      });
    }
    app = buildCrmTestApp(portal.store);
  });

  it('when owners are listed with the SDK’s trailing slash, then the first 100 active owners and a cursor come back', async () => {
    const response = await request(app).get('/crm/v3/owners/').expect(200);
    expect(response.body.results).toHaveLength(100);
    expect(response.body.results[0]).toEqual({
      id: '101',
      email: 'owner-101@harbor.example',
      firstName: 'Owner',
      lastName: '101',
      userId: 9001,
      userIdIncludingInactive: 9001,
      type: 'PERSON',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      archived: false,
    });
    const rest = await request(app)
      .get(`/crm/v3/owners?after=${response.body.paging.next.after}`)
      .expect(200);
    expect(rest.body.results).toHaveLength(52);
    expect(rest.body.paging).toBeUndefined();
  });

  it('when limit is above 500, then 400; when filtering by email or archived, then only those come back', async () => {
    await request(app).get('/crm/v3/owners?limit=501').expect(400);
    const byEmail = await request(app).get('/crm/v3/owners?email=OWNER-102@harbor.example').expect(200);
    expect(resultsOf(byEmail.body).map((owner) => owner.id)).toEqual(['102']);
    const archived = await request(app).get('/crm/v3/owners?archived=true').expect(200);
    expect(resultsOf(archived.body).map((owner) => owner.id)).toEqual(['103']);
  });

  it('when one owner is read by id or userId, then it comes back; unknown is 404, non-integer 400', async () => {
    await request(app).get('/crm/v3/owners/102').expect(200);
    const byUser = await request(app).get('/crm/v3/owners/9002?idProperty=userId').expect(200);
    expect(byUser.body.id).toBe('102');
    await request(app).get('/crm/v3/owners/103').expect(404);
    await request(app).get('/crm/v3/owners/103?archived=true').expect(200);
    await request(app).get('/crm/v3/owners/abc').expect(400);
    await request(app).get('/crm/v3/owners/102?idProperty=email').expect(400);
  });
});
