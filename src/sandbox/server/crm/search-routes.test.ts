import type express from 'express';
import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SandboxStore } from '../../store/sandbox-store.ts';
import {
  buildCrmTestApp,
  buildTestPortal,
  epoch,
  insertRecord,
  resultsOf,
  type TestPortal,
} from './test-support.ts';

const day = 86_400_000;

function ids(body: unknown): (string | undefined)[] {
  return resultsOf(body).map((item) => item.id);
}

describe('CRM search', () => {
  let portal: TestPortal;
  let app: express.Express;
  const search = (type: string, body: unknown) =>
    request(app)
      .post(`/crm/v3/objects/${type}/search`)
      .send(body as object);
  beforeEach(() => {
    portal = buildTestPortal();
    app = buildCrmTestApp(portal.store);
  });

  it('when the body is empty, then live records come in creation order with defaults and the true total', async () => {
    const response = await search('companies', {}).expect(200);
    expect(response.body.total).toBe(24);
    expect(ids(response.body)).toEqual(
      portal.companyIds.filter((id) => id !== portal.archivedCompanyId).slice(0, 10),
    );
    expect(Object.keys(resultsOf(response.body)[0]?.properties ?? {}).sort()).toEqual(
      ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'].sort(),
    );
    expect(response.body.results[0].associations).toBeUndefined();
    expect(response.body.paging).toEqual({ next: { after: '10' } });
  });

  it('when a filter would match an archived record, then the archived record never appears', async () => {
    const response = await search('companies', {
      filterGroups: [
        { filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: portal.archivedCompanyId }] },
      ],
    }).expect(200);
    expect(response.body).toEqual({ total: 0, results: [] });
  });

  it.each([
    ['EQ', { propertyName: 'industry', operator: 'EQ', value: 'retail' }, 8],
    ['NEQ', { propertyName: 'industry', operator: 'NEQ', value: 'RETAIL' }, 16],
    ['LT', { propertyName: 'annualrevenue', operator: 'LT', value: '5000' }, 4],
    ['LTE', { propertyName: 'annualrevenue', operator: 'LTE', value: '5000' }, 5],
    ['GT', { propertyName: 'annualrevenue', operator: 'GT', value: '20000' }, 5],
    ['GTE', { propertyName: 'annualrevenue', operator: 'GTE', value: 20000 }, 6],
    ['BETWEEN', { propertyName: 'annualrevenue', operator: 'BETWEEN', value: '2000', highValue: '4000' }, 3],
    ['IN', { propertyName: 'industry', operator: 'IN', values: ['software', 'healthcare'] }, 16],
    ['NOT_IN', { propertyName: 'industry', operator: 'NOT_IN', values: ['software', 'healthcare'] }, 8],
    ['HAS_PROPERTY', { propertyName: 'health_score', operator: 'HAS_PROPERTY' }, 0],
    ['NOT_HAS_PROPERTY', { propertyName: 'health_score', operator: 'NOT_HAS_PROPERTY' }, 24],
    ['CONTAINS_TOKEN', { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: '07' }, 1],
    ['NOT_CONTAINS_TOKEN', { propertyName: 'name', operator: 'NOT_CONTAINS_TOKEN', value: 'company' }, 0],
    [
      'GTE on a date-time in ms',
      { propertyName: 'createdate', operator: 'GTE', value: String(epoch + 20 * day) },
      5,
    ],
    [
      'LT on a date-time in ISO',
      { propertyName: 'hs_lastmodifieddate', operator: 'LT', value: '2026-01-03T00:00:00Z' },
      2,
    ],
  ])('when filtering with %s, then the matching count comes back', async (_name, filter, expected) => {
    const response = await search('companies', { filterGroups: [{ filters: [filter] }], limit: 100 }).expect(
      200,
    );
    expect(response.body.total).toBe(expected);
    expect(response.body.results).toHaveLength(expected);
  });

  it('when two groups are given, then a record matching either comes back (OR), filters within AND', async () => {
    const response = await search('companies', {
      filterGroups: [
        { filters: [{ propertyName: 'annualrevenue', operator: 'LTE', value: '2000' }] },
        {
          filters: [
            { propertyName: 'industry', operator: 'EQ', value: 'HEALTHCARE' },
            { propertyName: 'annualrevenue', operator: 'GTE', value: '24000' },
          ],
        },
      ],
    }).expect(200);
    expect(ids(response.body)).toEqual([portal.companyIds[0], portal.companyIds[1], portal.companyIds[23]]);
  });

  it('when sorting ascending and descending, then order follows the values numerically with ties by id', async () => {
    const ascending = await search('companies', {
      sorts: [{ propertyName: 'annualrevenue', direction: 'ASCENDING' }],
      limit: 3,
    }).expect(200);
    expect(ids(ascending.body)).toEqual(portal.companyIds.slice(0, 3));
    const descending = await search('companies', { sorts: ['-annualrevenue'], limit: 2 }).expect(200);
    expect(ids(descending.body)).toEqual([portal.companyIds[24], portal.companyIds[23]]);
    const byIndustry = await search('companies', {
      sorts: [{ propertyName: 'industry', direction: 'DESCENDING' }],
      limit: 2,
    }).expect(200);
    expect(ids(byIndustry.body)).toEqual([portal.companyIds[0], portal.companyIds[3]]);
  });

  it('when paging with after, then every match comes once and total stays the true count', async () => {
    const seen: (string | undefined)[] = [];
    let after: string | undefined = '0';
    while (after !== undefined) {
      const response: request.Response = await search('companies', { limit: 7, after, properties: ['name'] });
      expect(response.body.total).toBe(24);
      seen.push(...ids(response.body));
      after = (response.body as { paging?: { next: { after: string } } }).paging?.next.after;
    }
    expect(seen).toEqual(portal.companyIds.filter((id) => id !== portal.archivedCompanyId));
  });

  it('when properties are asked, then those and the system ones come back', async () => {
    const response = await search('companies', { properties: ['industry'], limit: 1 }).expect(200);
    expect(Object.keys(resultsOf(response.body)[0]?.properties ?? {}).sort()).toEqual(
      ['createdate', 'hs_lastmodifieddate', 'hs_object_id', 'industry'].sort(),
    );
  });

  it('when a query is given, then default searchable properties are searched case-insensitively', async () => {
    const response = await search('companies', { query: 'COMPANY-1' }).expect(200);
    expect(response.body.total).toBe(10);
  });

  it('when filtering on associations.company, then records linked to that company come back', async () => {
    const response = await search('tickets', {
      filterGroups: [
        { filters: [{ propertyName: 'associations.company', operator: 'EQ', value: portal.companyIds[0] }] },
      ],
    }).expect(200);
    expect(ids(response.body)).toEqual(portal.ticketIds);
  });

  it('when limit is 200, then it is accepted, and above 200 it is a 400', async () => {
    await search('tasks', { limit: 200 }).expect(200);
    const response = await search('tasks', { limit: 201 }).expect(400);
    expect(response.body.category).toBe('VALIDATION_ERROR');
  });

  it.each([
    [
      'six filter groups',
      {
        filterGroups: Array.from({ length: 6 }, () => ({
          filters: [{ propertyName: 'name', operator: 'HAS_PROPERTY' }],
        })),
      },
    ],
    [
      'seven filters in a group',
      {
        filterGroups: [
          { filters: Array.from({ length: 7 }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' })) },
        ],
      },
    ],
    [
      'nineteen filters in all',
      {
        filterGroups: [6, 6, 6, 1].map((n) => ({
          filters: Array.from({ length: n }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' })),
        })),
      },
    ],
    [
      'an unknown operator',
      { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'LIKE', value: 'x' }] }] },
    ],
    ['EQ without a value', { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ' }] }] }],
    [
      'BETWEEN without a highValue',
      { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'BETWEEN', value: '1' }] }] },
    ],
    [
      'IN without values',
      { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'IN', values: [] }] }] },
    ],
    ['two sorts', { sorts: ['name', 'domain'] }],
    ['a cursor that is not an offset', { after: 'abc' }],
  ])('when the body has %s, then 400 VALIDATION_ERROR', async (_name, body) => {
    const response = await search('companies', body).expect(400);
    expect(response.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('when 5 groups and 18 filters are given, then the search is accepted', async () => {
    const filters = (n: number) =>
      Array.from({ length: n }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' }));
    await search('companies', { filterGroups: [6, 6, 4, 1, 1].map((n) => ({ filters: filters(n) })) }).expect(
      200,
    );
  });
});

describe('CRM search past 10,000 results', () => {
  let app: express.Express;
  beforeAll(() => {
    const store = new SandboxStore(1);
    for (let i = 0; i < 10_050; i += 1) insertRecord(store, 'tasks', { hs_task_subject: `Task ${i}` }, epoch);
    app = buildCrmTestApp(store);
  });

  it('when a page ends exactly at result 10,000, then it is served with the true total and a next cursor', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/tasks/search')
      .send({ after: '9900', limit: 100 })
      .expect(200);
    expect(response.body.total).toBe(10_050);
    expect(response.body.results).toHaveLength(100);
    expect(response.body.paging.next.after).toBe('10000');
  });

  it('when after + limit goes past 10,000, then 400 VALIDATION_ERROR explaining the cap', async () => {
    const response = await request(app)
      .post('/crm/v3/objects/tasks/search')
      .send({ after: '10000', limit: 10 })
      .expect(400);
    expect(response.body.category).toBe('VALIDATION_ERROR');
    expect(response.body.message).toContain('10000');
    await request(app).post('/crm/v3/objects/tasks/search').send({ after: '9950', limit: 100 }).expect(400);
  });
});
