import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { startOfUtcDay } from '../sandbox/generator/wire-values.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { findHarborTask, recordTaskIntent } from '../store/repositories/harbor-tasks-repository.ts';
import { createTaskOnce } from './create-task-once.ts';
import { harborTaskKeyProperty } from './harbor-task-property.ts';
import { countOpenTasksForOwnerToday } from './owner-task-cap.ts';
import { syncTaskCompletions } from './sync-task-completions.ts';
import { firstCompanyId, startFastSandbox, taskDeps, taskRequest } from './testing/task-test-kit.ts';

/** A user changing the task's status in HubSpot. */
async function setStatus(sandbox: RunningSandbox, taskId: string, status: string): Promise<void> {
  const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/tasks/${taskId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ properties: { hs_task_status: status } }),
  });
  if (response.status !== 200) throw new Error(`PATCH failed: ${await response.text()}`);
}

function createdId(result: Awaited<ReturnType<typeof createTaskOnce>>): string {
  if (result.outcome === 'in_progress') throw new Error('task not created');
  return result.task.hubspotTaskId;
}

describe('syncTaskCompletions', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when a user completes a Harbor task in HubSpot on $name, then the read-back stores COMPLETED with HubSpot’s time and reports its key once',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 31 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const companyId = firstCompanyId(sandbox);
        const done = createdId(await createTaskOnce(deps, taskRequest(sandbox, 'playbook:r1:s1', companyId)));
        await createTaskOnce(deps, taskRequest(sandbox, 'playbook:r1:s2', companyId));
        const store = sandbox.sandbox.world.defaultPortal;
        const foreign = store.createRecord('tasks', { hs_task_subject: 'Not Harbor’s' }, Date.now());
        await setStatus(sandbox, done, 'COMPLETED');
        await setStatus(sandbox, foreign.id, 'COMPLETED');

        const first = await syncTaskCompletions(deps, sandbox.portalId);
        const second = await syncTaskCompletions(deps, sandbox.portalId);

        expect(first).toEqual({ completedKeys: ['playbook:r1:s1'], read: 2 });
        expect(second.completedKeys).toEqual([]);
        const completedAt = store.tables.tasks.get(done)?.properties.hs_task_completion_date;
        expect(await findHarborTask(handle.db, sandbox.portalId, 'playbook:r1:s1')).toMatchObject({
          status: 'COMPLETED',
          completed_at: new Date(completedAt ?? ''),
        });
        expect(await findHarborTask(handle.db, sandbox.portalId, 'playbook:r1:s2')).toMatchObject({
          status: 'NOT_STARTED',
          completed_at: null,
        });
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when two instances read back at once on $name, then each completion is reported by exactly one of them',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 32 });
      const handle = await target.open();
      try {
        const a = taskDeps(handle.db, sandbox, 'instance-a');
        const b = taskDeps(handle.db, sandbox, 'instance-b');
        const companyId = firstCompanyId(sandbox);
        const keys = ['escalation:s1', 'escalation:s2', 'escalation:s3'];
        for (const key of keys) {
          await setStatus(
            sandbox,
            createdId(await createTaskOnce(a, taskRequest(sandbox, key, companyId))),
            'COMPLETED',
          );
        }

        const [fromA, fromB] = await Promise.all([
          syncTaskCompletions(a, sandbox.portalId),
          syncTaskCompletions(b, sandbox.portalId),
        ]);

        expect([...fromA.completedKeys, ...fromB.completedKeys].sort()).toEqual(keys);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when more Harbor tasks changed than one search page holds on $name, then every one is read back',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 33 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const companyId = firstCompanyId(sandbox);
        const keys = Array.from(
          { length: 230 },
          (_, index) => `playbook:bulk:${String(index).padStart(3, '0')}`,
        );
        const ids: string[] = [];
        for (const key of keys)
          ids.push(createdId(await createTaskOnce(deps, taskRequest(sandbox, key, companyId))));
        for (const id of ids.slice(0, 210)) await setStatus(sandbox, id, 'COMPLETED');

        const result = await syncTaskCompletions(deps, sandbox.portalId);

        expect(result.read).toBe(230);
        expect(result.completedKeys.sort()).toEqual(keys.slice(0, 210));
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when a task exists in HubSpot but Harbor never recorded its id on $name, then the read-back records it',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 34 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const request = taskRequest(sandbox, 'playbook:orphan:1', firstCompanyId(sandbox));
        await recordTaskIntent(handle.db, request, new Date());
        const store = sandbox.sandbox.world.defaultPortal;
        const task = store.createRecord(
          'tasks',
          {
            hs_task_subject: request.subject,
            hs_task_status: 'NOT_STARTED',
            [harborTaskKeyProperty]: request.key,
          },
          Date.now(),
        );

        await syncTaskCompletions(deps, sandbox.portalId);

        expect(await findHarborTask(handle.db, sandbox.portalId, request.key)).toMatchObject({
          hubspot_task_id: task.id,
        });
        expect(await createTaskOnce(deps, request)).toMatchObject({ outcome: 'existing' });
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );
});

describe('countOpenTasksForOwnerToday', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when an owner got three Harbor tasks today and completed one on $name, then two are open today and none tomorrow',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 35 });
      const handle = await target.open();
      try {
        // Harbor's clock pinned to just after midnight, so the test cannot straddle two days.
        const today = new Date(startOfUtcDay(Date.now()) + 1);
        const deps = taskDeps(handle.db, sandbox, 'instance-a', { now: () => today });
        const companyId = firstCompanyId(sandbox);
        const owner = '101';
        const ids: string[] = [];
        for (const step of ['a', 'b', 'c']) {
          const request = { ...taskRequest(sandbox, `playbook:cap:${step}`, companyId), ownerId: owner };
          ids.push(createdId(await createTaskOnce(deps, request)));
        }
        await createTaskOnce(deps, {
          ...taskRequest(sandbox, 'playbook:cap:other', companyId),
          ownerId: '202',
        });
        await setStatus(sandbox, ids[0] ?? '', 'COMPLETED');
        await syncTaskCompletions(deps, sandbox.portalId);
        const now = today;

        expect(await countOpenTasksForOwnerToday(handle.db, sandbox.portalId, owner, now)).toBe(2);
        expect(await countOpenTasksForOwnerToday(handle.db, sandbox.portalId, '202', now)).toBe(1);
        const tomorrow = new Date(now.getTime() + 86_400_000);
        expect(await countOpenTasksForOwnerToday(handle.db, sandbox.portalId, owner, tomorrow)).toBe(0);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );
});
