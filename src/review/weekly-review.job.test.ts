import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { JobDeps } from '../jobs/job.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database-schema.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { saveHealthScores } from '../store/repositories/health-scores-repository.ts';
import { upsertOwners } from '../store/repositories/owners-repository.ts';
import { harborTaskKeyProperty } from '../tasks/harbor-task-property.ts';
import { sandboxTasksWithKey, startFastSandbox, taskDeps } from '../tasks/testing/task-test-kit.ts';
import { weeklyReviewJob } from './weekly-review.job.ts';

const seededAt = new Date('2026-11-01T00:00:00.000Z');

function sandboxCompanyIds(sandbox: RunningSandbox, count: number): string[] {
  const ids = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((company) => company.id);
  if (ids.length < count) throw new Error('the sandbox portal has too few companies');
  return ids.slice(0, count);
}

/** Two owners' at-risk accounts (Casey has two, Ana one) and a healthy account of Ana's. */
async function seedPortfolio(db: Kysely<Database>, portalId: number, companyIds: string[]): Promise<void> {
  const [first = '', second = '', third = '', healthy = ''] = companyIds;
  await installPortals(db, [portalId], { timeZone: 'America/Sao_Paulo' });
  await upsertOwners(
    db,
    portalId,
    [
      { id: '501', email: null, firstName: 'Casey', lastName: 'Moss', userId: '7001', archived: false },
      { id: '502', email: null, firstName: 'Ana', lastName: 'Lima', userId: '7002', archived: false },
    ],
    seededAt,
  );
  const owned = [
    [first, '501', 'at_risk'],
    [second, '501', 'at_risk'],
    [third, '502', 'at_risk'],
    [healthy, '502', 'healthy'],
  ] as const;
  await upsertCrmObjects(
    db,
    portalId,
    'companies',
    owned.map(([id, ownerId]) => ({
      id,
      properties: { name: `Company ${id}`, hubspot_owner_id: ownerId },
      archived: false,
      modifiedAt: seededAt,
    })),
    seededAt,
  );
  await saveHealthScores(
    db,
    portalId,
    owned.map(([companyId, , tier]) => ({
      companyId,
      modelVersion: 1,
      segment: 'SMB',
      score: tier === 'at_risk' ? 30 : 80,
      tier,
      tierSince: seededAt,
      pendingTier: null,
      confidence: 90,
      churnProbability: 0.3,
      components: [],
      topDriver: null,
      changes: [],
      trend: { d7: null, d30: null, d90: null },
      computedAt: seededAt,
    })),
  );
}

describe('the weekly review job', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when Monday 8:00 comes in the portal’s zone on $name, then each owner gets one review task, and running again that week makes none',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 6, seed: 41 });
      const handle = await target.open();
      try {
        const companyIds = sandboxCompanyIds(sandbox, 4);
        await seedPortfolio(handle.db, sandbox.portalId, companyIds);
        let clock = new Date('2026-11-23T10:30:00.000Z'); // Monday 07:30 in São Paulo.
        const kit = taskDeps(handle.db, sandbox, 'instance-a');
        const deps: JobDeps = {
          db: handle.db,
          gateway: kit.gateway,
          logger: kit.logger,
          now: () => clock,
          runSync: () => Promise.reject(new Error('the review job does not sync')),
          webhookProcessor: { notify: () => undefined },
        };
        const job = weeklyReviewJob({ instanceId: 'instance-a', appId: '31337' });
        const context = {
          portalId: sandbox.portalId,
          logger: kit.logger,
          signal: new AbortController().signal,
        };
        const reviewTasks = () =>
          [...sandbox.sandbox.world.defaultPortal.tables.tasks.all()].filter((task) =>
            task.properties[harborTaskKeyProperty]?.startsWith('review:'),
          );

        await job.run(deps, context);
        expect(reviewTasks()).toEqual([]);

        clock = new Date('2026-11-23T11:07:00.000Z'); // 08:07 there.
        await job.run(deps, context);
        clock = new Date('2026-11-23T12:07:00.000Z');
        await job.run(deps, context);

        const tasks = reviewTasks();
        expect(tasks.map((task) => task.properties.hubspot_owner_id).sort()).toEqual(['501', '502']);
        expect(sandboxTasksWithKey(sandbox, 'review:501:2026-W48')).toHaveLength(1);
        expect(sandboxTasksWithKey(sandbox, 'review:502:2026-W48')).toHaveLength(1);
        const casey = sandboxTasksWithKey(sandbox, 'review:501:2026-W48')[0]?.properties;
        expect(casey?.hs_task_subject).toBe('Weekly review 2026-W48: 2 at-risk and 0 expansion accounts');
        expect(casey?.hs_task_body).toContain(`Company ${companyIds[0] ?? ''}`);
        expect(casey?.hs_task_body).toContain(`https://app.hubspot.com/app/${sandbox.portalId}/31337/review`);
        const rows = await handle.db.selectFrom('weekly_reviews').selectAll().execute();
        expect(rows).toEqual([expect.objectContaining({ week: '2026-W48', owners: 2, tasks_created: 2 })]);

        // The process died after the tasks and before the week's row: another instance makes no second task.
        await handle.db.deleteFrom('weekly_reviews').execute();
        await weeklyReviewJob({ instanceId: 'instance-b' }).run(deps, context);
        expect(reviewTasks()).toHaveLength(2);
        expect(await handle.db.selectFrom('weekly_reviews').selectAll().execute()).toEqual([
          expect.objectContaining({ week: '2026-W48', owners: 2, tasks_created: 0 }),
        ]);

        // The next Monday is a new week: one more task each.
        clock = new Date('2026-11-30T11:07:00.000Z');
        await job.run(deps, context);
        expect(reviewTasks()).toHaveLength(4);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );
});
