import express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SandboxChange } from '../../store/sandbox-types.ts';
import { setRequestContext } from '../request-context.ts';
import { createCrmRoutes } from './create-crm-routes.ts';
import { buildCrmTestApp, buildTestPortal, fixedNow, type TestPortal } from './test-support.ts';

describe('CRM objects v3: writes', () => {
  let portal: TestPortal;
  let app: express.Express;
  let changes: SandboxChange[];
  beforeEach(() => {
    portal = buildTestPortal();
    app = buildCrmTestApp(portal.store);
    changes = [];
    portal.store.onChange((change) => changes.push(change));
  });

  it('when a company is created, then 201 with string values, system properties and a creation change', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/companies')
      .send({
        properties: {
          name: 'Globex',
          annualrevenue: 12000,
          is_key_account: true,
          renewal_date: Date.parse('2027-01-01'),
        },
      })
      .expect(201);
    expect(response.body.properties).toMatchObject({
      name: 'Globex',
      annualrevenue: '12000',
      is_key_account: 'true',
      renewal_date: '2027-01-01',
      hs_object_id: response.body.id,
      createdate: new Date(fixedNow).toISOString(),
    });
    expect(changes).toEqual([
      { kind: 'creation', objectType: 'companies', objectId: response.body.id, at: fixedNow },
    ]);
  });

  it('when a task is created with associations, then the links exist and are announced', async () => {
    const companyId = portal.companyIds[0] ?? '';
    const response = await request(app)
      .post('/crm/v3/objects/tasks')
      .send({
        properties: { hs_task_subject: 'Call', hs_timestamp: '2026-12-01T00:00:00Z' },
        associations: [
          {
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }],
          },
        ],
      })
      .expect(201);
    expect(portal.store.associations.ids('tasks', String(response.body.id), 'companies')).toEqual([
      companyId,
    ]);
    expect(changes.map((change) => change.kind)).toEqual(['creation', 'associationChange']);
  });

  it('when an association target does not exist, then 400 and nothing is created', async () => {
    const before = portal.store.tables.tasks.size;
    const response = await request(app)
      .post('/crm/v3/objects/tasks')
      .send({
        properties: {},
        associations: [
          { to: { id: '1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
        ],
      })
      .expect(400);
    expect(response.body.category).toBe('VALIDATION_ERROR');
    expect(portal.store.tables.tasks.size).toBe(before);
  });

  it('when values do not suit their properties, then 400 in HubSpot’s "Property values were not valid" form', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/companies')
      .send({ properties: { industry: 'MINING', annualrevenue: 'lots', nope: 'x' } })
      .expect(400);
    expect(response.body.message).toMatch(/^Property values were not valid: \[/);
    expect(response.body.message).toContain('INVALID_OPTION');
    expect(response.body.message).toContain('INVALID_FLOAT');
    expect(response.body.message).toContain('PROPERTY_DOESNT_EXIST');
  });

  it('when the body is not an object of properties, then 400 rather than a crash', async () => {
    await request(app)
      .post('/crm/v3/objects/companies')
      .send({ properties: { name: { nested: true } } })
      .expect(400);
    await request(app).post('/crm/v3/objects/companies').send([1, 2]).expect(400);
  });

  it('when a record is updated, then 200, the value changes and one change per changed property', async () => {
    const id = portal.companyIds[2] ?? '';
    const response = await request(app)
      .patch(`/crm/v3/objects/companies/${id}`)
      .send({ properties: { health_score: 72, name: 'Company 02' } })
      .expect(200);
    expect(response.body.properties).toMatchObject({
      health_score: '72',
      hs_lastmodifieddate: new Date(fixedNow).toISOString(),
    });
    expect(changes).toEqual([
      {
        kind: 'propertyChange',
        objectType: 'companies',
        objectId: id,
        propertyName: 'health_score',
        propertyValue: '72',
        at: fixedNow,
      },
    ]);
  });

  it('when an unknown or archived record is updated, then 404', async () => {
    await request(app)
      .patch('/crm/v3/objects/companies/12345')
      .send({ properties: { name: 'x' } })
      .expect(404);
    await request(app)
      .patch(`/crm/v3/objects/companies/${portal.archivedCompanyId}`)
      .send({ properties: { name: 'x' } })
      .expect(404);
  });

  it('when a record is archived, then 204, reads 404, and archiving again is still 204', async () => {
    const id = portal.companyIds[4] ?? '';
    await request(app).delete(`/crm/v3/objects/companies/${id}`).expect(204);
    await request(app).get(`/crm/v3/objects/companies/${id}`).expect(404);
    await request(app).delete(`/crm/v3/objects/companies/${id}`).expect(204);
    expect(changes.filter((change) => change.kind === 'deletion')).toHaveLength(1);
  });

  it('when feedback submissions are written, then 405 with an Allow header', async () => {
    const id = portal.feedbackIds[0] ?? '';
    const created = await request(app)
      .post('/crm/v3/objects/feedback_submissions')
      .send({ properties: {} })
      .expect(405);
    expect(created.headers.allow).toBe('GET');
    expect(created.body).toMatchObject({ status: 'error', category: 'BAD_REQUEST' });
    await request(app)
      .patch(`/crm/v3/objects/feedback_submissions/${id}`)
      .send({ properties: {} })
      .expect(405);
    await request(app).delete(`/crm/v3/objects/feedback_submissions/${id}`).expect(405);
    await request(app)
      .post('/crm/v3/objects/feedback_submissions/batch/create')
      .send({ inputs: [] })
      .expect(405);
  });

  it('when two companies are merged, then the primary lists the merged id and the other is archived', async () => {
    const [primaryId, mergedId] = [portal.companyIds[7] ?? '', portal.companyIds[8] ?? ''];
    const response = await request(app)
      .post('/crm/v3/objects/companies/merge')
      .send({ primaryObjectId: primaryId, objectIdToMerge: mergedId })
      .expect(200);
    expect(response.body.properties.hs_merged_object_ids).toBe(mergedId);
    await request(app)
      .post('/crm/v3/objects/companies/merge')
      .send({ primaryObjectId: primaryId, objectIdToMerge: mergedId })
      .expect(400);
  });

  it('when the JSON body is malformed, then a HubSpot 400 comes back', async () => {
    const bare = express();
    bare.use((_req, res, next) => {
      setRequestContext(res, { store: portal.store, portalId: 1, appId: 1, now: () => fixedNow });
      next();
    });
    bare.use(createCrmRoutes());
    const response = await request(bare)
      .post('/crm/v3/objects/companies')
      .type('json')
      .send('{"properties":')
      .expect(400);
    expect(response.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });
});
