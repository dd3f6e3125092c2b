import { harborWorkflowsWire } from '@harbor/wire';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { HubSpotUnavailableError } from '../hubspot/hubspot-errors.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { loadWorkflowCatalog } from './workflow-catalog.ts';
import type { WorkflowService, WorkflowStatus } from './workflow-service.ts';

const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_300_001;
const catalog = loadWorkflowCatalog();
let sent = 0;

function get(app: Parameters<typeof request>[0]) {
  const path = `/api/workflows?portalId=${portal}&userId=7001`;
  const timestamp = String(now.getTime() + sent++);
  return request(app)
    .get(path)
    .set({
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': computeSignatureV3({
        clientSecret: testClientSecret,
        method: 'GET',
        uri: `${testPublicBaseUrl}${path}`,
        rawBody: '',
        timestamp,
      }),
    });
}

function serviceAnswering(status: WorkflowService['status']): WorkflowService {
  return { status, install: () => Promise.reject(new Error('the page never installs')) };
}

describe.each(testDatabaseTargets())('GET /api/workflows on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal]);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when HubSpot answers, then the page gets each shipped workflow with its state in the portal', async () => {
    const statuses: WorkflowStatus[] = catalog.definitions.map(({ key, body }, index) => ({
      key,
      name: body.name,
      description: body.description,
      state: index === 0 ? 'drifted' : 'missing',
      flowId: index === 0 ? '1000001' : null,
      drift: index === 0 ? ['actions[1].fields.subject.staticValue'] : [],
      unresolvedActions: [],
    }));
    const asked: number[] = [];
    const { app } = buildTestApp(handle, {
      workflows: {
        catalog,
        service: serviceAnswering((portalId) => {
          asked.push(portalId);
          return Promise.resolve(statuses);
        }),
      },
    });
    const response = await get(app).expect(200);
    const body = harborWorkflowsWire.parse(response.body);
    expect(asked).toEqual([portal]);
    expect(body.source).toBe('hubspot');
    expect(body.workflows[0]).toMatchObject({
      state: 'drifted',
      driftedFields: ['actions[1].fields.subject.staticValue'],
    });
    expect(body.workflows.slice(1).map((workflow) => workflow.state)).toEqual(
      statuses.slice(1).map(() => 'missing'),
    );
  });

  it('when HubSpot is down, then the page still gets the workflows, their state unknown', async () => {
    const { app } = buildTestApp(handle, {
      workflows: {
        catalog,
        service: serviceAnswering(() => Promise.reject(new HubSpotUnavailableError('HubSpot is down'))),
      },
    });
    const body = harborWorkflowsWire.parse((await get(app).expect(200)).body);
    expect(body.source).toBe('unavailable');
    expect(body.workflows.map((workflow) => [workflow.name, workflow.state])).toEqual(
      catalog.definitions.map((definition) => [definition.body.name, 'unknown']),
    );
  });
});
