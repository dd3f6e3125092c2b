import type express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';

import { buildCrmTestApp, buildTestPortal } from './test-support.ts';

describe('pipelines v3', () => {
  let app: express.Express;
  beforeEach(() => {
    app = buildCrmTestApp(buildTestPortal().store);
  });

  it('when deal pipelines are listed, then stages come in display order with metadata and ISO times', async () => {
    const response = await request(app).get('/crm/v3/pipelines/deals').expect(200);
    expect(response.body.results).toHaveLength(1);
    const [pipeline] = response.body.results;
    expect(pipeline).toMatchObject({
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect((pipeline.stages as { id: string }[]).map((stage) => stage.id)).toEqual([
      'appointmentscheduled',
      'closedwon',
      'closedlost',
    ]);
    expect(pipeline.stages[1]).toEqual({
      id: 'closedwon',
      label: 'closedwon',
      displayOrder: 1,
      metadata: { isClosed: 'true', probability: '1.0' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      archived: false,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    });
  });

  it('when one ticket pipeline is read, then it comes back; unknown pipelines and types are 404', async () => {
    const response = await request(app).get('/crm/v3/pipelines/tickets/0').expect(200);
    expect(response.body.stages[1].metadata).toEqual({ ticketState: 'CLOSED' });
    await request(app).get('/crm/v3/pipelines/tickets/nope').expect(404);
    const response404 = await request(app).get('/crm/v3/pipelines/companies').expect(404);
    expect(response404.body.category).toBe('OBJECT_NOT_FOUND');
  });
});
