import type express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SandboxChange } from '../../store/sandbox-types.ts';
import { buildCrmTestApp, buildTestPortal, fixedNow, type TestPortal, resultsOf } from './test-support.ts';

describe('associations v4', () => {
  let portal: TestPortal;
  let app: express.Express;
  let changes: SandboxChange[];
  beforeEach(() => {
    portal = buildTestPortal();
    app = buildCrmTestApp(portal.store);
    changes = [];
    portal.store.onChange((change) => changes.push(change));
  });

  it('when a record’s associations are read, then toObjectId is a string and only the primary type has a label', async () => {
    const response = await request(app)
      .get(`/crm/v4/objects/deals/${portal.dealIds[0]}/associations/companies`)
      .expect(200);
    expect(response.body).toEqual({
      results: [
        {
          toObjectId: portal.companyIds[0],
          associationTypes: [
            { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
            { category: 'HUBSPOT_DEFINED', typeId: 341 },
          ],
        },
      ],
    });
  });

  it('when more associations exist than the limit, then paging.next.after leads through all of them', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const response = await request(app)
        .get(`/crm/v4/objects/companies/${portal.companyIds[1]}/associations/tasks`)
        .query(after === undefined ? {} : { after })
        .expect(200);
      seen.push(...resultsOf(response.body).map((item) => item.toObjectId ?? ''));
      after = response.body.paging?.next.after;
    } while (after !== undefined);
    expect(seen).toEqual(portal.taskIds);
    await request(app)
      .get(`/crm/v4/objects/companies/${portal.companyIds[1]}/associations/tasks?limit=501`)
      .expect(400);
  });

  it('when batch reading, then lists past 500 are paged per input and an input after resumes them', async () => {
    const first = await request(app)
      .post('/crm/v4/associations/companies/tasks/batch/read')
      .send({ inputs: [{ id: portal.companyIds[1] }] })
      .expect(200);
    const [result] = first.body.results;
    expect(result.from).toEqual({ id: portal.companyIds[1] });
    expect(result.to).toHaveLength(500);
    expect(result.to[0]).toEqual({
      toObjectId: portal.taskIds[0],
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 191 }],
    });
    const next = await request(app)
      .post('/crm/v4/associations/companies/tasks/batch/read')
      .send({ inputs: [{ id: portal.companyIds[1], after: result.paging.next.after }] })
      .expect(200);
    expect(next.body.results[0].to).toHaveLength(100);
    expect(next.body.results[0].paging).toBeUndefined();
  });

  it('when batch reading ids that are unknown or have no associations, then 207 with one error per id', async () => {
    const response = await request(app)
      .post('/crm/v4/associations/companies/deals/batch/read')
      .send({ inputs: [{ id: portal.companyIds[0] }, { id: portal.companyIds[3] }, { id: '777' }] })
      .expect(207);
    expect(response.body.results).toHaveLength(1);
    expect(response.body.results[0].to).toHaveLength(3);
    expect(response.body.numErrors).toBe(2);
    expect(response.body.errors[0]).toEqual({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `No deal is associated with company ${portal.companyIds[3]}.`,
      context: { fromObjectId: [portal.companyIds[3]], fromObjectType: ['company'], toObjectType: ['deal'] },
      errors: [],
      links: {},
    });
  });

  it('when a batch read holds more than 1,000 inputs, then 400', async () => {
    const inputs = Array.from({ length: 1001 }, (_, i) => ({ id: String(i) }));
    await request(app).post('/crm/v4/associations/companies/deals/batch/read').send({ inputs }).expect(400);
  });

  it('when a default association is created, then 200 with the spec, the link exists and is announced', async () => {
    const [taskId, companyId] = [portal.taskIds[0] ?? '', portal.companyIds[3] ?? ''];
    const response = await request(app)
      .put(`/crm/v4/objects/tasks/${taskId}/associations/default/companies/${companyId}`)
      .expect(200);
    expect(response.body).toMatchObject({
      status: 'COMPLETE',
      results: [
        {
          from: { id: taskId },
          to: { id: companyId },
          associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 },
        },
      ],
    });
    expect(portal.store.associations.ids('companies', companyId, 'tasks')).toContain(taskId);
    expect(changes).toEqual([
      {
        kind: 'associationChange',
        fromType: 'tasks',
        fromId: taskId,
        toType: 'companies',
        toId: companyId,
        associationTypeId: 192,
        removed: false,
        at: fixedNow,
      },
    ]);
  });

  it('when a default association names a missing record, then 404', async () => {
    await request(app)
      .put(`/crm/v4/objects/tasks/${portal.taskIds[0]}/associations/default/companies/1`)
      .expect(404);
  });

  it('when a labelled association is created, then 201 LabelsBetweenObjectPair with type ids', async () => {
    const [ticketId, companyId] = [portal.ticketIds[0] ?? '', portal.companyIds[2] ?? ''];
    const response = await request(app)
      .put(`/crm/v4/objects/tickets/${ticketId}/associations/companies/${companyId}`)
      .send([{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 339 }])
      .expect(201);
    expect(response.body).toEqual({
      fromObjectTypeId: '0-5',
      fromObjectId: ticketId,
      toObjectTypeId: '0-2',
      toObjectId: companyId,
      labels: [],
    });
    await request(app)
      .put(`/crm/v4/objects/tickets/${ticketId}/associations/companies/${companyId}`)
      .send([{ associationCategory: 'USER_DEFINED', associationTypeId: 12 }])
      .expect(400);
  });

  it('when an association is deleted, then 204 and it is gone, announced as removed', async () => {
    const [dealId, companyId] = [portal.dealIds[1] ?? '', portal.companyIds[0] ?? ''];
    await request(app)
      .delete(`/crm/v4/objects/deals/${dealId}/associations/companies/${companyId}`)
      .expect(204);
    expect(portal.store.associations.ids('deals', dealId, 'companies')).toEqual([]);
    expect(changes[0]).toMatchObject({ kind: 'associationChange', removed: true });
  });

  it('when batch create, associate/default and archive run, then links follow and errors are reported', async () => {
    const [companyId, noteCompanyId] = [portal.companyIds[9] ?? '', portal.companyIds[10] ?? ''];
    const created = await request(app)
      .post('/crm/v4/associations/deals/companies/batch/create')
      .send({
        inputs: [
          {
            from: { id: portal.dealIds[2] },
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }],
          },
          {
            from: { id: '1' },
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }],
          },
        ],
      })
      .expect(207);
    expect(created.body.results[0]).toMatchObject({
      fromObjectTypeId: '0-3',
      toObjectTypeId: '0-2',
      toObjectId: companyId,
    });
    expect(created.body.errors[0].category).toBe('OBJECT_NOT_FOUND');
    const linked = await request(app)
      .post('/crm/v4/associations/tickets/companies/batch/associate/default')
      .send({ inputs: [{ from: { id: portal.ticketIds[1] }, to: { id: noteCompanyId } }] })
      .expect(200);
    expect(linked.body.results[0].associationSpec.associationTypeId).toBe(339);
    await request(app)
      .post('/crm/v4/associations/tickets/companies/batch/archive')
      .send({ inputs: [{ from: { id: portal.ticketIds[1] }, to: [{ id: noteCompanyId }] }] })
      .expect(204);
    expect(portal.store.associations.ids('tickets', portal.ticketIds[1] ?? '', 'companies')).toEqual([
      portal.companyIds[0],
    ]);
  });

  it('when a type pair has no HubSpot association, then 400', async () => {
    await request(app)
      .post('/crm/v4/associations/tasks/notes/batch/associate/default')
      .send({ inputs: [] })
      .expect(400);
  });
});
