import request from 'supertest';
import { describe, expect, it, type TestContext } from 'vitest';

import { generatePortal } from '../../generator/generate-portal.ts';
import { loadSpec, schemaProblems, specDirectory, type OpenApiDocument } from './openapi-check.ts';
import { buildCrmTestApp, buildTestPortal, fixedNow } from './test-support.ts';

const portal = buildTestPortal();
const app = buildCrmTestApp(portal.store);

/** The spec, or a skipped test that says why (the shared folder holds HubSpot's specs; the repo may not). */
function specOrSkip(context: TestContext, fileName: string): OpenApiDocument {
  const spec = loadSpec(fileName);
  if (spec === undefined) context.skip(`HubSpot OpenAPI specs not found at ${specDirectory}`);
  return spec;
}

type Call = () => request.Test;

const cases: [string, string, string, Call][] = [
  [
    'a company list page',
    'crm-companies-v3.json',
    'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging',
    () => request(app).get('/crm/v3/objects/companies?associations=deals&propertiesWithHistory=name'),
  ],
  [
    'a deal with associations',
    'crm-objects-v3.json',
    'SimplePublicObjectWithAssociations',
    () => request(app).get(`/crm/v3/objects/deals/${portal.dealIds[0]}?associations=companies`),
  ],
  [
    'an archived company',
    'crm-companies-v3.json',
    'SimplePublicObjectWithAssociations',
    () => request(app).get(`/crm/v3/objects/companies/${portal.archivedCompanyId}?archived=true`),
  ],
  [
    'a partial batch read (207)',
    'crm-objects-v3.json',
    'BatchResponseSimplePublicObjectWithErrors',
    () =>
      request(app)
        .post('/crm/v3/objects/companies/batch/read')
        .send({
          inputs: [{ id: portal.companyIds[0] }, { id: '1' }],
          properties: [],
          propertiesWithHistory: ['name'],
        }),
  ],
  [
    'a batch upsert',
    'crm-companies-v3.json',
    'BatchResponseSimplePublicUpsertObject',
    () =>
      request(app)
        .post('/crm/v3/objects/companies/batch/upsert')
        .send({
          inputs: [{ id: 'contract.example', idProperty: 'domain', properties: { name: 'Contract' } }],
        }),
  ],
  [
    'a search page',
    'crm-tickets-v3.json',
    'CollectionResponseWithTotalSimplePublicObject',
    () => request(app).post('/crm/v3/objects/tickets/search').send({ limit: 1 }),
  ],
  [
    'a feedback submission',
    'crm-feedback-submissions-v3.json',
    'SimplePublicObjectWithAssociations',
    () => request(app).get(`/crm/v3/objects/feedback_submissions/${portal.feedbackIds[0]}`),
  ],
  [
    'a v4 association read',
    'crm-associations-v4.json',
    'CollectionResponseMultiAssociatedObjectWithLabelForwardPaging',
    () => request(app).get(`/crm/v4/objects/deals/${portal.dealIds[0]}/associations/companies`),
  ],
  [
    'a partial v4 batch read (207)',
    'crm-associations-v4.json',
    'BatchResponsePublicAssociationMultiWithLabelWithErrors',
    () =>
      request(app)
        .post('/crm/v4/associations/companies/tasks/batch/read')
        .send({ inputs: [{ id: portal.companyIds[1] }, { id: '9' }] }),
  ],
  [
    'a v4 default association',
    'crm-associations-v4.json',
    'BatchResponsePublicDefaultAssociation',
    () =>
      request(app).put(
        `/crm/v4/objects/tasks/${portal.taskIds[0]}/associations/default/companies/${portal.companyIds[0]}`,
      ),
  ],
  [
    'a v4 labelled association',
    'crm-associations-v4.json',
    'LabelsBetweenObjectPair',
    () =>
      request(app)
        .put(`/crm/v4/objects/deals/${portal.dealIds[0]}/associations/companies/${portal.companyIds[0]}`)
        .send([{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }]),
  ],
  [
    'the property list',
    'crm-properties-v3.json',
    'CollectionResponsePropertyNoPaging',
    () => request(app).get('/crm/v3/properties/companies'),
  ],
  [
    'the group list',
    'crm-properties-v3.json',
    'CollectionResponsePropertyGroupNoPaging',
    () => request(app).get('/crm/v3/properties/companies/groups'),
  ],
  [
    'the owner list',
    'crm-owners-v3.json',
    'CollectionResponsePublicOwnerForwardPaging',
    () => request(app).get('/crm/v3/owners/?limit=1'),
  ],
  [
    'a validation error',
    'crm-objects-v3.json',
    'Error',
    () => request(app).get('/crm/v3/objects/companies?limit=500'),
  ],
];

describe('responses against HubSpot’s OpenAPI schemas', () => {
  it.for(cases)(
    'when %s is served, then it conforms to %s#%s',
    async ([, fileName, schemaName, call], context) => {
      const spec = specOrSkip(context, fileName);
      const response = await call();
      expect(response.status).toBeLessThan(500);
      expect(schemaProblems(spec, schemaName, response.body)).toEqual([]);
    },
  );
});

// Harbor's exactly-once tasks (src/tasks/): a key property on tasks, a create carrying it and associated to
// its company (192), search by the key and by hs_lastmodifieddate, and completion by PATCH. Requests are
// checked too, in the shape Harbor's gateway sends them.
describe('tasks with a Harbor key, against HubSpot’s OpenAPI schemas', () => {
  const generated = generatePortal({ companies: 2, seed: 4, now: fixedNow });
  const taskApp = buildCrmTestApp(generated.store);
  const companyId = [...generated.store.tables.companies.all()][0]?.id ?? '';
  const key = 'playbook:run-1:step-1';
  const createBody = {
    properties: {
      harbor_task_key: key,
      hs_timestamp: '2026-12-01T09:00:00.000Z',
      hs_task_subject: 'Kick-off call',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
      hs_task_type: 'CALL',
    },
    associations: [
      { to: { id: companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
    ],
  };
  const searchBody = {
    filterGroups: [{ filters: [{ propertyName: 'harbor_task_key', operator: 'EQ', value: key }] }],
    sorts: [],
    properties: ['harbor_task_key', 'hs_task_status', 'hs_task_completion_date'],
    limit: 10,
    after: '0',
  };

  it('when Harbor creates its key property, a keyed task, searches and completes it, then each request and answer conform', async (context) => {
    const properties = specOrSkip(context, 'crm-properties-v3.json');
    const tasks = specOrSkip(context, 'crm-tasks-v3.json');

    const group = await request(taskApp)
      .post('/crm/v3/properties/tasks/groups')
      .send({ name: 'harbor', label: 'Harbor' });
    const property = await request(taskApp).post('/crm/v3/properties/tasks').send({
      name: 'harbor_task_key',
      label: 'Harbor task key',
      type: 'string',
      fieldType: 'text',
      groupName: 'harbor',
      formField: false,
    });
    const created = await request(taskApp).post('/crm/v3/objects/tasks').send(createBody);
    const taskId = (created.body as { id: string }).id;
    const byKey = await request(taskApp).post('/crm/v3/objects/tasks/search').send(searchBody);
    const completed = await request(taskApp)
      .patch(`/crm/v3/objects/tasks/${taskId}`)
      .send({ properties: { hs_task_status: 'COMPLETED' } });
    const byModified = await request(taskApp)
      .post('/crm/v3/objects/tasks/search')
      .send({
        ...searchBody,
        filterGroups: [
          {
            filters: [
              { propertyName: 'harbor_task_key', operator: 'HAS_PROPERTY' },
              { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(fixedNow) },
            ],
          },
        ],
        sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      });

    expect([group.status, property.status, created.status]).toEqual([201, 201, 201]);
    expect(schemaProblems(properties, 'PropertyGroup', group.body)).toEqual([]);
    expect(schemaProblems(properties, 'Property', property.body)).toEqual([]);
    expect(schemaProblems(tasks, 'SimplePublicObjectInputForCreate', createBody)).toEqual([]);
    expect(schemaProblems(tasks, 'SimplePublicObject', created.body)).toEqual([]);
    expect(schemaProblems(tasks, 'PublicObjectSearchRequest', searchBody)).toEqual([]);
    expect(schemaProblems(tasks, 'CollectionResponseWithTotalSimplePublicObject', byKey.body)).toEqual([]);
    expect(byKey.body).toMatchObject({ total: 1, results: [{ id: taskId }] });
    expect(
      schemaProblems(tasks, 'SimplePublicObjectInput', { properties: { hs_task_status: 'COMPLETED' } }),
    ).toEqual([]);
    expect(schemaProblems(tasks, 'SimplePublicObject', completed.body)).toEqual([]);
    expect(completed.body).toMatchObject({
      properties: { hs_task_status: 'COMPLETED', hs_task_completion_date: new Date(fixedNow).toISOString() },
    });
    expect(schemaProblems(tasks, 'CollectionResponseWithTotalSimplePublicObject', byModified.body)).toEqual(
      [],
    );
    expect(byModified.body).toMatchObject({ total: 1, results: [{ id: taskId }] });
    expect(generated.store.associations.ids('tasks', taskId, 'companies')).toEqual([companyId]);
  });
});

describe('the schema check itself', () => {
  it('when a body breaks the schema, then each problem is named', (context) => {
    const spec = specOrSkip(context, 'crm-objects-v3.json');
    const body = { id: 7, properties: { name: null }, createdAt: 'yesterday', archived: false };
    expect(schemaProblems(spec, 'SimplePublicObject', body)).toEqual([
      'SimplePublicObject.updatedAt: required',
      'SimplePublicObject.id: expected string, got number',
      'SimplePublicObject.properties.name: null is not allowed',
      'SimplePublicObject.createdAt: yesterday is not a date-time',
    ]);
  });
});

describe('the schema check on a small spec of its own', () => {
  const spec: OpenApiDocument = {
    components: {
      schemas: {
        Page: {
          type: 'object',
          required: ['results'],
          properties: { results: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
        },
        Item: {
          type: 'object',
          required: ['id', 'status'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            status: { type: 'string', enum: ['OPEN', 'CLOSED'] },
            count: { type: 'integer', format: 'int32' },
            note: { type: 'string', nullable: true },
            tags: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        Broken: { $ref: '#/components/schemas/Missing' },
      },
    },
  };

  it('when items break the schema, then each problem names its place in the array', () => {
    const body = {
      results: [
        { id: '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f', status: 'OPEN', note: null },
        { id: 'nope', status: 'LOST', count: 2 ** 40, tags: { a: 1 } },
        { status: null },
      ],
    };
    expect(schemaProblems(spec, 'Page', body)).toEqual([
      'Page.results[1].id: not a uuid',
      'Page.results[1].status: LOST not in enum',
      'Page.results[1].count: 1099511627776 is not an int32',
      'Page.results[1].tags.a: expected string, got number',
      'Page.results[2].id: required',
      'Page.results[2].status: null is not allowed',
    ]);
  });

  it('when a body conforms, then there is no problem', () => {
    expect(schemaProblems(spec, 'Page', { results: [] })).toEqual([]);
  });

  it('when a schema points at one that does not exist, then that is the problem', () => {
    expect(schemaProblems(spec, 'Broken', {})).toEqual([expect.stringMatching(/^Broken: .*Missing/)]);
  });
});
