import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';

import { verifyHubSpotSignature } from '../../hubspot/signature/hubspot-signature.ts';
import { createSandbox, type Sandbox } from '../server/create-sandbox-app.ts';
import { buildFixtureStore, FIXTURE_NOW, FIXTURE_PORTAL_ID } from '../server/platform/testing-fixtures.ts';
import type { ActionRequestBody } from './action-request.pure.ts';
import type { WorkflowRun } from './workflow-run.ts';
import {
  fixtureHealthAction,
  startActionReceiver,
  writeActionFolder,
  type StandInAnswer,
} from './workflow-testing.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const ok: StandInAnswer = {
  status: 200,
  body: { outputFields: { score: 41, tier: 'at_risk', hs_execution_state: 'SUCCESS' } },
};

async function setUp(answer: (index: number) => StandInAnswer = () => ok, files?: Record<string, unknown>) {
  const receiver = await startActionReceiver((_request, index) => answer(index));
  const folder = await writeActionFolder(files);
  let clock = FIXTURE_NOW;
  const delays: number[] = [];
  const sandbox: Sandbox = createSandbox({
    seed: 5,
    store: buildFixtureStore(),
    now: () => clock,
    workflowActions: {
      directory: folder.directory,
      variables: { PUBLIC_BASE_URL: receiver.baseUrl },
      delay: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    },
  });
  cleanups.push(async () => {
    await sandbox.close();
    await receiver.close();
    await folder.remove();
  });
  const companyId = [...sandbox.world.defaultPortal.tables.companies.all()][0]?.id ?? '';
  const advance = (ms: number): void => {
    clock += ms;
  };
  return { sandbox, receiver, companyId, delays, advance };
}

async function run(sandbox: Sandbox, body: Record<string, unknown>) {
  return request(sandbox.app).post('/_sandbox/workflow-actions/run').send(body);
}

const health = (companyId: string, inputFields: Record<string, unknown> = { horizon: 'now' }) => ({
  actionUid: fixtureHealthAction.uid,
  companyId,
  inputFields,
});

describe('the sandbox runs workflow actions the way HubSpot does', () => {
  it('when a company is enrolled, then the app gets HubSpot’s request, signed v2 over the resolved actionUrl', async () => {
    const { sandbox, receiver, companyId } = await setUp();
    const response = await run(sandbox, health(companyId, { horizon: 'quarter', note: 'renewal soon' }));

    expect(response.status).toBe(201);
    expect(receiver.received).toHaveLength(1);
    const [received] = receiver.received;
    if (received === undefined) throw new Error('no request');
    expect(received.url).toBe('/hubspot/workflow-actions/get-health?v=1');
    const body = JSON.parse(received.body) as ActionRequestBody;
    const definitions = await sandbox.workflowRunner.definitions();
    expect(body).toEqual({
      callbackId: expect.stringMatching(/^ap-424242-\d+-\d+-0$/) as string,
      origin: {
        portalId: FIXTURE_PORTAL_ID,
        actionDefinitionId: definitions.definitions[0]?.definitionId,
        actionDefinitionVersion: 1,
      },
      context: { source: 'WORKFLOWS', workflowId: expect.any(Number) as number },
      object: {
        objectId: Number(companyId),
        objectType: 'COMPANY',
        properties: { name: 'Company 0', domain: 'company-0.example.com' },
      },
      inputFields: { horizon: 'quarter', note: 'renewal soon' },
      fields: { horizon: 'quarter', note: 'renewal soon' },
    });
    const verification = verifyHubSpotSignature(
      {
        clientSecret: sandbox.world.app.clientSecret,
        method: 'POST',
        uri: `${receiver.baseUrl}/hubspot/workflow-actions/get-health?v=1`,
        rawBody: received.body,
        headers: received.headers,
        accept: ['v2'],
      },
      FIXTURE_NOW,
    );
    expect(verification).toEqual({ ok: true, version: 'v2' });
    expect(received.headers['x-hubspot-signature-v3']).toBeUndefined();

    const result = response.body as WorkflowRun;
    expect(result).toMatchObject({
      state: 'succeeded',
      outputFields: { score: '41', tier: 'at_risk' },
      problems: [],
    });
    const listed = await request(sandbox.app).get('/_sandbox/workflow-actions/runs');
    expect((listed.body as { results: WorkflowRun[] }).results.map((r) => [r.callbackId, r.state])).toEqual([
      [body.callbackId, 'succeeded'],
    ]);
  });

  it('when the app answers 5xx, then HubSpot retries with the same callbackId until it answers', async () => {
    const { sandbox, receiver, companyId, delays } = await setUp((index) =>
      index < 2 ? { status: 503 } : ok,
    );
    const response = await run(sandbox, health(companyId));

    const result = response.body as WorkflowRun;
    expect(result.state).toBe('succeeded');
    expect(result.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 200]);
    const callbackIds = receiver.received.map((r) => (JSON.parse(r.body) as ActionRequestBody).callbackId);
    expect(new Set(callbackIds).size).toBe(1);
    expect(delays).toEqual([500, 1_000]);
  });

  it('when the app keeps failing with 5xx, then the run fails after the last retry and says why', async () => {
    const { sandbox, receiver, companyId } = await setUp(() => ({ status: 500 }));
    const run = (await run_(sandbox, companyId)).body as WorkflowRun;

    expect(receiver.received).toHaveLength(4);
    expect(run.state).toBe('failed');
    expect(run.reason).toBe('gave up after 4 attempts (HTTP 500)');
  });

  it('when the app answers 429 with Retry-After, then the retry waits that many milliseconds', async () => {
    const { sandbox, companyId, delays } = await setUp((index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '2500' } } : ok,
    );
    const run = (await run_(sandbox, companyId)).body as WorkflowRun;

    expect(run.state).toBe('succeeded');
    expect(delays).toEqual([2_500]);
  });

  it('when the app answers 4xx or FAIL_CONTINUE, then the action fails without a retry', async () => {
    const { sandbox, receiver, companyId } = await setUp((index) =>
      index === 0
        ? { status: 400, body: { message: 'no' } }
        : { status: 200, body: { outputFields: { hs_execution_state: 'FAIL_CONTINUE' } } },
    );
    const first = (await run_(sandbox, companyId)).body as WorkflowRun;
    const second = (await run_(sandbox, companyId)).body as WorkflowRun;

    expect(receiver.received).toHaveLength(2);
    expect([first.state, first.reason]).toEqual(['failed', 'HTTP 400']);
    expect([second.state, second.reason]).toEqual(['failed', 'FAIL_CONTINUE']);
  });

  it('when the app answers BLOCK, then the run waits for its callback and takes the callback’s outputs', async () => {
    const { sandbox, companyId, advance } = await setUp(() => ({
      status: 200,
      body: { outputFields: { hs_execution_state: 'BLOCK', hs_expiration_duration: 'P1DT12H' } },
    }));
    const blocked = (await run_(sandbox, companyId)).body as WorkflowRun;
    expect(blocked.state).toBe('blocked');
    expect(blocked.blockedUntil).toBe(new Date(FIXTURE_NOW + 36 * 3_600_000).toISOString());

    advance(3_600_000);
    const result = sandbox.workflowRunner.complete(blocked.callbackId, {
      hs_execution_state: 'SUCCESS',
      score: '55',
    });
    expect(result.ok).toBe(true);
    const listed = (await request(sandbox.app).get(`/_sandbox/workflow-actions/runs/${blocked.callbackId}`))
      .body as WorkflowRun;
    expect(listed).toMatchObject({ state: 'succeeded', outputFields: { score: '55' } });
    expect(listed.finishedAt).toBe(new Date(FIXTURE_NOW + 3_600_000).toISOString());
    expect(
      sandbox.workflowRunner.complete(blocked.callbackId, { hs_execution_state: 'SUCCESS' }),
    ).toMatchObject({
      ok: false,
      reason: 'not-blocked',
    });
  });

  it('when a BLOCK’s expiry passes without a callback, then the run expires and a late callback is refused', async () => {
    const { sandbox, companyId, advance } = await setUp(() => ({
      status: 200,
      body: { outputFields: { hs_execution_state: 'BLOCK', hs_expiration_duration: 'PT2H' } },
    }));
    const blocked = (await run_(sandbox, companyId)).body as WorkflowRun;

    advance(2 * 3_600_000 - 1);
    const waiting = await request(sandbox.app).get('/_sandbox/workflow-actions/runs?state=blocked');
    expect((waiting.body as { results: WorkflowRun[] }).results).toHaveLength(1);

    advance(1);
    const expired = await request(sandbox.app).get('/_sandbox/workflow-actions/runs?state=expired');
    expect((expired.body as { results: WorkflowRun[] }).results.map((r) => r.callbackId)).toEqual([
      blocked.callbackId,
    ]);
    expect(
      sandbox.workflowRunner.complete(blocked.callbackId, { hs_execution_state: 'SUCCESS' }),
    ).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('when a BLOCK has no expiry, then HubSpot waits its default week', async () => {
    const { sandbox, companyId } = await setUp(() => ({
      status: 200,
      body: { outputFields: { hs_execution_state: 'BLOCK' } },
    }));
    const blocked = (await run_(sandbox, companyId)).body as WorkflowRun;
    expect(blocked.blockedUntil).toBe(new Date(FIXTURE_NOW + 7 * 86_400_000).toISOString());
  });

  it('when the outputs match an execution rule, then the run shows its message, as workflow history would', async () => {
    const { sandbox, companyId } = await setUp((index) => ({
      status: 200,
      body: { outputFields: { tier: 'at_risk', score: index === 0 ? '0' : '30' } },
    }));
    const matched = (await run_(sandbox, companyId)).body as WorkflowRun;
    const unmatched = (await run_(sandbox, companyId)).body as WorkflowRun;
    expect(matched.executionRule).toEqual({ labelName: 'not_scored', message: 'Harbor has no score yet' });
    expect(unmatched.executionRule).toBeUndefined();
  });

  it('when the answer carries outputs the action does not declare, then the run lists them as problems', async () => {
    const { sandbox, companyId } = await setUp(() => ({
      status: 200,
      body: { outputFields: { score: 'high', tier: 'doomed', extra: '1' } },
    }));
    const run = (await run_(sandbox, companyId)).body as WorkflowRun;
    expect(run.state).toBe('succeeded');
    expect(run.problems).toEqual([
      'score: expected a number',
      'tier: doomed is not a declared option',
      'extra: not a declared output field',
    ]);
  });

  it('when inputs, action or company are wrong, then nothing is sent and the answer says what is wrong', async () => {
    const { sandbox, receiver, companyId } = await setUp();
    const cases: [Record<string, unknown>, number, string][] = [
      [health(companyId, {}), 400, 'horizon: required'],
      [health(companyId, { horizon: 'decade' }), 400, 'horizon: decade is not one of now, quarter'],
      [
        health(companyId, { horizon: 'now', colour: 'red' }),
        400,
        'colour: not an input field of this action',
      ],
      [
        { ...health(companyId), actionUid: 'nope' },
        404,
        'no workflow action nope (known: fixture_get_health)',
      ],
      [health('999999'), 404, `company 999999 does not exist in portal ${String(FIXTURE_PORTAL_ID)}`],
      [{ ...health(companyId), portalId: 5 }, 404, 'portal 5 does not exist'],
    ];
    for (const [body, status, message] of cases) {
      const response = await run(sandbox, body);
      expect([response.status, (response.body as { message: string }).message]).toEqual([status, message]);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('when the profile lacks a variable the actionUrl uses, then the run is refused naming it', async () => {
    const { sandbox, companyId } = await setUp(() => ok, {
      'fixture-get-health-hsmeta.json': {
        ...fixtureHealthAction,
        config: { ...fixtureHealthAction.config, actionUrl: '${HARBOR_URL}/x' },
      },
    });
    const response = await run(sandbox, health(companyId));
    expect(response.status).toBe(404);
    expect((response.body as { message: string }).message).toMatch(
      /fixture-get-health-hsmeta\.json: profile variable \$\{HARBOR_URL\} has no value/,
    );
  });
});

describe('a BLOCKed run and HubSpot’s callbacks API', () => {
  const block: StandInAnswer = { status: 200, body: { outputFields: { hs_execution_state: 'BLOCK' } } };

  it('when the app completes the callback, single or batch, then the run finishes with the callback’s state', async () => {
    const { sandbox, companyId } = await setUp(() => block);
    const first = (await run_(sandbox, companyId)).body as WorkflowRun;
    const second = (await run_(sandbox, companyId)).body as WorkflowRun;
    const token = `Bearer ${sandbox.world.staticToken}`;

    const single = await request(sandbox.app)
      .post(`/automation/v4/actions/callbacks/${first.callbackId}/complete`)
      .set('authorization', token)
      .send({ outputFields: { hs_execution_state: 'SUCCESS', score: '70' } });
    const batch = await request(sandbox.app)
      .post('/automation/v4/actions/callbacks/complete')
      .set('authorization', token)
      .send({
        inputs: [{ callbackId: second.callbackId, outputFields: { hs_execution_state: 'FAIL_CONTINUE' } }],
      });

    expect([single.status, batch.status]).toEqual([204, 204]);
    const runs = (await request(sandbox.app).get('/_sandbox/workflow-actions/runs')).body as {
      results: WorkflowRun[];
    };
    expect(runs.results.map((r) => [r.callbackId, r.state, r.outputFields.score])).toEqual([
      [second.callbackId, 'failed', undefined],
      [first.callbackId, 'succeeded', '70'],
    ]);
  });

  it('when another portal’s token completes the callback, then it is not found and the run keeps waiting', async () => {
    const { sandbox, companyId } = await setUp(() => block);
    const blocked = (await run_(sandbox, companyId)).body as WorkflowRun;
    sandbox.world.install(777);
    sandbox.world.tokens.addStatic('pat-other', 777, ['automation'], FIXTURE_NOW);

    const response = await request(sandbox.app)
      .post(`/automation/v4/actions/callbacks/${blocked.callbackId}/complete`)
      .set('authorization', 'Bearer pat-other')
      .send({ outputFields: { hs_execution_state: 'SUCCESS' } });

    expect(response.status).toBe(404);
    expect(sandbox.workflowRunner.get(blocked.callbackId)?.state).toBe('blocked');
  });
});

function run_(sandbox: Sandbox, companyId: string) {
  return run(sandbox, health(companyId));
}
