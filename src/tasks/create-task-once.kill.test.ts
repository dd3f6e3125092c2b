import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { findHarborTask } from '../store/repositories/harbor-tasks-repository.ts';
import { createTaskOnce } from './create-task-once.ts';
import { defaultCreateOnceTuning } from './task-deps.ts';
import type { TaskRequest } from './task-request.ts';
import { killTargets } from '../../test/support/kill-targets.ts';
import {
  firstCompanyId,
  sandboxTasksWithKey,
  startFastSandbox,
  taskDeps,
  taskRequest,
} from './testing/task-test-kit.ts';

const childScript = fileURLToPath(new URL('./testing/create-task-child.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs createTaskOnce in a child and kills it with SIGKILL once HubSpot has answered, before Harbor writes. */
async function killAfterHubSpotAnswered(
  sandbox: RunningSandbox,
  database: object,
  request: TaskRequest,
): Promise<string> {
  const args = {
    baseUrl: sandbox.baseUrl,
    accessToken: sandbox.accessToken,
    instanceId: 'child',
    request,
    database,
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
  const signal = await exited;
  if (signal !== 'SIGKILL' || answered === undefined) {
    throw new Error(`child was not killed after HubSpot answered (signal ${String(signal)}): ${stderr}`);
  }
  return answered;
}

describe('createTaskOnce killed with SIGKILL', () => {
  it.concurrent.each(killTargets(process.env.TEST_DATABASE_URL))(
    'when the process dies between HubSpot’s answer and Harbor’s write on $name, then after restart the task is found by search and recorded: ONE task',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 21 });
      const prepared = await target.prepare();
      try {
        const request = taskRequest(sandbox, 'playbook:run-9:kickoff', firstCompanyId(sandbox));
        const answeredId = await killAfterHubSpotAnswered(sandbox, prepared.database, request);

        const handle = await prepared.open();
        try {
          const orphan = await findHarborTask(handle.db, sandbox.portalId, request.key);
          // Restarted at once, the dead child's claim still holds: nothing is sent.
          const soon = await createTaskOnce(taskDeps(handle.db, sandbox, 'restarted'), request);
          // Restarted after the claim lapsed: the task is found by its key, not made again.
          const later = Date.now() + defaultCreateOnceTuning.claimTtlMs + 1_000;
          const restarted = taskDeps(handle.db, sandbox, 'restarted', { now: () => new Date(later) });
          const result = await createTaskOnce(restarted, request);

          expect(orphan).toMatchObject({
            hubspot_task_id: null,
            create_attempts: 1,
            claim_owner: expect.stringMatching(/^child\//),
          });
          expect(soon).toEqual({ outcome: 'in_progress' });
          expect(result).toMatchObject({ outcome: 'found', task: { hubspotTaskId: answeredId } });
          expect(sandboxTasksWithKey(sandbox, request.key).map((task) => task.id)).toEqual([answeredId]);
          expect(await findHarborTask(handle.db, sandbox.portalId, request.key)).toMatchObject({
            hubspot_task_id: answeredId,
            claim_owner: null,
          });
        } finally {
          await handle.close();
        }
      } finally {
        await prepared.cleanup();
        await sandbox.close();
      }
    },
    60_000,
  );
});
