import { companyHandoffsWire, handoffWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, signedHubSpotHeaders } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { installPortals, unreachableGateway } from '../jobs/testing/fake-sync.ts';
import { createQuietLogger } from '../sync/testing/sync-test-kit.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { replaceCompanyAssociations } from '../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { upsertOwners } from '../store/repositories/owners-repository.ts';
import { replacePipelineStages } from '../store/repositories/pipeline-stages-repository.ts';
import { handOff } from './handoff-service.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_300_001;
const otherPortal = 9_300_002;

describe.each(testDatabaseTargets())('hand-off routes on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;

  const get = (portalId: number, companyId: string) => {
    const path = `/api/handoffs?portalId=${portalId}&userId=7001&companyId=${companyId}`;
    return request(app).get(path).set(signedHubSpotHeaders('GET', path));
  };
  const post = (portalId: number, body: object, userId = '7001') => {
    const path = `/api/handoffs?portalId=${portalId}&userId=${userId}`;
    const raw = JSON.stringify(body);
    return request(app)
      .post(path)
      .set(signedHubSpotHeaders('POST', path, raw))
      .send(raw);
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    const owner = {
      id: '77',
      email: 'ana@harbor.example',
      firstName: 'Ana',
      lastName: 'Lima',
      userId: '7001',
      archived: false,
    };
    await upsertOwners(handle.db, portal, [owner], now);
    await upsertOwners(handle.db, otherPortal, [{ ...owner, id: '78' }], now);
    const record = (id: string, properties: Record<string, string>) => ({
      id,
      properties,
      archived: false,
      modifiedAt: now,
    });
    await upsertCrmObjects(handle.db, portal, 'companies', [record('1001', { name: 'Acme Ltd' })], now);
    await upsertCrmObjects(
      handle.db,
      portal,
      'deals',
      [
        record('5001', {
          dealname: 'Acme renewal 2027',
          pipeline: 'renewals',
          dealstage: 'open',
          closedate: '2027-01-31',
        }),
        record('5002', { dealname: 'Acme add-on', pipeline: 'default', dealstage: 'open' }),
        record('5003', { dealname: 'Acme renewal 2026', pipeline: 'renewals', dealstage: 'won' }),
        record('5004', { dealname: 'Other company', pipeline: 'default', dealstage: 'open' }),
      ],
      now,
    );
    await replaceCompanyAssociations(
      handle.db,
      portal,
      'deals',
      ['5001', '5002', '5003'],
      ['5001', '5002', '5003'].map((objectId) => ({ objectId, companyId: '1001' })),
      now,
    );
    const stage = (pipelineId: string, pipelineLabel: string, stageId: string, isClosed: boolean) => ({
      objectType: 'deals' as const,
      pipelineId,
      stageId,
      pipelineLabel,
      stageLabel: stageId,
      displayOrder: 0,
      isClosed,
      isWon: isClosed,
    });
    await replacePipelineStages(
      handle.db,
      portal,
      'deals',
      [
        stage('renewals', 'Renewals', 'open', false),
        stage('renewals', 'Renewals', 'won', true),
        stage('default', 'Sales', 'open', false),
      ],
      now,
    );
    // Routing is not set up (the defaults): every request here is logged "not routed" and HubSpot is never asked.
    const taskDeps = {
      db: handle.db,
      gateway: unreachableGateway,
      logger: createQuietLogger().logger,
      instanceId: 'test',
      now: () => now,
    };
    ({ app } = buildTestApp(handle, {
      handoffs: { handOff: (portalId, req) => handOff(taskDeps, portalId, req) },
    }));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the card asks for a company’s hand-offs, then it gets its open deals (renewals first) and which destinations are routed', async () => {
    const response = await get(portal, '1001');
    expect(response.status).toBe(200);
    const body = companyHandoffsWire.parse(response.body);
    expect(body.openDeals).toEqual([
      { id: '5001', name: 'Acme renewal 2027', closeDate: '2027-01-31', isRenewal: true },
      { id: '5002', name: 'Acme add-on', closeDate: null, isRenewal: false },
    ]);
    expect(body.routed).toEqual({ support: false, finance: false, marketing: false, automation: false });
  });

  it('when a user hands the renewal to finance with no finance destination, then the hand-off is logged as not routed and listed', async () => {
    const response = await post(portal, {
      kind: 'finance',
      companyId: '1001',
      dealId: '5001',
      note: 'Wants 10 % off for a 2-year term',
    });
    expect(response.status).toBe(200);
    const wire = handoffWire.parse(response.body);
    expect(wire).toMatchObject({
      kind: 'finance',
      outcome: 'not_routed',
      dealId: '5001',
      hubspotTaskId: null,
      taskUrl: null,
    });
    expect(wire.detail).toMatch(/No finance destination is set/);
    // A double click is the same hand-off.
    const again = handoffWire.parse(
      (
        await post(portal, {
          kind: 'finance',
          companyId: '1001',
          dealId: '5001',
          note: 'Wants 10 % off for a 2-year term',
        })
      ).body,
    );
    expect(again.id).toBe(wire.id);
    const list = companyHandoffsWire.parse((await get(portal, '1001')).body);
    expect(list.handoffs.map((handoff) => handoff.id)).toEqual([wire.id]);
  });

  it('when finance is asked about a deal that is closed or not the company’s, then the request is refused', async () => {
    for (const dealId of ['5003', '5004', undefined]) {
      const response = await post(portal, {
        kind: 'finance',
        companyId: '1001',
        dealId,
        note: 'Price change please',
      });
      expect(response.status).toBe(400);
    }
  });

  it('when another portal asks about this company, then it is not found, for reading and for a request', async () => {
    expect(
      (await post(otherPortal, { kind: 'automation', companyId: '1001', note: 'Automate renewals' })).status,
    ).toBe(404);
    expect((await get(otherPortal, '1001')).status).toBe(404);
  });

  it('when someone who is not a user of the portal asks for an automation, then it is refused', async () => {
    const response = await post(
      portal,
      { kind: 'automation', companyId: '1001', note: 'Automate renewals' },
      '9999',
    );
    expect(response.status).toBe(403);
  });
});
