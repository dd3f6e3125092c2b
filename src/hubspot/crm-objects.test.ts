import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';

import { batchCreate, batchRead, batchUpdate, batchUpsert } from './crm-batch.ts';
import { getById } from './crm-objects.ts';
import { listPages } from './paging.ts';
import { createTestApi, hubspotOrigin, wireBatch, wireObject } from './testing/test-kit.ts';

afterEach(() => {
  nock.cleanAll();
});

describe('CRM objects', () => {
  it('when a list has three pages, then listPages visits every page once, in order, with the cursor of the next', async () => {
    const { api } = createTestApi();
    const seenQueries: Record<string, unknown>[] = [];
    const pages: Record<string, { results: unknown[]; paging?: unknown }> = {
      '': { results: [wireObject('1'), wireObject('2')], paging: { next: { after: 'c2' } } },
      c2: {
        results: [wireObject('3'), wireObject('4')],
        paging: { next: { after: 'c4', link: '?after=c4' } },
      },
      c4: { results: [wireObject('5')] },
    };
    nock(hubspotOrigin)
      .get('/crm/v3/objects/companies')
      .query((query) => {
        seenQueries.push(query);
        return true;
      })
      .times(3)
      .reply(() => {
        const after = seenQueries.at(-1)?.after;
        return [200, pages[typeof after === 'string' ? after : '']];
      });

    const visited: { ids: string[]; after: string | undefined }[] = [];
    for await (const page of listPages(api, 'companies', { properties: ['name', 'domain'] })) {
      visited.push({ ids: page.results.map((r) => r.id), after: page.after });
    }

    expect(visited).toEqual([
      { ids: ['1', '2'], after: 'c2' },
      { ids: ['3', '4'], after: 'c4' },
      { ids: ['5'], after: undefined },
    ]);
    expect(seenQueries[0]).toEqual({ limit: '100', properties: ['name', 'domain'], archived: 'false' });
    expect(seenQueries[1]).toMatchObject({ after: 'c2' });
  });

  it('when given a stored cursor, then listPages resumes from it', async () => {
    const { api } = createTestApi();
    nock(hubspotOrigin)
      .get('/crm/v3/objects/deals')
      .query((query) => query.after === 'resume-here')
      .reply(200, { results: [wireObject('9')] });

    const ids: string[] = [];
    for await (const page of listPages(api, 'deals', { properties: [], after: 'resume-here' })) {
      ids.push(...page.results.map((r) => r.id));
    }
    expect(ids).toEqual(['9']);
  });

  it('when a record is read with associations, then it maps to plain data with unique associated ids', async () => {
    const { api } = createTestApi();
    nock(hubspotOrigin)
      .get('/crm/v3/objects/companies/7')
      .query({ properties: 'name', associations: 'deals', archived: 'false' })
      .reply(200, {
        ...wireObject('7', { name: 'Acme', empty: null }),
        associations: {
          deals: {
            results: [
              { id: '31', type: 'company_to_deal' },
              { id: '31', type: 'company_to_deal_unlabeled' },
              { id: '32', type: 'company_to_deal' },
            ],
          },
        },
      });

    const company = await getById(api, 'companies', '7', { properties: ['name'], associations: ['deals'] });

    expect(company).toEqual({
      id: '7',
      properties: { hs_object_id: '7', name: 'Acme', empty: null },
      createdAt: new Date('2024-01-01T00:00:00.000Z'),
      updatedAt: new Date('2024-02-01T00:00:00.000Z'),
      archived: false,
      associations: { deals: ['31', '32'] },
    });
  });

  it('when 250 ids are read, then batchRead sends chunks of 100, 100 and 50 and merges 207 errors', async () => {
    const { api } = createTestApi();
    const bodies: { inputs: { id: string }[]; properties: string[]; propertiesWithHistory: string[] }[] = [];
    nock(hubspotOrigin)
      .post('/crm/v3/objects/companies/batch/read', (body: (typeof bodies)[number]) => {
        bodies.push(body);
        return true;
      })
      .query({ archived: 'false' })
      .times(3)
      .reply(() => {
        const inputs = bodies.at(-1)?.inputs ?? [];
        const found = inputs.filter((input) => input.id !== '250');
        const missing = inputs.filter((input) => input.id === '250');
        return missing.length === 0
          ? [200, wireBatch(found.map((input) => wireObject(input.id)))]
          : [
              207,
              wireBatch(
                found.map((input) => wireObject(input.id)),
                [
                  {
                    status: 'error',
                    category: 'OBJECT_NOT_FOUND',
                    message: 'Could not get some COMPANY objects, they may be deleted or not exist.',
                    context: { ids: ['250'] },
                    errors: [],
                    links: {},
                  },
                ],
              ),
            ];
      });
    const ids = Array.from({ length: 250 }, (_, index) => String(index + 1));

    const result = await batchRead(api, 'companies', [...ids, '1'], { properties: ['name'] });

    expect(bodies.map((body) => body.inputs.length)).toEqual([100, 100, 50]);
    expect(bodies[0]).toMatchObject({ properties: ['name'], propertiesWithHistory: [] });
    expect(result.results).toHaveLength(249);
    expect(result.errors).toEqual([
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: 'Could not get some COMPANY objects, they may be deleted or not exist.',
        ids: ['250'],
        context: { ids: ['250'] },
      },
    ]);
  });

  it('when 120 ids are read with history, then batchRead sends chunks of 50, 50 and 20 and maps each version to ms', async () => {
    const { api } = createTestApi();
    const bodies: { inputs: { id: string }[]; properties: string[]; propertiesWithHistory: string[] }[] = [];
    nock(hubspotOrigin)
      .post('/crm/v3/objects/companies/batch/read', (body: (typeof bodies)[number]) => {
        bodies.push(body);
        return true;
      })
      .query({ archived: 'false' })
      .times(3)
      .reply(() => [
        200,
        wireBatch(
          (bodies.at(-1)?.inputs ?? []).map((input) => ({
            ...wireObject(input.id, { days_past_due: '30' }),
            propertiesWithHistory: {
              days_past_due: [
                { value: '30', timestamp: '2024-03-01T10:00:00.000Z', sourceType: 'INTEGRATION' },
                { value: '0', timestamp: '2024-02-01T10:00:00.000Z', sourceType: 'INTEGRATION' },
              ],
            },
          })),
        ),
      ]);
    const ids = Array.from({ length: 120 }, (_, index) => String(index + 1));

    const result = await batchRead(api, 'companies', ids, {
      properties: ['days_past_due'],
      propertiesWithHistory: ['days_past_due'],
    });

    expect(bodies.map((body) => body.inputs.length)).toEqual([50, 50, 20]);
    expect(bodies[0]).toMatchObject({
      properties: ['days_past_due'],
      propertiesWithHistory: ['days_past_due'],
    });
    expect(result.results).toHaveLength(120);
    expect(result.results[0]?.propertiesWithHistory).toEqual({
      days_past_due: [
        { value: '30', timestamp: Date.parse('2024-03-01T10:00:00.000Z') },
        { value: '0', timestamp: Date.parse('2024-02-01T10:00:00.000Z') },
      ],
    });
  });

  it('when 150 records are created, then batchCreate sends 100 + 50 with associations always present', async () => {
    const { api } = createTestApi();
    const bodies: { inputs: { properties: Record<string, string>; associations: unknown[] }[] }[] = [];
    let next = 1000;
    nock(hubspotOrigin)
      .post('/crm/v3/objects/tasks/batch/create', (body: (typeof bodies)[number]) => {
        bodies.push(body);
        return true;
      })
      .times(2)
      .reply(201, () => wireBatch((bodies.at(-1)?.inputs ?? []).map(() => wireObject(String((next += 1))))));
    const inputs = Array.from({ length: 150 }, (_, index) => ({
      properties: { hs_task_subject: `Task ${index}` },
      ...(index === 0 ? { associations: [{ toId: '7', associationTypeId: 192 }] } : {}),
    }));

    const result = await batchCreate(api, 'tasks', inputs);

    expect(bodies.map((body) => body.inputs.length)).toEqual([100, 50]);
    expect(bodies[0]?.inputs[0]?.associations).toEqual([
      { to: { id: '7' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
    ]);
    expect(bodies[0]?.inputs[1]?.associations).toEqual([]);
    expect(result.results).toHaveLength(150);
  });

  it('when records are updated and upserted, then ids and idProperty are sent and isNew comes back', async () => {
    const { api } = createTestApi();
    nock(hubspotOrigin)
      .post('/crm/v3/objects/companies/batch/update', {
        inputs: [{ id: '7', properties: { harbor_health_score: '71' } }],
      })
      .reply(200, wireBatch([wireObject('7', { harbor_health_score: '71' })]))
      .post('/crm/v3/objects/companies/batch/upsert', {
        inputs: [{ id: 'acme.example', idProperty: 'domain', properties: { name: 'Acme' } }],
      })
      .reply(200, wireBatch([{ ...wireObject('8', { name: 'Acme' }), new: true }]));

    const updated = await batchUpdate(api, 'companies', [
      { id: '7', properties: { harbor_health_score: '71' } },
    ]);
    const upserted = await batchUpsert(api, 'companies', [
      { id: 'acme.example', idProperty: 'domain', properties: { name: 'Acme' } },
    ]);

    expect(updated.results[0]?.properties.harbor_health_score).toBe('71');
    expect(upserted.results[0]).toMatchObject({ id: '8', isNew: true });
  });
});
