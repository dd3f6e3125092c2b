import type express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';

import { buildCrmTestApp, buildTestPortal, fixedNow, type TestPortal, resultsOf } from './test-support.ts';

describe('CRM objects v3: batch', () => {
  let portal: TestPortal;
  let app: express.Express;
  const stamp = new Date(fixedNow).toISOString();
  beforeEach(() => {
    portal = buildTestPortal();
    app = buildCrmTestApp(portal.store);
  });

  it('when every id exists, then batch read answers 200 COMPLETE with the asked properties', async () => {
    const ids = portal.companyIds.slice(0, 3);
    const response = await request(app)
      .post('/crm/v3/objects/companies/batch/read')
      .send({ inputs: ids.map((id) => ({ id })), properties: ['industry'], propertiesWithHistory: [] })
      .expect(200);
    expect(response.body).toMatchObject({ status: 'COMPLETE', startedAt: stamp, completedAt: stamp });
    expect(resultsOf(response.body).map((item) => item.id)).toEqual(ids);
    expect(response.body.results[0].properties.industry).toBe('SOFTWARE');
    expect(response.body.errors).toBeUndefined();
  });

  it('when some ids are unknown or archived, then 207 with numErrors and one OBJECT_NOT_FOUND naming them', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/companies/batch/read')
      .send({
        inputs: [{ id: portal.companyIds[0] }, { id: '404' }, { id: portal.archivedCompanyId }],
        properties: [],
        propertiesWithHistory: [],
      })
      .expect(207);
    expect(response.body.results).toHaveLength(1);
    expect(response.body.numErrors).toBe(1);
    expect(response.body.errors).toEqual([
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message:
          'Could not get some COMPANY objects, they may be deleted or not exist. Check that ids are valid.',
        context: { ids: ['404', portal.archivedCompanyId] },
        errors: [],
        links: {},
      },
    ]);
  });

  it('when reading by idProperty or archived=true, then records are found by value or among the archived', async () => {
    const byDomain = await request(app)
      .post('/crm/v3/objects/companies/batch/read')
      .send({
        idProperty: 'domain',
        inputs: [{ id: 'company-01.example' }],
        properties: [],
        propertiesWithHistory: [],
      })
      .expect(200);
    expect(byDomain.body.results[0].id).toBe(portal.companyIds[1]);
    const archived = await request(app)
      .post('/crm/v3/objects/companies/batch/read?archived=true')
      .send({ inputs: [{ id: portal.archivedCompanyId }], properties: [], propertiesWithHistory: [] })
      .expect(200);
    expect(archived.body.results[0].archived).toBe(true);
  });

  it('when a batch holds more than 100 inputs, then 400 VALIDATION_ERROR for every batch operation', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(i), properties: {} }));
    for (const operation of ['read', 'create', 'update', 'upsert', 'archive']) {
      const response = await request(app)
        .post(`/crm/v3/objects/companies/batch/${operation}`)
        .send({ inputs })
        .expect(400);
      expect(response.body.category).toBe('VALIDATION_ERROR');
    }
  });

  it('when a batch read asks for history, then it takes at most 50 inputs; without history 100', async () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => ({ id: String(i + 1) }));
    const tooMany = await request(app)
      .post('/crm/v3/objects/companies/batch/read')
      .send({ inputs: ids(51), properties: [], propertiesWithHistory: ['name'] })
      .expect(400);
    expect(tooMany.body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('property histories is 50'),
      correlationId: expect.any(String),
    });
    await request(app)
      .post('/crm/v3/objects/companies/batch/read')
      .send({ inputs: ids(50), properties: [], propertiesWithHistory: ['name'] })
      .expect(207);
    await request(app)
      .post('/crm/v3/objects/companies/batch/read')
      .send({ inputs: ids(100), properties: [], propertiesWithHistory: [] })
      .expect(207);
  });

  it('when a batch creates records, then 201 with every record and its associations', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/tickets/batch/create')
      .send({
        inputs: [
          {
            properties: { subject: 'A' },
            associations: [
              {
                to: { id: portal.companyIds[1] },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 339 }],
              },
            ],
          },
          { properties: { subject: 'B' } },
        ],
      })
      .expect(201);
    expect(resultsOf(response.body).map((item) => item.properties?.subject)).toEqual(['A', 'B']);
    expect(
      portal.store.associations.ids('tickets', resultsOf(response.body)[0]?.id ?? '', 'companies'),
    ).toEqual([portal.companyIds[1]]);
  });

  it('when one created input is invalid, then the whole batch is a 400 and nothing is created', async () => {
    const before = portal.store.tables.companies.size;
    await request(app)
      .post('/crm/v3/objects/companies/batch/create')
      .send({ inputs: [{ properties: { name: 'ok' } }, { properties: { industry: 'MINING' } }] })
      .expect(400);
    expect(portal.store.tables.companies.size).toBe(before);
  });

  it('when a batch update names an unknown id, then 207: the others are updated and the id is reported', async () => {
    const id = portal.companyIds[2] ?? '';
    const response = await request(app)
      .post('/crm/v3/objects/companies/batch/update')
      .send({
        inputs: [
          { id, properties: { health_score: '40' } },
          { id: '999', properties: { health_score: '1' } },
        ],
      })
      .expect(207);
    expect(response.body.results[0].properties.health_score).toBe('40');
    expect(response.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['999'] },
    });
    expect(portal.store.tables.companies.get(id)?.properties.health_score).toBe('40');
  });

  it('when upserting by a unique property, then existing records update and unknown values create records', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/companies/batch/upsert')
      .send({
        inputs: [
          { id: 'company-04.example', idProperty: 'domain', properties: { health_score: '55' } },
          { id: 'new-co.example', idProperty: 'domain', properties: { name: 'New Co' } },
        ],
      })
      .expect(200);
    const [updated, created] = response.body.results;
    expect(updated).toMatchObject({ id: portal.companyIds[4], new: false });
    expect(updated.properties.health_score).toBe('55');
    expect(created).toMatchObject({ new: true });
    expect(created.properties).toMatchObject({ name: 'New Co', domain: 'new-co.example' });
  });

  it('when upserting by record id with an unknown id, then 207 since a record id cannot be chosen', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/companies/batch/upsert')
      .send({ inputs: [{ id: '42', properties: { name: 'x' } }] })
      .expect(207);
    expect(response.body.results).toEqual([]);
    expect(response.body.errors[0].context.ids).toEqual(['42']);
  });

  it('when a batch archives records, then 204 and they are gone from reads, unknown ids ignored', async () => {
    const ids = portal.companyIds.slice(10, 12);
    await request(app)
      .post('/crm/v3/objects/companies/batch/archive')
      .send({ inputs: [...ids.map((id) => ({ id })), { id: '999' }] })
      .expect(204);
    for (const id of ids) expect(portal.store.tables.companies.get(id)?.archived).toBe(true);
  });

  it('when feedback submissions are batch read, then it works although they are read-only', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/feedback_submissions/batch/read')
      .send({
        inputs: portal.feedbackIds.map((id) => ({ id })),
        properties: ['hs_value'],
        propertiesWithHistory: [],
      })
      .expect(200);
    expect(response.body.results).toHaveLength(2);
    await request(app)
      .post('/crm/v3/objects/feedback_submissions/batch/archive')
      .send({ inputs: [] })
      .expect(405);
  });
});
