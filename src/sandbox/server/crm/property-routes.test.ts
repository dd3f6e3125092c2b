import type express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';

import { buildCrmTestApp, buildTestPortal, fixedNow, type TestPortal, resultsOf } from './test-support.ts';

const healthScore = {
  name: 'harbor_health_score',
  label: 'Health score',
  type: 'number',
  fieldType: 'number',
  groupName: 'harbor',
};

describe('properties v3 and groups', () => {
  let portal: TestPortal;
  let app: express.Express;
  beforeEach(() => {
    portal = buildTestPortal();
    app = buildCrmTestApp(portal.store);
  });

  it('when properties are listed, then every live one comes back in HubSpot’s Property shape', async () => {
    const response = await request(app).get('/crm/v3/properties/companies').expect(200);
    expect(response.body.results).toHaveLength(10);
    const industry = (response.body.results as { name: string; options: unknown[] }[]).find(
      (property) => property.name === 'industry',
    );
    expect(industry).toMatchObject({
      name: 'industry',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'companyinformation',
      description: '',
      hubspotDefined: true,
      archived: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(industry?.options[0]).toEqual({
      label: 'software',
      value: 'SOFTWARE',
      displayOrder: 0,
      hidden: false,
    });
    const archived = await request(app).get('/crm/v3/properties/companies?archived=true').expect(200);
    expect(archived.body.results).toEqual([]);
  });

  it('when one property is read, then 200, and 404 when it does not exist', async () => {
    await request(app).get('/crm/v3/properties/companies/domain').expect(200);
    const missing = await request(app).get('/crm/v3/properties/companies/nope').expect(404);
    expect(missing.body.category).toBe('OBJECT_NOT_FOUND');
  });

  it('when a group and a property are created, then 201 and a second create of either is 409', async () => {
    const group = await request(app)
      .post('/crm/v3/properties/companies/groups')
      .send({ name: 'harbor', label: 'Harbor' })
      .expect(201);
    expect(group.body).toEqual({ name: 'harbor', label: 'Harbor', displayOrder: -1, archived: false });
    const created = await request(app).post('/crm/v3/properties/companies').send(healthScore).expect(201);
    expect(created.body).toMatchObject({
      ...healthScore,
      description: '',
      options: [],
      hubspotDefined: false,
      createdAt: new Date(fixedNow).toISOString(),
      updatedAt: new Date(fixedNow).toISOString(),
    });
    const duplicate = await request(app).post('/crm/v3/properties/companies').send(healthScore).expect(409);
    expect(duplicate.body).toMatchObject({ status: 'error', category: 'OBJECT_ALREADY_EXISTS' });
    expect(duplicate.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    await request(app)
      .post('/crm/v3/properties/companies/groups')
      .send({ name: 'harbor', label: 'Again' })
      .expect(409);
    await request(app)
      .post('/crm/v3/objects/companies')
      .send({ properties: { harbor_health_score: 81 } })
      .expect(201);
  });

  it('when a property is created in a missing group or without a required field, then 400', async () => {
    await request(app).post('/crm/v3/properties/companies').send(healthScore).expect(400);
    const response = await request(app)
      .post('/crm/v3/properties/companies')
      .send({ name: 'x', label: 'X', type: 'string' })
      .expect(400);
    expect(response.body.message).toContain('fieldType');
    await request(app)
      .post('/crm/v3/properties/companies')
      .send({ ...healthScore, name: 'Bad Name', groupName: 'companyinformation' })
      .expect(400);
  });

  it('when a property is patched, then its fields change and updatedAt moves', async () => {
    const response = await request(app)
      .patch('/crm/v3/properties/companies/industry')
      .send({ label: 'Industry', options: [{ label: 'Mining', value: 'MINING' }] })
      .expect(200);
    expect(response.body).toMatchObject({
      label: 'Industry',
      options: [{ label: 'Mining', value: 'MINING', hidden: false, displayOrder: 0 }],
    });
    expect(response.body.updatedAt).toBe(new Date(fixedNow).toISOString());
    await request(app).patch('/crm/v3/properties/companies/nope').send({ label: 'x' }).expect(404);
  });

  it('when properties are batch read with an unknown name, then 207 with the found ones', async () => {
    const response = await request(app)
      .post('/crm/v3/properties/companies/batch/read')
      .send({
        inputs: [{ name: 'name' }, { name: 'nope' }],
        archived: false,
        dataSensitivity: 'non_sensitive',
      })
      .expect(207);
    expect(resultsOf(response.body).map((property) => property.name)).toEqual(['name']);
    expect(response.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { name: ['nope'] },
      errors: [],
      links: {},
    });
  });

  it('when properties are batch created with a duplicate, then 207: new ones created, the duplicate reported', async () => {
    const response = await request(app)
      .post('/crm/v3/properties/companies/batch/create')
      .send({
        inputs: [
          { ...healthScore, groupName: 'companyinformation' },
          {
            name: 'domain',
            label: 'Domain',
            type: 'string',
            fieldType: 'text',
            groupName: 'companyinformation',
          },
        ],
      })
      .expect(207);
    expect(response.body.results).toHaveLength(1);
    expect(response.body.errors[0]).toMatchObject({
      category: 'OBJECT_ALREADY_EXISTS',
      context: { name: ['domain'] },
    });
  });

  it('when groups are listed and read, then they come back, and 404 for a missing one', async () => {
    const list = await request(app).get('/crm/v3/properties/companies/groups').expect(200);
    expect(list.body.results).toEqual([
      { name: 'companyinformation', label: 'Company information', displayOrder: 0, archived: false },
    ]);
    await request(app).get('/crm/v3/properties/companies/groups/companyinformation').expect(200);
    await request(app).get('/crm/v3/properties/companies/groups/nope').expect(404);
  });

  it('when a type has no definitions yet, then lists are empty and the type is still known', async () => {
    const response = await request(app).get('/crm/v3/properties/0-5').expect(200);
    expect(response.body).toEqual({ results: [] });
    await request(app).get('/crm/v3/properties/widgets').expect(404);
  });
});
