import request from 'supertest';
import { describe, expect, it, type TestContext } from 'vitest';

import { loadSpec, schemaProblems, specDirectory, type OpenApiDocument } from './openapi-check.ts';
import { buildCrmTestApp, buildTestPortal, insertRecord, fixedNow } from './test-support.ts';

function specOrSkip(context: TestContext): OpenApiDocument {
  const spec = loadSpec('crm-lists-v3.json');
  if (spec === undefined) context.skip(`HubSpot OpenAPI specs not found at ${specDirectory}`);
  return spec;
}

// The calls Harbor's survey list makes (src/hubspot/lists.ts), in the shape its gateway sends them: find by
// name, create a MANUAL contact list, add contacts; the request bodies are checked against the spec too.
describe('Lists v3 in the sandbox, against HubSpot’s OpenAPI schemas', () => {
  const portal = buildTestPortal();
  const second = insertRecord(portal.store, 'contacts', { email: 'bob@company-00.example' }, fixedNow).id;
  const app = buildCrmTestApp(portal.store);
  const createBody = { name: 'Harbor survey due 2026-Q4', objectTypeId: '0-1', processingType: 'MANUAL' };
  const byName = `/crm/v3/lists/object-type-id/0-1/name/${encodeURIComponent('harbor survey due 2026-q4')}`;

  it('when the list is looked up, created, filled twice and read, then every request and answer conform and no member repeats', async (context) => {
    const spec = specOrSkip(context);
    expect(schemaProblems(spec, 'ListCreateRequest', createBody)).toEqual([]);

    const missing = await request(app).get(byName);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });

    const created = await request(app).post('/crm/v3/lists').send(createBody);
    expect(created.status).toBe(200);
    expect(schemaProblems(spec, 'ListCreateResponse', created.body)).toEqual([]);
    const listId = (created.body as { list: { listId: string } }).list.listId;

    // HubSpot matches names case-insensitively.
    const found = await request(app).get(byName);
    expect(found.status).toBe(200);
    expect(schemaProblems(spec, 'ListFetchResponse', found.body)).toEqual([]);
    expect((found.body as { list: { listId: string } }).list.listId).toBe(listId);

    const first = await request(app)
      .put(`/crm/v3/lists/${listId}/memberships/add`)
      .send([portal.contactId, '999999']);
    expect(schemaProblems(spec, 'MembershipsUpdateResponse', first.body)).toEqual([]);
    expect(first.body).toEqual({
      recordsIdsAdded: [portal.contactId],
      recordIdsMissing: ['999999'],
      recordIdsRemoved: [],
    });

    const again = await request(app)
      .put(`/crm/v3/lists/${listId}/memberships/add`)
      .send([portal.contactId, second]);
    expect((again.body as { recordsIdsAdded: string[] }).recordsIdsAdded).toEqual([second]);

    const members = await request(app).get(`/crm/v3/lists/${listId}/memberships?limit=1`);
    expect(schemaProblems(spec, 'ApiCollectionResponseJoinTimeAndRecordId', members.body)).toEqual([]);
    expect(members.body).toMatchObject({
      total: 2,
      results: [{ recordId: portal.contactId }],
      paging: { next: { after: '1' } },
    });
  });

  it('when a second list takes a used name, or records go to a dynamic list, then HubSpot’s 400 comes back', async (context) => {
    const spec = specOrSkip(context);
    const duplicate = await request(app)
      .post('/crm/v3/lists')
      .send({ ...createBody, name: 'HARBOR SURVEY DUE 2026-Q4' });
    expect(duplicate.status).toBe(400);
    expect(schemaProblems(spec, 'Error', duplicate.body)).toEqual([]);

    const dynamic = await request(app)
      .post('/crm/v3/lists')
      .send({ name: 'Dynamic', objectTypeId: '0-1', processingType: 'DYNAMIC' });
    const listId = (dynamic.body as { list: { listId: string } }).list.listId;
    const refused = await request(app)
      .put(`/crm/v3/lists/${listId}/memberships/add`)
      .send([portal.contactId]);
    expect(refused.status).toBe(400);
    expect((await request(app).put('/crm/v3/lists/4040/memberships/add').send([])).status).toBe(404);
  });
});
