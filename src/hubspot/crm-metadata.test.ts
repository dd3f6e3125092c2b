import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';

import { listAllOwners } from './owners.ts';
import { listPipelines } from './pipelines.ts';
import { createProperty, createPropertyGroup, listProperties, listPropertyGroups } from './properties.ts';
import { createTask } from './tasks.ts';
import { createTestApi, hubspotOrigin, wireObject } from './testing/test-kit.ts';

afterEach(() => {
  nock.cleanAll();
});

const wireProperty = {
  name: 'harbor_health_score',
  label: 'Health score',
  type: 'number',
  fieldType: 'number',
  groupName: 'harbor',
  description: 'Harbor health score (0–100)',
  options: [],
  hidden: false,
  hubspotDefined: false,
};

describe('properties, owners, pipelines and tasks', () => {
  it('when properties and groups are listed and created, then they map to plain definitions', async () => {
    const { api } = createTestApi();
    nock(hubspotOrigin)
      .get('/crm/v3/properties/companies')
      .query({ archived: 'false' })
      .reply(200, {
        results: [
          wireProperty,
          {
            ...wireProperty,
            name: 'tier',
            type: 'enumeration',
            fieldType: 'select',
            options: [{ label: 'Gold', value: 'gold', hidden: false, displayOrder: 1 }],
          },
        ],
      })
      .post('/crm/v3/properties/companies', {
        name: 'harbor_health_score',
        label: 'Health score',
        type: 'number',
        fieldType: 'number',
        groupName: 'harbor',
      })
      .reply(201, wireProperty)
      .get('/crm/v3/properties/companies/groups')
      .reply(200, { results: [{ name: 'harbor', label: 'Harbor', displayOrder: -1, archived: false }] })
      .post('/crm/v3/properties/companies/groups', { name: 'harbor', label: 'Harbor' })
      .reply(201, { name: 'harbor', label: 'Harbor', displayOrder: -1, archived: false });

    const properties = await listProperties(api, 'companies');
    const created = await createProperty(api, 'companies', {
      name: 'harbor_health_score',
      label: 'Health score',
      type: 'number',
      fieldType: 'number',
      groupName: 'harbor',
    });
    const groups = await listPropertyGroups(api, 'companies');
    const group = await createPropertyGroup(api, 'companies', { name: 'harbor', label: 'Harbor' });

    expect(properties[1]).toMatchObject({
      name: 'tier',
      options: [{ label: 'Gold', value: 'gold', hidden: false, displayOrder: 1 }],
    });
    expect(created).toMatchObject({ name: 'harbor_health_score', hidden: false, hasUniqueValue: false });
    expect(groups).toEqual([{ name: 'harbor', label: 'Harbor', displayOrder: -1, archived: false }]);
    expect(group.name).toBe('harbor');
  });

  it('when owners span two pages, then listAllOwners returns all of them', async () => {
    const { api } = createTestApi();
    const owner = (id: string) => ({
      id,
      email: `${id}@acme.example`,
      firstName: 'Ada',
      type: 'PERSON',
      userId: Number(id) * 10,
      archived: false,
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    nock(hubspotOrigin)
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false' })
      .reply(200, { results: [owner('1'), owner('2')], paging: { next: { after: 'o2' } } })
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false', after: 'o2' })
      .reply(200, { results: [owner('3')] });

    const owners = await listAllOwners(api);

    expect(owners.map((o) => o.id)).toEqual(['1', '2', '3']);
    expect(owners[0]).toEqual({
      id: '1',
      email: '1@acme.example',
      firstName: 'Ada',
      lastName: null,
      userId: '10',
      type: 'PERSON',
      archived: false,
      teams: [],
    });
  });

  it('when deal pipelines are listed, then stages come with their metadata', async () => {
    const { api } = createTestApi();
    nock(hubspotOrigin)
      .get('/crm/v3/pipelines/deals')
      .reply(200, {
        results: [
          {
            id: 'default',
            label: 'Sales',
            displayOrder: 0,
            archived: false,
            createdAt: '2024-01-01T00:00:00Z',
            updatedAt: '2024-01-01T00:00:00Z',
            stages: [
              {
                id: 'closedwon',
                label: 'Closed won',
                displayOrder: 5,
                archived: false,
                metadata: { isClosed: 'true', probability: '1.0' },
                createdAt: '2024-01-01T00:00:00Z',
                updatedAt: '2024-01-01T00:00:00Z',
              },
            ],
          },
        ],
      });

    const [pipeline] = await listPipelines(api, 'deals');

    expect(pipeline?.stages[0]).toEqual({
      id: 'closedwon',
      label: 'Closed won',
      displayOrder: 5,
      archived: false,
      metadata: { isClosed: 'true', probability: '1.0' },
    });
  });

  it('when a task is created, then it is associated to its company with type 192 in the same call', async () => {
    const { api } = createTestApi();
    let body: Record<string, unknown> = {};
    nock(hubspotOrigin)
      .post('/crm/v3/objects/tasks', (sent: Record<string, unknown>) => {
        body = sent;
        return true;
      })
      .reply(201, wireObject('901', { hs_task_subject: 'Renewal call' }));

    const task = await createTask(api, {
      companyId: '7',
      subject: 'Renewal call',
      dueAt: new Date('2026-03-01T09:00:00Z'),
      ownerId: '12',
      priority: 'HIGH',
    });

    expect(task.id).toBe('901');
    expect(body).toEqual({
      properties: {
        hs_timestamp: '2026-03-01T09:00:00.000Z',
        hs_task_subject: 'Renewal call',
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
        hs_task_type: 'TODO',
        hubspot_owner_id: '12',
      },
      associations: [
        { to: { id: '7' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
      ],
    });
  });
});
