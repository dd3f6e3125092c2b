import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { generatePortal } from '../../sandbox/generator/generate-portal.ts';
import { loadSpec, schemaProblems, specDirectory } from '../../sandbox/server/crm/openapi-check.ts';
import { buildCrmTestApp, fixedNow } from '../../sandbox/server/crm/test-support.ts';

// The digest's note (deliver-digest.ts): one batch create of a note on the top theme's company (190, note →
// company) with the owner, in the shape the gateway's batchCreate sends it.
describe('the digest note, against HubSpot’s OpenAPI schemas', () => {
  const generated = generatePortal({ companies: 2, seed: 5, now: fixedNow });
  const app = buildCrmTestApp(generated.store);
  const companyId = [...generated.store.tables.companies.all()][0]?.id ?? '';
  const body = {
    inputs: [
      {
        properties: {
          hs_note_body: '<h1>Product-feedback digest 2026-11</h1>',
          hs_timestamp: '2026-12-01T06:23:00.000Z',
          hubspot_owner_id: '501',
        },
        associations: [
          {
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 190 }],
          },
        ],
      },
    ],
  };

  it('when Harbor creates the note, then request and answer conform and the note hangs off the company', async (context) => {
    const spec = loadSpec('crm-objects-v3.json');
    if (spec === undefined) {
      context.skip(`HubSpot OpenAPI specs not found at ${specDirectory}`);
      return;
    }
    expect(schemaProblems(spec, 'BatchInputSimplePublicObjectBatchInputForCreate', body)).toEqual([]);
    const created = await request(app).post('/crm/v3/objects/notes/batch/create').send(body);
    expect(created.status).toBe(201);
    expect(schemaProblems(spec, 'BatchResponseSimplePublicObject', created.body)).toEqual([]);
    const noteId = (created.body as { results: { id: string }[] }).results[0]?.id ?? '';
    const linked = await request(app).get(`/crm/v4/objects/notes/${noteId}/associations/companies`);
    expect(
      (linked.body as { results: { toObjectId: number | string }[] }).results.map((r) =>
        String(r.toObjectId),
      ),
    ).toEqual([companyId]);
  });
});
