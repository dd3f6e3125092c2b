import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { JobDeps } from '../../jobs/job.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { Database } from '../../store/database-schema.ts';
import { sandboxTasksWithKey, startFastSandbox, taskDeps } from '../../tasks/testing/task-test-kit.ts';
import { findDigest, listDigests } from '../../store/repositories/feedback-digests-repository.ts';
import { feedbackDigestJob } from './feedback-digest.job.ts';
import { routeDigest, seedDigestPortal } from './testing/digest-seed.ts';

function sandboxCompanyIds(sandbox: RunningSandbox): string[] {
  const ids = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((company) => company.id);
  if (ids.length < 4) throw new Error('the sandbox portal has too few companies');
  return ids.slice(0, 4);
}

function jobSetUp(db: Kysely<Database>, sandbox: RunningSandbox, instanceId: string, clock: () => Date) {
  const kit = taskDeps(db, sandbox, instanceId);
  const deps: JobDeps = {
    db,
    gateway: kit.gateway,
    logger: kit.logger,
    now: clock,
    runSync: () => Promise.reject(new Error('the digest job does not sync')),
    webhookProcessor: { notify: () => undefined },
  };
  const context = { portalId: sandbox.portalId, logger: kit.logger, signal: new AbortController().signal };
  return { deps, context, job: feedbackDigestJob({ instanceId, appId: '31337' }) };
}

describe('the monthly feedback digest job', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when December 1st comes on $name, then November’s digest is stored and the product owner gets one task, however often it runs',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 6, seed: 43 });
      const handle = await target.open();
      try {
        const companyIds = sandboxCompanyIds(sandbox);
        await seedDigestPortal(handle.db, sandbox.portalId, companyIds);
        await routeDigest(handle.db, sandbox.portalId, { kind: 'owner', ownerId: '501' });
        const clock = () => new Date('2026-12-01T06:23:00.000Z');
        const a = jobSetUp(handle.db, sandbox, 'instance-a', clock);

        await a.job.run(a.deps, a.context);

        const stored = await findDigest(handle.db, sandbox.portalId, '2026-11');
        // 4 survey comments and 2 feature-request tickets in November; the billing ticket and the October
        // and December comments are not November's feature feedback.
        expect(stored?.digest.sources).toEqual({ surveyComments: 4, featureRequestTickets: 2 });
        expect(
          stored?.digest.themes.map((theme) => [theme.count, theme.previousCount, theme.contractValue]),
        ).toEqual([
          // Excel: A, C, B, A → A 12,000 + B 30,000 (C has none); October had one Excel comment.
          [4, 1, 42_000],
          // SSO: B 30,000 + D 8,000.
          [2, 0, 38_000],
        ]);
        expect(stored?.digest.delivery).toMatchObject({ status: 'task' });
        expect(stored?.markdown).toContain('## 1. excel · export · reports');
        expect(stored?.csv.split('\r\n')[1]).toMatch(
          /^2026-11,excel · export · reports,4,3,1,1,up,3,42000,1,/,
        );

        const tasks = sandboxTasksWithKey(sandbox, 'digest:2026-11');
        expect(tasks).toHaveLength(1);
        expect(tasks[0]?.properties.hubspot_owner_id).toBe('501');
        expect(tasks[0]?.properties.hs_task_subject).toBe('Product-feedback digest 2026-11: 2 themes');
        expect(tasks[0]?.properties.hs_task_body).toContain(
          `https://app.hubspot.com/app/${sandbox.portalId}/31337/digest`,
        );

        // Another instance the same morning, and the next day: nothing new.
        const b = jobSetUp(handle.db, sandbox, 'instance-b', () => new Date('2026-12-02T06:23:00.000Z'));
        await b.job.run(b.deps, b.context);
        await a.job.run(a.deps, a.context);
        expect(sandboxTasksWithKey(sandbox, 'digest:2026-11')).toHaveLength(1);
        expect(await listDigests(handle.db, sandbox.portalId)).toEqual([
          expect.objectContaining({ month: '2026-11', itemCount: 6, themeCount: 2, delivery: 'task' }),
        ]);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when no product owner is set on $name, then the digest is stored as not routed and no task is made',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 6, seed: 44 });
      const handle = await target.open();
      try {
        await seedDigestPortal(handle.db, sandbox.portalId, sandboxCompanyIds(sandbox));
        const { deps, context, job } = jobSetUp(
          handle.db,
          sandbox,
          'instance-a',
          () => new Date('2026-12-01T06:23:00.000Z'),
        );
        await job.run(deps, context);
        const stored = await findDigest(handle.db, sandbox.portalId, '2026-11');
        expect(stored?.digest.delivery).toMatchObject({
          status: 'not_routed',
          detail: 'no product owner in settings',
        });
        expect(stored?.digest.themes).toHaveLength(2);
        expect(sandboxTasksWithKey(sandbox, 'digest:2026-11')).toEqual([]);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when the digest is set to arrive as a note on $name, then one note with the HTML digest hangs off the top theme’s company',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 6, seed: 45 });
      const handle = await target.open();
      try {
        const companyIds = sandboxCompanyIds(sandbox);
        await seedDigestPortal(handle.db, sandbox.portalId, companyIds);
        await routeDigest(handle.db, sandbox.portalId, { kind: 'owner', ownerId: '501' }, 'note');
        const { deps, context, job } = jobSetUp(
          handle.db,
          sandbox,
          'instance-a',
          () => new Date('2026-12-01T06:23:00.000Z'),
        );
        await job.run(deps, context);
        await job.run(deps, context);
        const notes = [...sandbox.sandbox.world.defaultPortal.tables.notes.all()];
        expect(notes).toHaveLength(1);
        expect(notes[0]?.properties.hs_note_body).toContain('<h1>Product-feedback digest 2026-11</h1>');
        expect(notes[0]?.properties.hubspot_owner_id).toBe('501');
        const stored = await findDigest(handle.db, sandbox.portalId, '2026-11');
        expect(stored?.digest.delivery).toMatchObject({ status: 'note', reference: notes[0]?.id });
        expect(sandboxTasksWithKey(sandbox, 'digest:2026-11')).toEqual([]);
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when the product destination is a task queue on $name, then the digest task has no owner and sits in that queue',
    async (target) => {
      const sandbox = await startFastSandbox({ companies: 6, seed: 46 });
      const handle = await target.open();
      try {
        await seedDigestPortal(handle.db, sandbox.portalId, sandboxCompanyIds(sandbox));
        await routeDigest(handle.db, sandbox.portalId, { kind: 'queue', queueId: '7788' });
        const { deps, context, job } = jobSetUp(
          handle.db,
          sandbox,
          'instance-a',
          () => new Date('2026-12-01T06:23:00.000Z'),
        );
        await job.run(deps, context);
        const tasks = sandboxTasksWithKey(sandbox, 'digest:2026-11');
        expect(tasks).toHaveLength(1);
        expect(tasks[0]?.properties.hubspot_owner_id ?? null).toBeNull();
        expect(tasks[0]?.properties.hs_queue_membership_ids).toBe('7788');
        const stored = await findDigest(handle.db, sandbox.portalId, '2026-11');
        expect(stored?.digest.delivery).toMatchObject({ status: 'task', reference: tasks[0]?.id });
      } finally {
        await handle.close();
        await sandbox.close();
      }
    },
    60_000,
  );
});
