import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { killTargets } from '../../test/support/kill-targets.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { findRun, playbookTaskKey } from '../store/repositories/playbook-runs-repository.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { runSync } from '../sync/run-sync.ts';
import { createTestGateway, syncDeps } from '../sync/testing/sync-test-kit.ts';
import { syncTaskCompletions } from '../tasks/sync-task-completions.ts';
import { defaultCreateOnceTuning } from '../tasks/task-deps.ts';
import {
  firstCompanyId,
  sandboxTasksWithKey,
  scriptFault,
  startFastSandbox,
  taskDeps,
} from '../tasks/testing/task-test-kit.ts';
import { createPlaybookService } from './playbook-service.ts';

const childScript = fileURLToPath(new URL('./testing/advance-playbooks-child.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const person = { kind: 'person' as const, actor: 'hubspot-user:7001' };
const createPath = '/crm/v3/objects/tasks';

async function complete(sandbox: RunningSandbox, taskId: string): Promise<void> {
  const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/tasks/${taskId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ properties: { hs_task_status: 'COMPLETED' } }),
  });
  if (response.status !== 200) throw new Error(`PATCH failed: ${await response.text()}`);
}

/** A synced portal with an onboarding run whose first step is done in HubSpot and read back. */
async function runAtSecondStep(sandbox: RunningSandbox, handle: DatabaseHandle): Promise<number> {
  const sync = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
    portalId: sandbox.portalId,
    mode: 'full',
  });
  expect(sync.status).toBe('succeeded');
  const deps = taskDeps(handle.db, sandbox, 'setup', { tuning: { settleMs: 0 } });
  const { run } = await createPlaybookService(deps).start(sandbox.portalId, {
    companyId: firstCompanyId(sandbox),
    playbook: 'onboarding',
    actor: 'hubspot-user:7001',
    origin: person,
  });
  const [first] = sandboxTasksWithKey(sandbox, playbookTaskKey(run.id, 0));
  await complete(sandbox, first?.id ?? '');
  await syncTaskCompletions(deps, sandbox.portalId);
  return run.id;
}

describe('playbook steps under faults', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when HubSpot applies a step’s create but answers 500 on $name, then the step’s task is found, not made twice, and the run moves on',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 81 });
      const handle = await target.open();
      try {
        const runId = await runAtSecondStep(sandbox, handle);
        await scriptFault(sandbox, { kind: '5xx-after-apply', method: 'POST', path: createPath });

        const playbooks = createPlaybookService(taskDeps(handle.db, sandbox, 'instance-a'));
        const summary = await playbooks.advancePortal(sandbox.portalId);

        expect(summary).toMatchObject({ created: 1, failed: 0 });
        expect(sandboxTasksWithKey(sandbox, playbookTaskKey(runId, 1))).toHaveLength(1);
        expect(await findRun(handle.db, sandbox.portalId, runId)).toMatchObject({
          currentStep: 1,
          lastError: null,
        });
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );

  it.concurrent.each(killTargets(process.env.TEST_DATABASE_URL))(
    'when the process dies mid-playbook between HubSpot’s answer and Harbor’s write on $name, then after restart the step has ONE task and the run goes on',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 82 });
      const prepared = await target.prepare();
      try {
        const setup = await prepared.open();
        const runId = await runAtSecondStep(sandbox, setup).finally(() => setup.close());

        const args = {
          baseUrl: sandbox.baseUrl,
          accessToken: sandbox.accessToken,
          portalId: sandbox.portalId,
          database: prepared.database,
        };
        const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(args)], {
          cwd: projectRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) => {
          child.once('exit', (_code, signal) => {
            resolve(signal);
          });
        });
        let answered: string | undefined;
        for await (const line of createInterface({ input: child.stdout })) {
          answered = (JSON.parse(line) as { answered?: string }).answered;
          if (answered !== undefined) {
            child.kill('SIGKILL');
            break;
          }
        }
        expect(await exited, stderr).toBe('SIGKILL');

        const handle = await prepared.open();
        try {
          // After the dead process's claim lapsed, the next pass finds the task by its key.
          const later = Date.now() + defaultCreateOnceTuning.claimTtlMs + 1_000;
          const restarted = createPlaybookService(
            taskDeps(handle.db, sandbox, 'restarted', { now: () => new Date(later) }),
          );
          await restarted.advancePortal(sandbox.portalId);

          expect(sandboxTasksWithKey(sandbox, playbookTaskKey(runId, 1)).map((task) => task.id)).toEqual([
            answered,
          ]);
          expect(sandboxTasksWithKey(sandbox, playbookTaskKey(runId, 2))).toHaveLength(0);
          expect(await findRun(handle.db, sandbox.portalId, runId)).toMatchObject({
            status: 'running',
            currentStep: 1,
          });
        } finally {
          await handle.close();
        }
      } finally {
        await prepared.cleanup();
        await sandbox.close();
      }
    },
    90_000,
  );
});
