import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { createSignalActions } from '../automations/signal-actions.ts';
import { computeSignatureV2, computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import { createPlaybookService, type PlaybookService } from '../playbooks/playbook-service.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { portalSignalRules } from '../signals/portal-signal-rules.ts';
import { createSignalService, type SignalService } from '../signals/signal-service.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { saveHealthScores } from '../store/repositories/health-scores-repository.ts';
import { playbookTaskKey } from '../store/repositories/playbook-runs-repository.ts';
import { listActiveSignals } from '../store/repositories/signals-repository.ts';
import { runSync } from '../sync/run-sync.ts';
import { createTestGateway, syncDeps } from '../sync/testing/sync-test-kit.ts';
import { syncTaskCompletions } from '../tasks/sync-task-completions.ts';
import {
  sandboxTasksWithKey,
  startFastSandbox,
  taskDeps,
  type TestTaskDeps,
} from '../tasks/testing/task-test-kit.ts';
import { completeWaitingActions } from './complete-waiting-actions.ts';

const DAY = 86_400_000;
const otherPortalId = 424_299;

describe.each(testDatabaseTargets())('custom workflow actions on $name', (target) => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let app: Express;
  let deps: TestTaskDeps;
  let playbooks: PlaybookService;
  let signals: SignalService;
  let companyIds: string[];
  const clock = Date.now();
  let sequence = 0;
  const now = () => new Date(clock);

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 8, seed: 71 });
    handle = await target.open();
    const summary = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
      portalId: sandbox.portalId,
      mode: 'full',
    });
    expect(summary.status).toBe('succeeded');
    await installPortals(handle.db, [sandbox.portalId, otherPortalId]);
    companyIds = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((c) => c.id).sort();
    deps = taskDeps(handle.db, sandbox, 'instance-a', { now, tuning: { settleMs: 0 } });
    playbooks = createPlaybookService(deps);
    signals = createSignalService({
      db: handle.db,
      logger: deps.logger,
      now,
      ...portalSignalRules(handle.db, deps.logger),
    });
    const signalActions = createSignalActions({ ...deps, signals, playbooks });
    app = buildTestApp(handle, { now, signals, playbooks, signalActions }).app;
  }, 120_000);
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  const callbackId = (portalId = sandbox.portalId) => `ap-${portalId}-5150-${++sequence}-0`;
  const body = (
    companyId: string,
    inputFields: Record<string, unknown>,
    id = callbackId(),
    portalId = sandbox.portalId,
  ) => ({
    callbackId: id,
    origin: { portalId, actionDefinitionId: 17, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: 88 },
    object: { objectId: Number(companyId), objectType: 'COMPANY', properties: {} },
    inputFields,
    fields: inputFields,
  });

  /** Sends a request as HubSpot does for workflow actions: v2-signed over the public URL. */
  function send(path: string, payload: unknown, sign: { secret?: string; rawBody?: string } = {}) {
    const rawBody = JSON.stringify(payload);
    const signature = computeSignatureV2({
      clientSecret: sign.secret ?? testClientSecret,
      method: 'POST',
      uri: `${testPublicBaseUrl}${path}`,
      rawBody: sign.rawBody ?? rawBody,
    });
    return request(app)
      .post(path)
      .set('content-type', 'application/json')
      .set('x-hubspot-signature', signature)
      .set('x-hubspot-signature-version', 'v2')
      .send(rawBody);
  }

  async function sendTimes(path: string, payload: unknown, times: number) {
    const answers = [];
    for (let attempt = 0; attempt < times; attempt += 1) {
      const response = await send(path, payload);
      expect(response.status).toBe(200);
      answers.push(response.body as { outputFields: Record<string, unknown> });
    }
    return answers;
  }

  async function completeInHubSpot(taskId: string): Promise<void> {
    const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/tasks/${taskId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { hs_task_status: 'COMPLETED' } }),
    });
    expect(response.status).toBe(200);
  }

  const completions = () => sandbox.sandbox.actionCallbacks.completions(sandbox.portalId);
  const completionOf = (id: string) => completions().filter((entry) => entry.callbackId === id);

  it.each([2, 3])(
    'when HubSpot sends "Start a Harbor playbook" %i times with one callbackId, then one run and one task exist and every retry gets the first answer',
    async (times) => {
      const companyId = companyIds[times - 2]!;
      const answers = await sendTimes(
        '/workflow-actions/playbooks/start',
        body(companyId, { playbook: 'onboarding' }),
        times,
      );

      expect(answers[0]?.outputFields).toMatchObject({
        hs_execution_state: 'SUCCESS',
        tasksCreated: 1,
        alreadyRunning: false,
      });
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      const runId = Number(answers[0]?.outputFields.runId);
      expect(sandboxTasksWithKey(sandbox, playbookTaskKey(runId, 0))).toHaveLength(1);
      const runs = await handle.db
        .selectFrom('playbook_runs')
        .select('id')
        .where('company_id', '=', companyId)
        .execute();
      expect(runs).toHaveLength(1);

      const fresh = await sendTimes(
        '/workflow-actions/playbooks/start',
        body(companyId, { playbook: 'onboarding' }),
        1,
      );
      expect(fresh[0]?.outputFields).toMatchObject({ tasksCreated: 0, alreadyRunning: true, runId });
    },
  );

  it.each([2, 3])(
    'when HubSpot sends "Record a risk signal" %i times with one callbackId, then one signal opens with one history line, due by its severity',
    async (times) => {
      const companyId = companyIds[times]!;
      const answers = await sendTimes(
        '/workflow-actions/signals/record',
        body(companyId, { type: 'executive_complaint', severity: 'critical', note: 'CFO emailed the CEO' }),
        times,
      );

      expect(answers[0]?.outputFields).toMatchObject({ hs_execution_state: 'SUCCESS', opened: true });
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      const active = (await listActiveSignals(handle.db, sandbox.portalId, [companyId])).filter(
        (signal) => signal.type === 'executive_complaint',
      );
      expect(active).toHaveLength(1);
      const signal = active[0]!;
      expect(signal.dueAt - clock).toBeLessThanOrEqual(7 * DAY);
      const events = await handle.db
        .selectFrom('signal_events')
        .selectAll()
        .where('signal_id', '=', signal.id)
        .execute();
      expect(events.map((event) => [event.kind, event.actor, event.note])).toEqual([
        ['opened', 'hubspot-workflow', 'CFO emailed the CEO'],
      ]);
    },
  );

  it('when a recorded risk signal passes its due date untouched, then it escalates like any risk', async () => {
    const companyId = companyIds[5]!;
    await sendTimes(
      '/workflow-actions/signals/record',
      body(companyId, { type: 'late_payment', severity: 'high' }),
      1,
    );
    const later = createSignalService({
      db: handle.db,
      logger: deps.logger,
      now: () => new Date(clock + 60 * DAY),
      ...portalSignalRules(handle.db, deps.logger),
    });

    expect(await later.escalateOverdue(sandbox.portalId)).toBeGreaterThanOrEqual(1);
    const [signal] = (await listActiveSignals(handle.db, sandbox.portalId, [companyId])).filter(
      (entry) => entry.type === 'late_payment',
    );
    expect(signal?.escalatedAt).not.toBeNull();
  });

  it.each([2, 3])(
    'when HubSpot sends "Get Harbor health" %i times, then each answer is the first one',
    async (times) => {
      const companyId = companyIds[0]!;
      await saveHealthScores(handle.db, sandbox.portalId, [
        {
          companyId,
          modelVersion: 1,
          segment: 'all',
          score: 41.26,
          tier: 'at_risk',
          tierSince: now(),
          pendingTier: null,
          confidence: 80,
          churnProbability: 0.372,
          components: [],
          topDriver: {
            indicator: 'logins',
            component: 'usage',
            label: 'Logins fell',
            value: 3,
            pointsLost: 12,
          },
          changes: [],
          trend: { d7: null, d30: null, d90: null },
          computedAt: now(),
        },
      ]);
      const payload = body(companyId, {});
      const answers = await sendTimes('/workflow-actions/health', payload, times);

      expect(answers[0]?.outputFields).toMatchObject({
        hs_execution_state: 'SUCCESS',
        score: 41.3,
        tier: 'at_risk',
        topDriver: 'Logins fell',
        churnProbability: 37.2,
      });
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      const rows = await handle.db
        .selectFrom('workflow_action_calls')
        .selectAll()
        .where('callback_id', '=', payload.callbackId)
        .execute();
      expect(rows).toHaveLength(1);
    },
  );

  it('when a forged, tampered, expired or other-portal request arrives, then it is refused and nothing is started', async () => {
    const companyId = companyIds[6]!;
    const path = '/workflow-actions/playbooks/start';
    const payload = body(companyId, { playbook: 'renewal' });

    expect((await send(path, payload, { secret: 'not-the-app-secret' })).status).toBe(401);
    expect(
      (await send(path, payload, { rawBody: JSON.stringify({ ...payload, callbackId: callbackId() }) }))
        .status,
    ).toBe(401);
    const unsigned = await request(app)
      .post(path)
      .set('content-type', 'application/json')
      .send(JSON.stringify(payload));
    expect(unsigned.status).toBe(401);

    const oldTimestamp = String(clock - 6 * 60_000);
    const raw = JSON.stringify(payload);
    const expired = await request(app)
      .post(path)
      .set('content-type', 'application/json')
      .set('x-hubspot-request-timestamp', oldTimestamp)
      .set(
        'x-hubspot-signature-v3',
        computeSignatureV3({
          clientSecret: testClientSecret,
          method: 'POST',
          uri: `${testPublicBaseUrl}${path}`,
          rawBody: raw,
          timestamp: oldTimestamp,
        }),
      )
      .send(raw);
    expect(expired.status).toBe(401);
    expect((expired.body as { error: { code: string } }).error.code).toBe('SIGNATURE_EXPIRED');

    // The callbackId names one portal and the signed origin another.
    const mixed = await send(path, { ...payload, origin: { ...payload.origin, portalId: otherPortalId } });
    expect(mixed.status).toBe(400);
    const notInstalled = await send(
      path,
      body(companyId, { playbook: 'renewal' }, callbackId(777_001), 777_001),
    );
    expect(notInstalled.status).toBe(403);
    // Another installed portal naming this portal's company: it is not that portal's company.
    const otherPortal = await send(
      path,
      body(companyId, { playbook: 'renewal' }, callbackId(otherPortalId), otherPortalId),
    );
    expect((otherPortal.body as { outputFields: unknown }).outputFields).toEqual({
      hs_execution_state: 'FAIL_CONTINUE',
      errorCode: 'COMPANY_NOT_SYNCED',
    });

    const runs = await handle.db
      .selectFrom('playbook_runs')
      .select('id')
      .where('company_id', '=', companyId)
      .execute();
    expect(runs).toEqual([]);
  });

  it.each([2, 3])(
    'when "Wait for the playbook" is sent %i times and the playbook’s tasks are completed in HubSpot, then the one blocked step is completed through the callbacks API',
    async (times) => {
      const companyId = companyIds[times + 2]!;
      const started = await sendTimes(
        '/workflow-actions/playbooks/start',
        body(companyId, { playbook: 'risk' }),
        1,
      );
      const runId = Number(started[0]?.outputFields.runId);
      const wait = body(companyId, { playbook: 'risk', maxWaitDays: 10 });
      const answers = await sendTimes('/workflow-actions/playbooks/wait', wait, times);
      for (const answer of answers)
        expect(answer.outputFields).toEqual({ hs_execution_state: 'BLOCK', hs_expiration_duration: 'P10D' });

      expect(await completeWaitingActions(deps, sandbox.portalId)).toMatchObject({ completed: 0 });
      expect(completionOf(wait.callbackId)).toEqual([]);

      const steps = (await playbooks.advancePortal(sandbox.portalId),
      await handle.db
        .selectFrom('playbook_runs')
        .select('steps')
        .where('id', '=', runId)
        .executeTakeFirstOrThrow()).steps as unknown[];
      for (let step = 0; step < steps.length; step += 1) {
        const [task] = sandboxTasksWithKey(sandbox, playbookTaskKey(runId, step));
        await completeInHubSpot(task!.id);
        await syncTaskCompletions(deps, sandbox.portalId);
        await playbooks.advancePortal(sandbox.portalId);
      }
      await completeWaitingActions(deps, sandbox.portalId);
      await completeWaitingActions(deps, sandbox.portalId);

      expect(completionOf(wait.callbackId).map((entry) => entry.outputFields)).toEqual([
        { hs_execution_state: 'SUCCESS', tasksCompleted: String(steps.length) },
      ]);
      const retry = await sendTimes('/workflow-actions/playbooks/wait', wait, 1);
      expect(retry[0]).toEqual(answers[0]);
      expect(completionOf(wait.callbackId)).toHaveLength(1);
    },
  );

  it('when the playbook is cancelled, or the wait runs out, then the blocked step continues with FAIL_CONTINUE', async () => {
    const cancelledCompany = companyIds[7]!;
    const started = await sendTimes(
      '/workflow-actions/playbooks/start',
      body(cancelledCompany, { playbook: 'adoption' }),
      1,
    );
    const cancelledWait = body(cancelledCompany, { playbook: 'adoption' });
    await sendTimes('/workflow-actions/playbooks/wait', cancelledWait, 1);
    await playbooks.command(
      sandbox.portalId,
      Number(started[0]?.outputFields.runId),
      { kind: 'cancel', reason: 'customer paused' },
      'user:7001',
    );

    const expiringCompany = companyIds[1]!;
    const expiringWait = body(expiringCompany, { playbook: 'onboarding', maxWaitDays: 1 });
    await sendTimes('/workflow-actions/playbooks/wait', expiringWait, 1);
    await completeWaitingActions({ ...deps, now: () => new Date(clock + 2 * DAY) }, sandbox.portalId);

    expect(completionOf(cancelledWait.callbackId).map((entry) => entry.outputFields)).toEqual([
      { hs_execution_state: 'FAIL_CONTINUE', errorCode: 'PLAYBOOK_CANCELLED' },
    ]);
    expect(completionOf(expiringWait.callbackId).map((entry) => entry.outputFields)).toEqual([
      { hs_execution_state: 'FAIL_CONTINUE', errorCode: 'WAIT_EXPIRED' },
    ]);
  });

  it('when a wait names a playbook that is not running, then the workflow continues with an error code instead of waiting', async () => {
    const answers = await sendTimes(
      '/workflow-actions/playbooks/wait',
      body(companyIds[6]!, { playbook: 'expansion' }),
      1,
    );
    expect(answers[0]?.outputFields).toEqual({
      hs_execution_state: 'FAIL_CONTINUE',
      errorCode: 'NO_PLAYBOOK_RUNNING',
    });
  });

  it('when HubSpot asks for the playbook options, then it gets the playbooks in HubSpot’s options shape', async () => {
    const response = await send('/workflow-actions/playbooks/options', {
      origin: { portalId: sandbox.portalId, actionDefinitionId: 17, actionDefinitionVersion: 1 },
      objectTypeId: '0-2',
      inputFieldName: 'playbook',
      inputFields: {},
      fetchOptions: { q: 'renew' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ options: [{ label: 'Renewal', value: 'renewal' }], searchable: true });
  });
});
