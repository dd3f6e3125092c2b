import { defaultAutomationSettings, defaultPlaybooks, type AutomationSettings } from '@harbor/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { createPlaybookService } from '../playbooks/playbook-service.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { createSignalService, type SignalService } from '../signals/signal-service.ts';
import type { SignalFiring } from '../signals/signal-types.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { listAutomationRuns } from '../store/repositories/automation-runs-repository.ts';
import { listCompanyRuns, playbookTaskKey } from '../store/repositories/playbook-runs-repository.ts';
import { saveSettingsVersion } from '../store/repositories/settings-repository.ts';
import { listActiveSignals } from '../store/repositories/signals-repository.ts';
import { runSync } from '../sync/run-sync.ts';
import { createTestGateway, syncDeps } from '../sync/testing/sync-test-kit.ts';
import { sandboxTasksWithKey, startFastSandbox, taskDeps } from '../tasks/testing/task-test-kit.ts';
import { createSignalActions, type SignalActions } from './signal-actions.ts';

const firing = (type: SignalFiring['type'], severity: SignalFiring['severity'] = 'high'): SignalFiring => ({
  type,
  severity,
  evidence: [{ key: 'example', value: 1 }],
});

describe.each(testDatabaseTargets())('automations and signal actions on $name', (target) => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let companyIds: string[];
  let signals: SignalService;
  let actions: SignalActions;
  /** What the rules fire per company, as each test sets it. */
  const fired = new Map<string, SignalFiring[]>();

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 8, seed: 71 });
    handle = await target.open();
    const summary = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
      portalId: sandbox.portalId,
      mode: 'full',
    });
    expect(summary.status).toBe('succeeded');
    companyIds = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((c) => c.id).sort();
    const deps = taskDeps(handle.db, sandbox, 'instance-a', { tuning: { settleMs: 0 } });
    const playbooks = createPlaybookService(deps);
    signals = createSignalService({
      db: handle.db,
      logger: deps.logger,
      now: () => new Date(deps.clock.now()),
      fire: (_portal, ids) =>
        Promise.resolve(
          ids.map((companyId) => ({ companyId, ownerId: null, firings: fired.get(companyId) ?? [] })),
        ),
      dueDays: () => Promise.resolve({ low: 20, medium: 10, high: 5, critical: 2 }),
      runAction: (portalId, signal, actor) => actions.startDefinedAction(portalId, signal, actor),
    });
    actions = createSignalActions({ ...deps, signals, playbooks });
  }, 120_000);
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  const open = async (companyId: string, ...firings: SignalFiring[]) => {
    fired.set(companyId, firings);
    await signals.evaluate(sandbox.portalId, [companyId]);
    return listActiveSignals(handle.db, sandbox.portalId, [companyId]);
  };
  const runsOf = (companyId: string) =>
    listCompanyRuns(handle.db, sandbox.portalId, [companyId], new Date(0));

  it('when a renewal window opens, then the renewal playbook starts once with the signal as its reason, however often automations run', async () => {
    const companyId = companyIds[0]!;
    const [signal] = await open(companyId, firing('renewal_window', 'medium'));

    const [first, second] = await Promise.all([
      actions.runAutomations(sandbox.portalId),
      actions.runAutomations(sandbox.portalId),
    ]);
    await actions.runAutomations(sandbox.portalId);

    expect((first.outcomes.playbook_started ?? 0) + (second.outcomes.playbook_started ?? 0)).toBe(1);
    const runs = await runsOf(companyId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      playbook: 'renewal',
      signalId: signal!.id,
      startedBy: 'harbor:automation',
    });
    expect(runs[0]!.reason).toContain('renewal window');
    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(runs[0]!.id, 0))).toHaveLength(1);
    const [after] = await listActiveSignals(handle.db, sandbox.portalId, [companyId]);
    expect(after).toMatchObject({ status: 'in_progress' });
    const logged = await listAutomationRuns(handle.db, sandbox.portalId, { limit: 10, companyId });
    expect(logged).toMatchObject([
      { trigger: 'renewal_window', outcome: 'playbook_started', detail: `run ${runs[0]!.id}` },
    ]);
  });

  it('when a trigger only opens the signal, then nothing is created and the signal waits for its owner', async () => {
    const companyId = companyIds[1]!;
    await open(companyId, firing('critical_ticket'));
    await actions.runAutomations(sandbox.portalId);

    expect(await runsOf(companyId)).toEqual([]);
    expect(await listActiveSignals(handle.db, sandbox.portalId, [companyId])).toMatchObject([
      { status: 'open' },
    ]);
    expect(await listAutomationRuns(handle.db, sandbox.portalId, { limit: 10, companyId })).toMatchObject([
      { outcome: 'signal_opened' },
    ]);
  });

  it('when an admin sets late payment to create a task, then one task keyed by the signal is created and the signal counts as acted on', async () => {
    const settings: AutomationSettings = {
      ...defaultAutomationSettings,
      triggers: {
        ...defaultAutomationSettings.triggers,
        late_payment: { enabled: true, action: { kind: 'create_task' } },
      },
    };
    await saveSettingsVersion(handle.db, sandbox.portalId, { automations: settings }, 'test');
    const companyId = companyIds[2]!;
    const [signal] = await open(companyId, firing('late_payment', 'critical'));
    await actions.runAutomations(sandbox.portalId);
    await actions.runAutomations(sandbox.portalId);

    const tasks = sandboxTasksWithKey(sandbox, `signal:${signal!.id}:action`);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.properties.hs_task_body).toContain('finance');
    expect(await listActiveSignals(handle.db, sandbox.portalId, [companyId])).toMatchObject([
      { status: 'in_progress' },
    ]);
    await saveSettingsVersion(handle.db, sandbox.portalId, {}, 'test');
  });

  it('when a CSM starts a low-health signal’s action, then its risk playbook starts before the signal reads in progress', async () => {
    const companyId = companyIds[3]!;
    const [signal] = await open(companyId, firing('low_health'));
    const started = await signals.command(
      sandbox.portalId,
      signal!.id,
      { kind: 'start_action' },
      'hubspot-user:7001',
    );

    expect(started.status).toBe('in_progress');
    expect(await runsOf(companyId)).toMatchObject([
      { playbook: 'risk', signalId: signal!.id, startedBy: 'hubspot-user:7001' },
    ]);
  });

  it('when the playbook a signal needs is turned off, then starting its action is refused and the signal stays open', async () => {
    await saveSettingsVersion(
      handle.db,
      sandbox.portalId,
      {
        playbooks: {
          templates: { adoption: { ...defaultPlaybooks.adoption.en, enabled: false } },
          segments: {},
          maxOpenTasksPerOwnerPerDay: 20,
        },
      },
      'test',
    );
    const companyId = companyIds[4]!;
    const [signal] = await open(companyId, firing('usage_drop'));
    await expect(
      signals.command(sandbox.portalId, signal!.id, { kind: 'start_action' }, 'hubspot-user:7001'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await listActiveSignals(handle.db, sandbox.portalId, [companyId])).toMatchObject([
      { status: 'open' },
    ]);
    await saveSettingsVersion(handle.db, sandbox.portalId, {}, 'test');
  });

  it('when a CSM starts the detractor playbook from the card, then the open detractor signal counts as acted on', async () => {
    const companyId = companyIds[5]!;
    await saveSettingsVersion(
      handle.db,
      sandbox.portalId,
      {
        automations: {
          ...defaultAutomationSettings,
          triggers: {
            ...defaultAutomationSettings.triggers,
            detractor: { enabled: false, action: { kind: 'open_signal' } },
          },
        },
      },
      'test',
    );
    await open(companyId, firing('detractor'));
    await actions.runAutomations(sandbox.portalId);
    expect(await listActiveSignals(handle.db, sandbox.portalId, [companyId])).toMatchObject([
      { status: 'open' },
    ]);

    const { run } = await actions.startPlaybook(sandbox.portalId, {
      companyId,
      playbook: 'detractor_follow_up',
      actor: 'hubspot-user:7001',
    });
    expect(run.reason).toContain('started from Harbor');
    expect(await listActiveSignals(handle.db, sandbox.portalId, [companyId])).toMatchObject([
      { status: 'in_progress' },
    ]);
    await saveSettingsVersion(handle.db, sandbox.portalId, {}, 'test');
  });
});
