import { companyViewWire, signalPageWire, signalWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { upsertOwners } from '../store/repositories/owners-repository.ts';
import { createSignalService, type SignalService } from './signal-service.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_200_001;
const otherPortal = 9_200_002;
let requestCount = 0;

function signedHeaders(method: string, path: string, body = '') {
  const timestamp = String(now.getTime() + requestCount++);
  return {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': timestamp,
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: testClientSecret,
      method,
      uri: `${testPublicBaseUrl}${path}`,
      rawBody: body,
      timestamp,
    }),
  };
}

describe.each(testDatabaseTargets())('signal routes on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;
  let signals: SignalService;
  let signalId: number;

  const get = (path: string) => request(app).get(path).set(signedHeaders('GET', path));
  const command = (portalId: number, id: number, body: object, userId = '7001') => {
    const path = `/api/signals/${id}/commands?portalId=${portalId}&userId=${userId}`;
    const raw = JSON.stringify(body);
    return request(app)
      .post(path)
      .set(signedHeaders('POST', path, raw))
      .send(raw);
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    await upsertOwners(
      handle.db,
      portal,
      [
        {
          id: '77',
          email: 'ana@harbor.example',
          firstName: 'Ana',
          lastName: 'Lima',
          userId: '7001',
          archived: false,
        },
      ],
      now,
    );
    // The same person is a user of the other portal too: only the portal decides what they can see.
    await upsertOwners(
      handle.db,
      otherPortal,
      [
        {
          id: '78',
          email: 'ana@harbor.example',
          firstName: 'Ana',
          lastName: 'Lima',
          userId: '7001',
          archived: false,
        },
      ],
      now,
    );
    await upsertCrmObjects(
      handle.db,
      portal,
      'companies',
      [{ id: '11', properties: { name: 'Acme' }, archived: false, modifiedAt: now }],
      now,
    );
    signals = createSignalService({
      db: handle.db,
      logger: createCapturingLogger().logger,
      now: () => now,
      fire: (_portal, ids) =>
        Promise.resolve(
          ids.map((companyId) => ({
            companyId,
            ownerId: '77',
            firings: [
              {
                type: 'late_payment' as const,
                severity: 'high' as const,
                evidence: [{ key: 'days_past_due', value: 40 }],
              },
            ],
          })),
        ),
      dueDays: () => Promise.resolve({ low: 20, medium: 10, high: 5, critical: 2 }),
    });
    await signals.evaluate(portal, ['11']);
    app = buildTestApp(handle, { signals }).app;
    const page = signalPageWire.parse(
      (await get(`/api/signals?portalId=${portal}&userId=7001`).expect(200)).body,
    );
    signalId = page.signals[0]!.id;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the card asks for the company view, then it carries the active signal with its evidence', async () => {
    const response = await get(`/api/views/company/11?portalId=${portal}&userId=7001`).expect(200);
    const view = companyViewWire.parse(response.body);
    expect(view.signals).toEqual([
      expect.objectContaining({
        type: 'late_payment',
        kind: 'risk',
        status: 'open',
        evidence: [{ key: 'days_past_due', value: 40 }],
        dueAt: '2026-11-29T12:00:00.000Z',
        overdue: false,
      }),
    ]);
  });

  it('when a portal user acknowledges the signal, then it is acknowledged and the history names them', async () => {
    const response = await command(portal, signalId, { kind: 'acknowledge' }).expect(200);
    expect(signalWire.parse(response.body).status).toBe('acknowledged');
  });

  it('when a risk is dismissed without a reason, then the answer says why and the signal stays', async () => {
    const response = await command(portal, signalId, { kind: 'dismiss', reason: '' }).expect(400);
    expect(JSON.stringify(response.body)).toContain('needs a reason');
    const page = signalPageWire.parse(
      (await get(`/api/signals?portalId=${portal}&userId=7001`).expect(200)).body,
    );
    expect(page.signals[0]?.status).toBe('acknowledged');
  });

  it('when another portal sends a command for this signal id, then it is not found there and nothing changes', async () => {
    await command(otherPortal, signalId, { kind: 'resolve', reason: 'not mine to resolve' }).expect(404);
    const page = signalPageWire.parse(
      (await get(`/api/signals?portalId=${otherPortal}&userId=7001&status=all`).expect(200)).body,
    );
    expect(page.signals).toEqual([]);
  });

  it('when the signed user is not one of the portal users, then the command is refused', async () => {
    await command(portal, signalId, { kind: 'resolve', reason: 'Called the sponsor' }, '999').expect(403);
  });

  it('when a risk is resolved with a reason, then it leaves the active list and stays in the history', async () => {
    const response = await command(portal, signalId, {
      kind: 'resolve',
      reason: 'Invoice paid by wire',
    }).expect(200);
    expect(signalWire.parse(response.body)).toMatchObject({
      status: 'resolved',
      closeReason: 'Invoice paid by wire',
    });
    const active = signalPageWire.parse(
      (await get(`/api/signals?portalId=${portal}&userId=7001`).expect(200)).body,
    );
    expect(active.signals).toEqual([]);
    const all = signalPageWire.parse(
      (await get(`/api/signals?portalId=${portal}&userId=7001&status=all&companyId=11`).expect(200)).body,
    );
    expect(all.signals.map((signal) => signal.status)).toEqual(['resolved']);
  });
});
