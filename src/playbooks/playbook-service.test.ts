import { defaultPlaybooks, type PlaybookSettings } from '@harbor/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { saveSettingsVersion } from '../store/repositories/settings-repository.ts';
import { playbookTaskKey } from '../store/repositories/playbook-runs-repository.ts';
import { runSync } from '../sync/run-sync.ts';
import { createTestGateway, syncDeps } from '../sync/testing/sync-test-kit.ts';
import { countOpenTasksForOwnerToday } from '../tasks/owner-task-cap.ts';
import { syncTaskCompletions } from '../tasks/sync-task-completions.ts';
import {
  sandboxTasksWithKey,
  startFastSandbox,
  taskDeps,
  type TestTaskDeps,
} from '../tasks/testing/task-test-kit.ts';
import { createPlaybookService, type PlaybookService } from './playbook-service.ts';

const DAY = 86_400_000;
const person = { kind: 'person' as const, actor: 'user:7001' };

/** A user completing a task in HubSpot. */
async function complete(sandbox: RunningSandbox, taskId: string): Promise<void> {
  const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/tasks/${taskId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ properties: { hs_task_status: 'COMPLETED' } }),
  });
  if (response.status !== 200) throw new Error(`PATCH failed: ${await response.text()}`);
}

describe.each(testDatabaseTargets())('playbooks on $name', (target) => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let companyIds: string[];
  let deps: TestTaskDeps;
  let playbooks: PlaybookService;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 6, seed: 61 });
    handle = await target.open();
    const summary = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
      portalId: sandbox.portalId,
      mode: 'full',
    });
    expect(summary.status).toBe('succeeded');
    companyIds = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((c) => c.id).sort();
    deps = taskDeps(handle.db, sandbox, 'instance-a', { tuning: { settleMs: 0 } });
    playbooks = createPlaybookService(deps);
  }, 120_000);
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  const store = () => sandbox.sandbox.world.defaultPortal;
  const taskOf = (runId: number, step: number) => {
    const tasks = sandboxTasksWithKey(sandbox, playbookTaskKey(runId, step));
    expect(tasks).toHaveLength(1);
    return tasks[0]!;
  };
  const readBackAndAdvance = async () => {
    await syncTaskCompletions(deps, sandbox.portalId);
    return playbooks.advancePortal(sandbox.portalId);
  };

  it('when a CSM starts the onboarding playbook, then its first step is one HubSpot task on the company, with the company owner, and starting it again changes nothing', async () => {
    const companyId = companyIds[0]!;
    const first = await playbooks.start(sandbox.portalId, {
      companyId,
      playbook: 'onboarding',
      actor: 'user:7001',
      origin: person,
    });
    const again = await playbooks.start(sandbox.portalId, {
      companyId,
      playbook: 'onboarding',
      actor: 'user:7001',
      origin: person,
    });

    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, run: { id: first.run.id } });
    const task = taskOf(first.run.id, 0);
    const step = defaultPlaybooks.onboarding.en.steps[0]!;
    expect(task.properties.hs_task_subject).toContain(step.title);
    expect(task.properties.hs_task_body).toContain('Why: started from Harbor');
    expect(task.properties.hs_task_body).toContain(`/record/0-2/${companyId}`);
    expect(task.properties.hubspot_owner_id).toBe(
      store().tables.companies.get(companyId)?.properties.hubspot_owner_id ?? undefined,
    );
    expect(store().associations.ids('tasks', task.id, 'companies')).toEqual([companyId]);
    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(first.run.id, 1))).toHaveLength(0);
  });

  it('when each step is completed in HubSpot, then the next step’s task follows and the run completes after the last', async () => {
    const companyId = companyIds[1]!;
    const { run } = await playbooks.start(sandbox.portalId, {
      companyId,
      playbook: 'risk',
      actor: 'user:7001',
      origin: person,
    });
    const steps = run.steps.length;
    expect(steps).toBeGreaterThan(1);
    for (let step = 0; step < steps; step += 1) {
      await complete(sandbox, taskOf(run.id, step).id);
      const summary = await readBackAndAdvance();
      expect(summary).toMatchObject(step + 1 < steps ? { created: 1 } : { completed: 1, created: 0 });
    }
    const again = await playbooks.start(sandbox.portalId, {
      companyId,
      playbook: 'risk',
      actor: 'user:7001',
      origin: person,
    });
    expect(again.created).toBe(true);
    expect(again.run.id).not.toBe(run.id);
  });

  it('when two instances advance the same portal at once, then the next step still gets exactly one task', async () => {
    const companyId = companyIds[5]!;
    const other = createPlaybookService(
      taskDeps(handle.db, sandbox, 'instance-b', { tuning: { settleMs: 0 } }),
    );
    const { run } = await playbooks.start(sandbox.portalId, {
      companyId,
      playbook: 'onboarding',
      actor: 'user:7001',
      origin: person,
    });
    await complete(sandbox, taskOf(run.id, 0).id);
    await syncTaskCompletions(deps, sandbox.portalId);

    await Promise.all([playbooks.advancePortal(sandbox.portalId), other.advancePortal(sandbox.portalId)]);

    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(run.id, 1))).toHaveLength(1);
    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(run.id, 2))).toHaveLength(0);
  });

  it('when an owner already has their daily cap of open Harbor tasks, then the next step waits for the next day instead of being created', async () => {
    const owner = (id: string) => store().tables.companies.get(id)?.properties.hubspot_owner_id;
    const [a, b] = companyIds.slice(2).filter((id) => owner(id) === owner(companyIds[2]!)) as [
      string,
      string?,
    ];
    const companyB = b ?? a;
    // Room for exactly one more task today, whatever the earlier tests gave this owner.
    const ownerId = owner(a) ?? '';
    const today = await countOpenTasksForOwnerToday(
      handle.db,
      sandbox.portalId,
      ownerId,
      new Date(deps.clock.now()),
    );
    const settings: PlaybookSettings = { templates: {}, segments: {}, maxOpenTasksPerOwnerPerDay: today + 1 };
    await saveSettingsVersion(handle.db, sandbox.portalId, { playbooks: settings }, 'test');
    const first = await playbooks.start(sandbox.portalId, {
      companyId: a,
      playbook: 'adoption',
      actor: 'user:7001',
      origin: person,
    });
    const second = await playbooks.start(sandbox.portalId, {
      companyId: companyB,
      playbook: companyB === a ? 'expansion' : 'adoption',
      actor: 'user:7001',
      origin: person,
    });

    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(first.run.id, 0))).toHaveLength(1);
    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(second.run.id, 0))).toHaveLength(0);
    expect(second.run).toMatchObject({ lastError: 'owner_daily_cap' });
    expect(second.run.nextAttemptAt).toBeGreaterThan(deps.clock.now());

    await deps.clock.sleep(DAY);
    await readBackAndAdvance();
    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(second.run.id, 0))).toHaveLength(1);
    await saveSettingsVersion(handle.db, sandbox.portalId, {}, 'test');
  });

  it('when a run is snoozed, then a step completed meanwhile counts, but the next task waits until the snooze ends or the run resumes', async () => {
    const companyId = companyIds[3]!;
    const { run } = await playbooks.start(sandbox.portalId, {
      companyId,
      playbook: 'renewal',
      actor: 'user:7001',
      origin: person,
    });
    await playbooks.command(
      sandbox.portalId,
      run.id,
      { kind: 'snooze', until: deps.clock.now() + 3 * DAY },
      'user:7001',
    );
    await complete(sandbox, taskOf(run.id, 0).id);
    await readBackAndAdvance();
    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(run.id, 1))).toHaveLength(0);

    const resumed = await playbooks.command(sandbox.portalId, run.id, { kind: 'resume' }, 'user:7001');
    expect(resumed).toMatchObject({ currentStep: 1, snoozedUntil: null });
    expect(sandboxTasksWithKey(sandbox, playbookTaskKey(run.id, 1))).toHaveLength(1);
  });

  it('when a person cancels a run, then a reason is required, the run ends, and another portal’s run is not found', async () => {
    const companyId = companyIds[4]!;
    const { run } = await playbooks.start(sandbox.portalId, {
      companyId,
      playbook: 'expansion',
      actor: 'user:7001',
      origin: person,
    });
    await expect(
      playbooks.command(sandbox.portalId, run.id, { kind: 'cancel', reason: '  ' }, 'user:7001'),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      playbooks.command(sandbox.portalId + 1, run.id, { kind: 'cancel', reason: 'not ours' }, 'user:7001'),
    ).rejects.toBeInstanceOf(AppError);
    const cancelled = await playbooks.command(
      sandbox.portalId,
      run.id,
      { kind: 'cancel', reason: 'Customer chose to wait for next quarter' },
      'user:7001',
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Customer chose to wait for next quarter',
    });
    await expect(
      playbooks.command(sandbox.portalId, run.id, { kind: 'resume' }, 'user:7001'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('when an admin turns a playbook off, then starting it is refused with the reason', async () => {
    const off = { ...defaultPlaybooks.adoption.en, enabled: false };
    await saveSettingsVersion(
      handle.db,
      sandbox.portalId,
      { playbooks: { templates: { adoption: off }, segments: {}, maxOpenTasksPerOwnerPerDay: 20 } },
      'test',
    );
    await expect(
      playbooks.start(sandbox.portalId, {
        companyId: companyIds[5]!,
        playbook: 'adoption',
        actor: 'user:7001',
        origin: person,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('turned off') });
    await saveSettingsVersion(handle.db, sandbox.portalId, {}, 'test');
  });
});
