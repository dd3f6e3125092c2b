import { defaultReportSettings } from '@harbor/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { listCompanyHandoffs } from '../store/repositories/handoffs-repository.ts';
import { saveSettingsVersion } from '../store/repositories/settings-repository.ts';
import { sandboxTasksWithKey, startFastSandbox, taskDeps } from '../tasks/testing/task-test-kit.ts';
import { runHandoffTriggers } from './handoff-triggers.ts';
import { referenceCandidateProperty } from './reference-candidate-property.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

describe.each(testDatabaseTargets())('automatic hand-offs on $name', (target) => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let companies: string[];
  let tickets: string[];

  async function score(companyId: string, tier: 'healthy' | 'watch' | 'at_risk') {
    await handle.db
      .insertInto('health_scores')
      .values({
        portal_id: sandbox.portalId,
        company_id: companyId,
        model_version: 1,
        segment: 'default',
        score: tier === 'healthy' ? 85 : 30,
        tier,
        tier_since: now,
        pending_tier: null,
        confidence: 90,
        churn_probability: null,
        components: JSON.stringify([]),
        top_driver: null,
        changes: JSON.stringify([]),
        trend: JSON.stringify({}),
        computed_at: now,
      })
      .execute();
  }

  async function signal(companyId: string, type: string, evidence: object[], status = 'open') {
    await handle.db
      .insertInto('signals')
      .values({
        portal_id: sandbox.portalId,
        company_id: companyId,
        type,
        kind: type === 'advocacy' ? 'opportunity' : 'risk',
        severity: 'high',
        status,
        evidence: JSON.stringify(evidence),
        owner_id: null,
        action: JSON.stringify({}),
        opened_at: now,
        due_at: now,
        last_fired_at: now,
        snooze_count: 0,
        updated_at: now,
      } as never)
      .execute();
  }

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 6, seed: 31 });
    handle = await target.open();
    await installPortals(handle.db, [sandbox.portalId]);
    companies = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()].map((record) => record.id);
    tickets = [...sandbox.sandbox.world.defaultPortal.tables.tickets.all()].map((record) => record.id);
    const [atRisk, healthy, watch] = companies as [string, string, string];
    await score(atRisk, 'at_risk');
    await score(healthy, 'healthy');
    await score(watch, 'watch');
    const ticket = (id: string) => [
      { key: 'ticket_id', value: id },
      { key: 'ticket_subject', value: 'Login broken' },
    ];
    // Critical ticket on an at-risk account: support. The same on a "watch" account: not a hand-off.
    await signal(atRisk, 'critical_ticket', ticket(tickets[0]!));
    await signal(watch, 'critical_ticket', ticket(tickets[1]!));
    // A promoter on a healthy account: marketing.
    await signal(healthy, 'advocacy', [{ key: 'answer_value', value: 10 }]);
    await saveSettingsVersion(
      handle.db,
      sandbox.portalId,
      {
        reports: {
          ...defaultReportSettings,
          routing: { ...defaultReportSettings.routing, support: { kind: 'owner', ownerId: '301' } },
        },
      },
      'user:7001',
    );
  }, 60_000);
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  it('when the job passes twice, then the at-risk account’s ticket goes to support once, the promoter is a candidate, and the watch account is left alone', async () => {
    const deps = { ...taskDeps(handle.db, sandbox, 'instance-a'), now: () => now };
    const first = await runHandoffTriggers(deps, sandbox.portalId);
    const second = await runHandoffTriggers(deps, sandbox.portalId);
    expect(first).toEqual({ considered: 2, created: 1, notRouted: 1, failed: 0 });
    expect(second).toEqual(first);

    const [atRisk, healthy, watch] = companies as [string, string, string];
    expect(sandboxTasksWithKey(sandbox, `handoff:support:${tickets[0]!}`)).toHaveLength(1);
    expect(sandboxTasksWithKey(sandbox, `handoff:support:${tickets[1]!}`)).toHaveLength(0);
    expect(await listCompanyHandoffs(handle.db, sandbox.portalId, watch)).toEqual([]);
    expect(
      (await listCompanyHandoffs(handle.db, sandbox.portalId, atRisk)).map((row) => row.outcome),
    ).toEqual(['created']);
    // Marketing has no destination: the candidate is marked on the company and logged "not routed".
    const marketing = await listCompanyHandoffs(handle.db, sandbox.portalId, healthy);
    expect(marketing).toMatchObject([{ kind: 'marketing', outcome: 'not_routed', attempts: 1 }]);
    expect(
      sandbox.sandbox.world.defaultPortal.tables.companies.get(healthy)?.properties[
        referenceCandidateProperty
      ],
    ).toBe('2026-11-24');
  });
});
