import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { findHarborTask } from '../store/repositories/harbor-tasks-repository.ts';
import { sandboxStats } from '../sync/testing/sync-test-kit.ts';
import { createTaskOnce } from './create-task-once.ts';
import { defaultCreateOnceTuning } from './task-deps.ts';
import {
  firstCompanyId,
  sandboxTasksWithKey,
  scriptFault,
  startFastSandbox,
  taskDeps,
  taskRequest,
} from './testing/task-test-kit.ts';

const createPath = '/crm/v3/objects/tasks';

function creates(calls: Record<string, number>): number {
  return calls[`POST ${createPath}`] ?? 0;
}

// Each test starts its own sandbox (a small generated portal) and database; waits run on a skipping clock.
describe('createTaskOnce under faults', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when HubSpot makes the task but answers 502 on $name, then Harbor finds it by its key after the settle time and there is ONE task',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 11 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const request = taskRequest(sandbox, 'playbook:run-1:kickoff', firstCompanyId(sandbox));
        await scriptFault(sandbox, { kind: '5xx-after-apply', method: 'POST', path: createPath });

        const result = await createTaskOnce(deps, request);

        const tasks = sandboxTasksWithKey(sandbox, request.key);
        expect(tasks).toHaveLength(1);
        expect(result).toMatchObject({ outcome: 'found', task: { hubspotTaskId: tasks[0]?.id } });
        expect(creates((await sandboxStats(sandbox)).calls)).toBe(1);
        // The search waited until the create was settleMs old (less the real time the answer took).
        const [settle, ...others] = deps.clock.sleeps();
        expect(others).toEqual([]);
        expect(settle).toBeGreaterThan(defaultCreateOnceTuning.settleMs - 5_000);
        expect(settle).toBeLessThanOrEqual(defaultCreateOnceTuning.settleMs);
        expect(await findHarborTask(handle.db, sandbox.portalId, request.key)).toMatchObject({
          hubspot_task_id: tasks[0]?.id,
          claim_owner: null,
          create_attempts: 1,
        });
        // The task is on the company's record: associated with type 192.
        expect(
          sandbox.sandbox.world.defaultPortal.associations.list('tasks', tasks[0]?.id ?? '', 'companies'),
        ).toEqual([{ toObjectId: request.companyId, typeIds: [192] }]);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when connections drop before and after HubSpot acts on $name, then the create is sent again only when the search finds nothing, and there is ONE task',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 12 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const request = taskRequest(sandbox, 'escalation:signal-7', firstCompanyId(sandbox));
        // First create: dropped unseen (nothing made). Search: dropped once (the gateway retries it).
        // Second create: made, then its answer dropped. The last search finds it.
        await scriptFault(sandbox, { kind: 'drop', method: 'POST', path: createPath });
        await scriptFault(sandbox, { kind: 'drop', method: 'POST', path: `${createPath}/search` });
        await scriptFault(sandbox, { kind: 'drop-after-apply', method: 'POST', path: createPath });

        const result = await createTaskOnce(deps, request);

        const tasks = sandboxTasksWithKey(sandbox, request.key);
        expect(tasks).toHaveLength(1);
        expect(result).toMatchObject({ outcome: 'found', task: { hubspotTaskId: tasks[0]?.id } });
        expect(creates((await sandboxStats(sandbox)).calls)).toBe(2);
        // And asked again later, nothing is sent: the key is recorded with its task.
        expect(await createTaskOnce(deps, request)).toMatchObject({ outcome: 'existing' });
        expect(sandboxTasksWithKey(sandbox, request.key)).toHaveLength(1);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when every create fails on $name, then the call fails, and the next call searches before it creates: ONE task',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 13 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const request = taskRequest(sandbox, 'playbook:run-2:review', firstCompanyId(sandbox));
        const { maxCreates } = defaultCreateOnceTuning;
        await scriptFault(sandbox, { kind: '5xx', method: 'POST', path: createPath, times: maxCreates });

        await expect(createTaskOnce(deps, request)).rejects.toMatchObject({ code: 'HUBSPOT_UNAVAILABLE' });
        const failed = await findHarborTask(handle.db, sandbox.portalId, request.key);
        const later = await createTaskOnce(deps, request);

        expect(failed).toMatchObject({
          hubspot_task_id: null,
          claim_owner: null,
          create_attempts: maxCreates,
        });
        expect(later).toMatchObject({ outcome: 'created' });
        expect(sandboxTasksWithKey(sandbox, request.key)).toHaveLength(1);
        const { calls } = await sandboxStats(sandbox);
        expect(creates(calls)).toBe(maxCreates + 1);
        // A search before every create that followed an unknown outcome, and one before giving up.
        expect(calls[`POST ${createPath}/search`]).toBe(maxCreates + 1);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when four instances create the same key at once on $name, then ONE task is made and the others are told it is in progress or exists',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 14 });
      const handle = await target.open();
      try {
        const request = taskRequest(sandbox, 'playbook:run-3:kickoff', firstCompanyId(sandbox));
        // The first create's answer is lost, so its holder spends a while searching as the others arrive.
        await scriptFault(sandbox, { kind: '5xx-after-apply', method: 'POST', path: createPath });
        const instances = ['a', 'b', 'c', 'd'].map((name) =>
          taskDeps(handle.db, sandbox, `instance-${name}`),
        );

        // Instance a also calls twice at once, as a job and a route in one process could.
        const results = await Promise.all(
          [...instances, instances[0]!].map((deps) => createTaskOnce(deps, request)),
        );
        const [first] = instances;
        const afterwards = await createTaskOnce(first!, request);

        const tasks = sandboxTasksWithKey(sandbox, request.key);
        expect(tasks).toHaveLength(1);
        expect(
          results.filter((result) => result.outcome === 'found' || result.outcome === 'created'),
        ).toHaveLength(1);
        expect(
          results.every(
            (result) => result.outcome !== 'existing' || result.task.hubspotTaskId === tasks[0]?.id,
          ),
        ).toBe(true);
        expect(afterwards).toMatchObject({ outcome: 'existing', task: { hubspotTaskId: tasks[0]?.id } });
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when HubSpot refuses the task on $name, then the error says why, nothing is recorded as made and no task exists',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 15 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const request = taskRequest(sandbox, 'playbook:run-4:call', '999999999');

        await expect(createTaskOnce(deps, request)).rejects.toMatchObject({ code: 'HUBSPOT_REJECTED' });
        const row = await findHarborTask(handle.db, sandbox.portalId, request.key);
        await expect(createTaskOnce(deps, request)).rejects.toMatchObject({ code: 'HUBSPOT_REJECTED' });

        expect(row).toMatchObject({ hubspot_task_id: null, claim_owner: null });
        expect(row?.last_error).toMatch(/999999999 does not exist/);
        expect(sandboxTasksWithKey(sandbox, request.key)).toHaveLength(0);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );
});
