import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import {
  claimHarborTask,
  findHarborTask,
  recordTaskIntent,
} from '../store/repositories/harbor-tasks-repository.ts';
import { listSignals, type SignalRecord } from '../store/repositories/signals-repository.ts';
import { sandboxStats } from '../sync/testing/sync-test-kit.ts';
import { defaultCreateOnceTuning } from '../tasks/task-deps.ts';
import {
  sandboxTasksWithKey,
  scriptFault,
  startFastSandbox,
  taskDeps,
  type TestTaskDeps,
} from '../tasks/testing/task-test-kit.ts';
import { retryEscalationTasks } from './escalation-retry.ts';
import { createEscalationTask } from './escalation-task.ts';
import { createSignalService, type CompanyFirings } from './signal-service.ts';

const createPath = '/crm/v3/objects/tasks';
const DAY = 86_400_000;

function sandboxCompanyIds(sandbox: RunningSandbox): string[] {
  return [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((company) => company.id);
}

/**
 * Opens a late-payment risk on each company and lets it go past its due date, so it escalates; `onEscalated`
 * is what the runtime would do then (create the CS lead's task), per signal.
 */
async function escalateLatePayments(
  handle: DatabaseHandle,
  sandbox: RunningSandbox,
  companyIds: readonly string[],
  onEscalated: (signal: SignalRecord) => Promise<void>,
): Promise<Map<string, SignalRecord>> {
  let clock = Date.now() - 30 * DAY;
  const service = createSignalService({
    db: handle.db,
    logger: taskDeps(handle.db, sandbox, 'signals').logger,
    now: () => new Date(clock),
    fire: (_portal, ids) =>
      Promise.resolve(
        ids.map((companyId): CompanyFirings => ({
          companyId,
          ownerId: null,
          firings: [
            {
              type: 'late_payment',
              severity: 'high',
              evidence: [{ key: 'days_past_due', value: 45 }],
            },
          ],
        })),
      ),
    dueDays: () => Promise.resolve({ low: 20, medium: 10, high: 5, critical: 2 }),
    onEscalated: (_portal, signal) => onEscalated(signal),
  });
  await service.evaluate(sandbox.portalId, companyIds);
  clock += 6 * DAY;
  await service.escalateOverdue(sandbox.portalId);
  const signals = await listSignals(handle.db, sandbox.portalId, { limit: 50 });
  expect(signals.every((signal) => signal.escalatedAt !== null)).toBe(true);
  return new Map(signals.map((signal) => [signal.companyId, signal]));
}

const keyOf = (signal: SignalRecord | undefined): string => `escalation:${signal?.id ?? 0}`;

function creates(calls: Record<string, number>): number {
  return calls[`POST ${createPath}`] ?? 0;
}

describe('retrying escalation tasks against the sandbox', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when every create of the escalation task fails with a 500 on $name, then the escalation stands and the retry creates ONE task for the CS lead',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 21 });
      const handle = await target.open();
      try {
        const deps: TestTaskDeps = taskDeps(handle.db, sandbox, 'instance-a');
        const [companyId = ''] = sandboxCompanyIds(sandbox);
        const { maxCreates } = defaultCreateOnceTuning;
        // A 500 before HubSpot acts, on every create the escalation sends.
        await scriptFault(sandbox, { kind: '5xx', method: 'POST', path: createPath, times: maxCreates });

        const outcomes: string[] = [];
        const signals = await escalateLatePayments(handle, sandbox, [companyId], async (signal) => {
          outcomes.push(await createEscalationTask(deps, sandbox.portalId, signal));
        });
        const key = keyOf(signals.get(companyId));
        expect(outcomes).toEqual(['failed']);
        expect(sandboxTasksWithKey(sandbox, key)).toHaveLength(0);

        const retried = await retryEscalationTasks(deps, sandbox.portalId);
        const again = await retryEscalationTasks(deps, sandbox.portalId);

        const tasks = sandboxTasksWithKey(sandbox, key);
        expect(tasks).toHaveLength(1);
        expect(tasks[0]?.properties.hs_task_subject).toMatch(/^Escalated: late payment/);
        expect(tasks[0]?.properties.hs_task_priority).toBe('HIGH');
        expect(retried).toMatchObject({ considered: 1, outcomes: { created: 1, failed: 0 } });
        expect(again.considered).toBe(0);
        expect(creates((await sandboxStats(sandbox)).calls)).toBe(maxCreates + 1);
        expect(await findHarborTask(handle.db, sandbox.portalId, key)).toMatchObject({
          hubspot_task_id: tasks[0]?.id,
          company_id: companyId,
        });
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when one escalation never reached HubSpot, another is being created elsewhere and a third has its task on $name, then the retry creates only the missing one',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 3, seed: 22 });
      const handle = await target.open();
      try {
        const deps = taskDeps(handle.db, sandbox, 'instance-a');
        const [stopped = '', elsewhere = '', done = ''] = sandboxCompanyIds(sandbox);
        // The process stops before asking HubSpot for the first; the last gets its task at once.
        const signals = await escalateLatePayments(
          handle,
          sandbox,
          [stopped, elsewhere, done],
          async (signal) => {
            if (signal.companyId === done) await createEscalationTask(deps, sandbox.portalId, signal);
          },
        );
        // Another instance holds the second key right now (its claim is live).
        const held = signals.get(elsewhere);
        const now = deps.now?.() ?? new Date();
        await recordTaskIntent(
          handle.db,
          {
            portalId: sandbox.portalId,
            key: keyOf(held),
            companyId: elsewhere,
            ownerId: null,
            subject: 'Escalated',
            dueAt: now,
          },
          now,
        );
        const claim = { portalId: sandbox.portalId, key: keyOf(held), owner: 'instance-b/1', ttlMs: 60_000 };
        expect(await claimHarborTask(handle.db, claim, now)).toBeDefined();

        const retried = await retryEscalationTasks(deps, sandbox.portalId);

        expect(retried).toMatchObject({ considered: 1, outcomes: { created: 1 } });
        expect(sandboxTasksWithKey(sandbox, keyOf(signals.get(stopped)))).toHaveLength(1);
        expect(sandboxTasksWithKey(sandbox, keyOf(held))).toHaveLength(0);
        expect(sandboxTasksWithKey(sandbox, keyOf(signals.get(done)))).toHaveLength(1);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    30_000,
  );
});
