import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';

import { associationsBatchRead, createDefaultAssociation } from './associations.ts';
import { createTestApi, hubspotOrigin, wireBatch } from './testing/test-kit.ts';

afterEach(() => {
  nock.cleanAll();
});

interface ReadBody {
  inputs: { id: string; after?: string }[];
}

describe('associations', () => {
  it('when 1,500 ids are read, then calls carry at most 1,000 inputs and each id’s own paging is followed', async () => {
    const { api } = createTestApi();
    const bodies: ReadBody[] = [];
    nock(hubspotOrigin)
      .post('/crm/v4/associations/companies/deals/batch/read', (body: ReadBody) => {
        bodies.push(body);
        return true;
      })
      .times(3)
      .reply(() => {
        const inputs = bodies.at(-1)?.inputs ?? [];
        const results = inputs
          .filter((input) => input.id !== '1500')
          .map((input) => ({
            from: { id: input.id },
            to: [
              {
                toObjectId: input.after === undefined ? `d${input.id}` : `d${input.id}-more`,
                associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 342, label: null }],
              },
            ],
            ...(input.id === '1' && input.after === undefined ? { paging: { next: { after: 'p2' } } } : {}),
          }));
        const errors = inputs.some((input) => input.id === '1500')
          ? [
              {
                status: 'error',
                category: 'OBJECT_NOT_FOUND',
                message: 'No deals is associated with company 1500.',
                context: { fromObjectId: ['1500'] },
                errors: [],
                links: {},
              },
            ]
          : undefined;
        return [errors === undefined ? 200 : 207, wireBatch(results, errors)];
      });
    const ids = Array.from({ length: 1500 }, (_, index) => String(index + 1));

    const { byId, errors } = await associationsBatchRead(api, 'companies', 'deals', ids);

    expect(bodies.map((body) => body.inputs.length)).toEqual([1000, 500, 1]);
    expect(bodies[2]?.inputs).toEqual([{ id: '1', after: 'p2' }]);
    expect(bodies[0]?.inputs[0]).toEqual({ id: '1' });
    expect(byId.get('1')?.map((to) => to.toObjectId)).toEqual(['d1', 'd1-more']);
    expect(byId.get('2')).toEqual([
      { toObjectId: 'd2', types: [{ category: 'HUBSPOT_DEFINED', typeId: 342, label: null }] },
    ]);
    expect(byId.get('1500')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('when a default association is created, then it PUTs the unlabelled v4 default path', async () => {
    const { api } = createTestApi();
    const scope = nock(hubspotOrigin)
      .put('/crm/v4/objects/tasks/55/associations/default/companies/7')
      .reply(
        200,
        wireBatch([
          {
            from: { id: '55' },
            to: { id: '7' },
            associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 },
          },
        ]),
      );

    await createDefaultAssociation(
      api,
      { objectType: 'tasks', id: '55' },
      { objectType: 'companies', id: '7' },
    );

    expect(scope.isDone()).toBe(true);
  });
});
