import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { listAudit } from '../store/repositories/audit-log-repository.ts';
import { listOwners } from '../store/repositories/owners-repository.ts';
import { createCalibrationProposal } from '../store/repositories/health-calibration-repository.ts';
import {
  findCurrentHealthModel,
  listHealthModelVersions,
} from '../store/repositories/health-models-repository.ts';
import { runSync } from '../sync/run-sync.ts';
import {
  createQuietLogger,
  createTestGateway,
  startFastSandbox,
  syncDeps,
} from '../sync/testing/sync-test-kit.ts';
import { createHealthServices, type HealthServices } from './health-services.ts';
import { defaultHealthModel } from './model/default-health-model.ts';
import type { HealthModel } from './model/health-model-schema.ts';
import type { RescoreSummary } from './scoring/rescore-portal.ts';
import type { WriteBackSummary } from './write-back/write-back.ts';

/** buildTestApp's clock: signatures are made for this instant. */
const appNow = new Date('2026-11-24T12:00:00.000Z');
const companyCount = 60;

let requestCount = 0;

/** Each request is signed a millisecond after the last, as HubSpot signs each request afresh. */
function signed(method: string, path: string, body = '') {
  const timestamp = String(appNow.getTime() + requestCount++);
  return {
    'content-type': 'application/json',
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: testClientSecret,
      method,
      uri: `${testPublicBaseUrl}${path}`,
      rawBody: body,
      timestamp,
    }),
    'x-hubspot-request-timestamp': timestamp,
  };
}

function modelWith(overrides: Partial<HealthModel>): HealthModel {
  return { ...(JSON.parse(JSON.stringify(defaultHealthModel)) as HealthModel), ...overrides };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(testDatabaseTargets())('health score API on $name', (target) => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let portalId: number;
  let userId: string;
  let admin: string;
  let services: HealthServices;
  let app: Express;
  const rescores: Promise<RescoreSummary<WriteBackSummary>>[] = [];

  // The signed HubSpot user, as a card or the settings page adds it to every URL.
  const asUser = (path: string, user = userId) => `${path}${path.includes('?') ? '&' : '?'}userId=${user}`;
  const get = (path: string) =>
    request(app)
      .get(asUser(path))
      .set(signed('GET', asUser(path)));
  const post = (path: string, payload: unknown = {}, on: Express = app, user = userId) => {
    const body = JSON.stringify(payload);
    return request(on)
      .post(asUser(path, user))
      .set(signed('POST', asUser(path, user), body))
      .send(body);
  };
  const put = (path: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    return request(app)
      .put(asUser(path))
      .set(signed('PUT', asUser(path), body))
      .send(body);
  };
  const scoreCount = async () =>
    Number(
      (
        await handle.db
          .selectFrom('health_scores')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('portal_id', '=', portalId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: companyCount, seed: 31 });
    portalId = sandbox.portalId;
    handle = await target.open();
    await installPortals(handle.db, [portalId]);
    const gateway = createTestGateway(sandbox);
    const { logger } = createQuietLogger();
    await runSync(syncDeps(handle.db, gateway, logger), { portalId, mode: 'full' });
    userId = (await listOwners(handle.db, portalId)).find((owner) => owner.userId !== null)!.userId!;
    admin = `hubspot-user:${userId}`;
    const real = createHealthServices({
      db: handle.db,
      gateway,
      logger,
      now: () => new Date(),
      leaseOwner: 'test:rescore',
    });
    services = {
      ...real,
      rescoreNow: (id, options) => {
        const run = real.rescoreNow(id, options);
        rescores.push(run);
        return run;
      },
    };
    app = buildTestApp(handle, { health: services }).app;
  });
  afterAll(async () => {
    await Promise.allSettled(rescores);
    await handle.close();
    await sandbox.close();
  });

  it.each([
    ['GET', `/api/health/companies/1?portalId=PORTAL`],
    ['GET', `/api/health/scores?portalId=PORTAL`],
    ['POST', `/api/health/rescore?portalId=PORTAL`],
    ['PUT', `/api/health/model?portalId=PORTAL`],
  ])('when %s %s is not signed, then the answer is 401 and nothing runs', async (method, template) => {
    const path = template.replace('PORTAL', String(portalId));
    const call =
      method === 'GET'
        ? request(app).get(path)
        : method === 'POST'
          ? request(app).post(path).send({})
          : request(app).put(path).send({ model: defaultHealthModel });
    const response = await call.expect(401);
    expect(response.body.error.code).toBe('SIGNATURE_MISSING');
    expect(rescores).toHaveLength(0);
    expect(await listHealthModelVersions(handle.db, portalId)).toEqual([]);
  });

  it('when a company has not been scored yet, then its score is 404', async () => {
    const [company] = await handle.db
      .selectFrom('companies')
      .select('id')
      .where('portal_id', '=', portalId)
      .limit(1)
      .execute();
    const response = await get(`/api/health/companies/${company!.id}?portalId=${portalId}`).expect(404);
    expect(response.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: `Company ${company!.id} has no health score yet`,
    });
  });

  it('when the portal is not installed, then the answer is 403 saying so and nothing is scored', async () => {
    const response = await post('/api/health/rescore?portalId=4242').expect(403);
    expect(response.body.error).toMatchObject({
      code: 'PORTAL_NOT_INSTALLED',
      message: 'Harbor is not installed in HubSpot account 4242',
    });
    expect(rescores).toHaveLength(0);
  });

  it('when a rescore is asked for, then the answer is 202 at once and every company gets a score', async () => {
    const response = await post(`/api/health/rescore?portalId=${portalId}`).expect(202);
    expect(response.body).toEqual({ portalId, status: 'started' });

    await waitFor(async () => (await scoreCount()) === companyCount);
    const [summary] = await Promise.all(rescores);
    expect(summary).toMatchObject({ companies: companyCount, modelVersion: 1 });
    expect(summary?.writeBack).toMatchObject({ written: companyCount });
  });

  it('when a scored company is asked for, then its score, tier, components and top driver come back', async () => {
    const [row] = await handle.db
      .selectFrom('health_scores')
      .select('company_id')
      .where('portal_id', '=', portalId)
      .where('score', 'is not', null)
      .orderBy('company_id')
      .limit(1)
      .execute();
    const companyId = row!.company_id;
    const response = await get(`/api/health/companies/${companyId}?portalId=${portalId}`).expect(200);
    expect(response.body).toMatchObject({
      companyId,
      modelVersion: 1,
      score: expect.any(Number),
      tier: expect.stringMatching(/^(healthy|watch|at_risk)$/),
      confidence: expect.any(Number),
      topDriver: { label: expect.any(String), pointsLost: expect.any(Number) },
      trend: { d7: null, d30: null, d90: null },
    });
    expect(response.body.components.length).toBeGreaterThan(2);
    expect(response.body.components[0]).toMatchObject({
      id: expect.any(String),
      indicators: expect.arrayContaining([expect.objectContaining({ label: expect.any(String) })]),
    });
    const contributions = (response.body.components as { contribution: number }[]).reduce(
      (sum, component) => sum + component.contribution,
      0,
    );
    expect(contributions).toBeCloseTo(response.body.score as number, 0);
  });

  it('when a page of one tier is asked for, then only that tier comes back, and the tiers add up to every company', async () => {
    let total = 0;
    for (const tier of ['healthy', 'watch', 'at_risk']) {
      const response = await get(`/api/health/scores?portalId=${portalId}&tier=${tier}&limit=200`).expect(
        200,
      );
      const results = response.body.results as { tier: string }[];
      expect(results.every((result) => result.tier === tier)).toBe(true);
      expect(response.body.after).toBeNull();
      total += results.length;
    }
    expect(total).toBe(companyCount);

    const first = await get(`/api/health/scores?portalId=${portalId}&limit=25`).expect(200);
    expect(first.body.results).toHaveLength(25);
    const next = await get(
      `/api/health/scores?portalId=${portalId}&limit=25&after=${first.body.after}`,
    ).expect(200);
    expect(next.body.results[0].companyId > first.body.after).toBe(true);
  });

  it('when the tier filter is not a tier, then the answer is 400 naming it', async () => {
    const response = await get(`/api/health/scores?portalId=${portalId}&tier=green`).expect(400);
    expect(response.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^tier: /),
    });
  });

  it.each([
    ['a negative dwell time', modelWith({ minDwellDays: -1 }), /model\.minDwellDays: /],
    ['a default segment without a model', modelWith({ defaultSegment: 'GOLD' }), /model\.defaultSegment: /],
    [
      'a property name HubSpot cannot have',
      modelWith({ properties: { ...defaultHealthModel.properties, seats: 'Seats Purchased' } }),
      /model\.properties\.seats: /,
    ],
  ])(
    'when an admin saves a model with %s, then the answer is 400 naming the field and no version is made',
    async (_label, model, message) => {
      const versions = await listHealthModelVersions(handle.db, portalId);
      const audit = await listAudit(handle.db, portalId);

      const response = await put(`/api/health/model?portalId=${portalId}`, { model }).expect(400);

      expect(response.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(message),
      });
      expect(await listHealthModelVersions(handle.db, portalId)).toHaveLength(versions.length);
      expect(await listAudit(handle.db, portalId)).toHaveLength(audit.length);
    },
  );

  it('when an admin saves a valid model, then it is the next version and the audit log has who, before and after', async () => {
    const before = await findCurrentHealthModel(handle.db, portalId);
    const model = modelWith({ minDwellDays: 14 });

    const response = await put(`/api/health/model?portalId=${portalId}`, { model }).expect(200);

    expect(response.body).toEqual({ portalId, version: (before?.version ?? 0) + 1 });
    const shown = await get(`/api/health/model?portalId=${portalId}`).expect(200);
    expect(shown.body).toMatchObject({ version: response.body.version, source: 'admin', createdBy: admin });
    expect(shown.body.model.minDwellDays).toBe(14);
    const [entry] = await listAudit(handle.db, portalId, 1);
    expect(entry).toMatchObject({
      actor: admin,
      action: 'health_model.update',
      entity: `health_model:v${response.body.version}`,
      before: before?.model,
      after: model,
    });
  });

  describe('calibration proposals', () => {
    const proposal = async (baseModelVersion: number, minDwellDays: number) =>
      createCalibrationProposal(handle.db, portalId, {
        baseModelVersion,
        model: modelWith({ minDwellDays }),
        report: { current: { overall: { auc: 0.61 } }, proposed: { overall: { auc: 0.68 } } },
        actor: 'harbor',
      });

    it('when an admin applies a proposal fitted on the current model, then it becomes the next version, from calibration', async () => {
      const current = await findCurrentHealthModel(handle.db, portalId);
      const fitted = await proposal(current!.version, 10);

      const response = await post(`/api/health/proposals/${fitted.id}/apply?portalId=${portalId}`).expect(
        200,
      );

      expect(response.body).toEqual({
        portalId,
        proposalId: fitted.id,
        version: current!.version + 1,
        rescoring: true,
      });
      const now = await findCurrentHealthModel(handle.db, portalId);
      expect(now).toMatchObject({ version: current!.version + 1, source: 'calibration', createdBy: admin });
      expect((now?.model as HealthModel).minDwellDays).toBe(10);
      const actions = (await listAudit(handle.db, portalId, 2)).map((entry) => entry.action);
      expect(actions).toEqual(['health_model.calibration_applied', 'health_model.update']);

      const again = await post(`/api/health/proposals/${fitted.id}/apply?portalId=${portalId}`).expect(409);
      expect(again.body.error.code).toBe('CONFLICT');
      expect((await findCurrentHealthModel(handle.db, portalId))?.version).toBe(current!.version + 1);
    });

    it('when the proposal was fitted on a model that is no longer current, then applying it is 409 and nothing changes', async () => {
      const current = await findCurrentHealthModel(handle.db, portalId);
      const stale = await proposal(current!.version - 1, 21);

      const response = await post(`/api/health/proposals/${stale.id}/apply?portalId=${portalId}`).expect(409);

      expect(response.body.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(
          new RegExp(`fitted on model v${current!.version - 1}, but v${current!.version} is now in use`),
        ),
      });
      expect((await findCurrentHealthModel(handle.db, portalId))?.version).toBe(current!.version);
    });

    it('when two proposals fitted on the current model are applied at once, then one is applied and the other is 409', async () => {
      const current = await findCurrentHealthModel(handle.db, portalId);
      const [one, two] = [await proposal(current!.version, 8), await proposal(current!.version, 9)];

      const responses = await Promise.all(
        [one, two].map((fitted) => post(`/api/health/proposals/${fitted.id}/apply?portalId=${portalId}`)),
      );

      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const versions = await listHealthModelVersions(handle.db, portalId);
      expect(versions[0]?.version).toBe(current!.version + 1);
      const listed = (await get(`/api/health/proposals?portalId=${portalId}`).expect(200)).body as {
        proposals: { id: number; status: string }[];
      };
      const statuses = listed.proposals
        .filter((entry) => entry.id === one.id || entry.id === two.id)
        .map((entry) => entry.status)
        .sort();
      expect(statuses).toEqual(['applied', 'proposed']);
    });

    it('when an admin dismisses a proposal, then the list shows it dismissed by them and it cannot be decided again', async () => {
      const current = await findCurrentHealthModel(handle.db, portalId);
      const fitted = await proposal(current!.version, 3);

      const response = await post(`/api/health/proposals/${fitted.id}/dismiss?portalId=${portalId}`).expect(
        200,
      );

      expect(response.body).toEqual({ portalId, proposalId: fitted.id, status: 'dismissed' });
      const list = await get(`/api/health/proposals?portalId=${portalId}`).expect(200);
      expect(list.body.proposals[0]).toMatchObject({ id: fitted.id, status: 'dismissed', decidedBy: admin });
      await post(`/api/health/proposals/${fitted.id}/apply?portalId=${portalId}`).expect(409);
      await post(`/api/health/proposals/${fitted.id}/dismiss?portalId=${portalId}`).expect(409);
      expect((await findCurrentHealthModel(handle.db, portalId))?.version).toBe(current!.version);
    });

    it('when the proposal, the decision or the user is unknown, then the answer says which and nothing is decided', async () => {
      await post(`/api/health/proposals/999999/apply?portalId=${portalId}`).expect(404);
      const fitted = await proposal((await findCurrentHealthModel(handle.db, portalId))!.version, 5);
      const decision = await post(`/api/health/proposals/${fitted.id}/approve?portalId=${portalId}`).expect(
        400,
      );
      expect(decision.body.error.message).toMatch(/^decision: /);
      const stranger = await post(
        `/api/health/proposals/${fitted.id}/apply?portalId=${portalId}`,
        {},
        app,
        '99999999',
      ).expect(403);
      expect(stranger.body.error.code).toBe('USER_NOT_IN_PORTAL');
      const listed = await get(`/api/health/proposals?portalId=${portalId}`).expect(200);
      expect(listed.body.proposals[0]).toMatchObject({ id: fitted.id, status: 'proposed' });
    });
  });

  it('when a rescore is asked for while one is running, then the second is 409 and a later one starts again', async () => {
    let release = (): void => undefined;
    let calls = 0;
    const held: HealthServices = {
      ...services,
      rescoreNow: () => {
        calls += 1;
        return new Promise((resolve) => {
          release = () => {
            resolve({} as RescoreSummary<WriteBackSummary>);
          };
        });
      },
    };
    const heldApp = buildTestApp(handle, { health: held }).app;
    const path = `/api/health/rescore?portalId=${portalId}`;

    await post(path, {}, heldApp).expect(202);
    const second = await post(path, {}, heldApp).expect(409);
    expect(second.body.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/being rescored/),
    });
    expect(calls).toBe(1);

    release();
    await new Promise((resolve) => setImmediate(resolve));
    await post(path, {}, heldApp).expect(202);
    expect(calls).toBe(2);
    release();
  });

  it('when scoring does not run in this instance, then a rescore is 503', async () => {
    const { app: bare } = buildTestApp(handle);
    const response = await post(`/api/health/rescore?portalId=${portalId}`, {}, bare).expect(503);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
