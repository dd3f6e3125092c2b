import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { ScriptedFault } from '../../sandbox/server/platform/scripted-faults.ts';
import type { SandboxRecord } from '../../sandbox/store/sandbox-types.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { createSkippingClock, type SkippingClock } from '../../hubspot/testing/skipping-clock.ts';
import { createQuietLogger, createTestGateway } from '../../sync/testing/sync-test-kit.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database-schema.ts';
import { harborTaskKeyProperty } from '../harbor-task-property.ts';
import type { TaskDeps } from '../task-deps.ts';
import type { TaskRequest } from '../task-request.ts';

export { startFastSandbox } from '../../sync/testing/sync-test-kit.ts';

/** The sandbox's tasks carrying `key`, archived ones included: what "exactly one task" is counted on. */
export function sandboxTasksWithKey(sandbox: RunningSandbox, key: string): SandboxRecord[] {
  const tasks = sandbox.sandbox.world.defaultPortal.tables.tasks;
  return [...tasks.all()].filter((task) => task.properties[harborTaskKeyProperty] === key);
}

/** The first company of the sandbox's generated portal. */
export function firstCompanyId(sandbox: RunningSandbox): string {
  const first = sandbox.sandbox.world.defaultPortal.tables.companies.all().next();
  if (first.done === true) throw new Error('the sandbox portal has no company');
  return first.value.id;
}

/** Aims a fault at one endpoint (POST /_sandbox/faults). */
export async function scriptFault(
  sandbox: RunningSandbox,
  fault: Partial<ScriptedFault> & Pick<ScriptedFault, 'kind' | 'path'>,
): Promise<void> {
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (response.status !== 201) throw new Error(`scripting a fault failed: ${await response.text()}`);
}

export function taskRequest(sandbox: RunningSandbox, key: string, companyId: string): TaskRequest {
  return {
    portalId: sandbox.portalId,
    companyId,
    key,
    subject: 'Kick-off call',
    body: 'Onboarding playbook, step 1: agree goals and a go-live date.',
    dueAt: new Date('2026-12-10T12:00:00.000Z'),
    priority: 'HIGH',
    type: 'CALL',
    ownerId: null,
  };
}

export interface TestTaskDeps extends TaskDeps {
  clock: SkippingClock;
}

/** Task deps over their own gateway (as an instance of its own would have), waits skipped. */
export function taskDeps(
  db: Kysely<Database>,
  sandbox: RunningSandbox,
  instanceId: string,
  overrides: Partial<TaskDeps> = {},
): TestTaskDeps {
  const clock = createSkippingClock();
  const gateway: HubSpotGateway = createTestGateway(sandbox, { clock });
  return {
    db,
    gateway,
    logger: createQuietLogger().logger,
    instanceId,
    now: () => new Date(clock.now()),
    sleep: clock.sleep,
    clock,
    ...overrides,
  };
}
