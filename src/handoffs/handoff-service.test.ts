import { defaultReportSettings, type ReportSettings } from '@harbor/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { listAudit } from '../store/repositories/audit-log-repository.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { listCompanyHandoffs, saveOwnerTeams } from '../store/repositories/handoffs-repository.ts';
import { upsertOwners } from '../store/repositories/owners-repository.ts';
import { saveSettingsVersion } from '../store/repositories/settings-repository.ts';
import { createTaskOnce } from '../tasks/create-task-once.ts';
import { harborTaskKeyProperty } from '../tasks/harbor-task-property.ts';
import { sandboxTasksWithKey, startFastSandbox, taskDeps } from '../tasks/testing/task-test-kit.ts';
import { financeHandoffKey, marketingHandoffKey, supportHandoffKey } from './handoff-keys.pure.ts';
import { handOff, type HandoffRequest } from './handoff-service.ts';
import { referenceCandidateProperty } from './reference-candidate-property.ts';
import { taskQueueProperty } from './task-queue-property.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

function firstId(sandbox: RunningSandbox, type: 'companies' | 'deals' | 'tickets', skip = 0): string {
  const ids = [...sandbox.sandbox.world.defaultPortal.tables[type].all()].map((record) => record.id);
  const id = ids[skip];
  if (id === undefined) throw new Error(`the sandbox portal has too few ${type}`);
  return id;
}

async function route(handle: DatabaseHandle, portalId: number, routing: Partial<ReportSettings['routing']>) {
  await saveSettingsVersion(
    handle.db,
    portalId,
    { reports: { ...defaultReportSettings, routing: { ...defaultReportSettings.routing, ...routing } } },
    'user:7001',
  );
}

describe.each(testDatabaseTargets())('hand-offs on $name', (target) => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let companyId: string;
  let ticketId: string;
  let dealId: string;
  const world = () => sandbox.sandbox.world.defaultPortal;
  const deps = () => ({ ...taskDeps(handle.db, sandbox, 'instance-a'), now: () => now });

  const support = (ticket: string): HandoffRequest => ({
    kind: 'support',
    key: supportHandoffKey(ticket),
    companyId,
    ticketId: ticket,
    reason: 'Critical ticket on an at-risk account',
    requestedBy: 'harbor',
    facts: {
      kind: 'support',
      ticketId: ticket,
      ticketSubject: 'Export fails',
      hoursOpen: 30,
      escalated: true,
    },
  });

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 6, seed: 21 });
    handle = await target.open();
    await installPortals(handle.db, [sandbox.portalId]);
    companyId = firstId(sandbox, 'companies');
    ticketId = firstId(sandbox, 'tickets');
    dealId = firstId(sandbox, 'deals');
    await upsertCrmObjects(
      handle.db,
      sandbox.portalId,
      'companies',
      [{ id: companyId, properties: { name: 'Acme Ltd' }, archived: false, modifiedAt: now }],
      now,
    );
    const owner = (id: string, userId: string) => ({
      id,
      email: `${id}@harbor.example`,
      firstName: `Owner${id}`,
      lastName: null,
      userId,
      archived: false,
    });
    await upsertOwners(
      handle.db,
      sandbox.portalId,
      [owner('101', '9101'), owner('102', '9102'), owner('103', '9103')],
      now,
    );
    await saveOwnerTeams(handle.db, sandbox.portalId, [
      { id: '101', teams: [{ id: '55' }] },
      { id: '102', teams: [{ id: '55' }, { id: '56' }] },
      { id: '103', teams: [] },
    ]);
  }, 60_000);
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  it('when support has no destination, then the hand-off is logged "not routed", nothing is created, and asking again changes nothing', async () => {
    await route(handle, sandbox.portalId, { support: null });
    const request = support(firstId(sandbox, 'tickets', 1));
    const first = await handOff(deps(), sandbox.portalId, request);
    expect(first).toMatchObject({ outcome: 'not_routed', hubspotTaskId: null, attempts: 1 });
    expect(first.detail).toMatch(/No support destination is set/);
    expect(sandboxTasksWithKey(sandbox, request.key)).toEqual([]);
    const again = await handOff(deps(), sandbox.portalId, request);
    expect(again).toMatchObject({ outcome: 'not_routed', attempts: 1 });
  });

  it('when a critical ticket is handed to a support owner twice, then ONE task exists, for that owner, on the company and the ticket', async () => {
    await route(handle, sandbox.portalId, { support: { kind: 'owner', ownerId: '103' } });
    const request = support(ticketId);
    const first = await handOff(deps(), sandbox.portalId, request);
    const second = await handOff(deps(), sandbox.portalId, request);

    const tasks = sandboxTasksWithKey(sandbox, request.key);
    expect(tasks).toHaveLength(1);
    const task = tasks[0]!;
    expect(first).toMatchObject({ outcome: 'created', hubspotTaskId: task.id, assignee: { ownerId: '103' } });
    expect(second).toEqual(first);
    expect(task.properties.hubspot_owner_id).toBe('103');
    expect(task.properties[harborTaskKeyProperty]).toBe(request.key);
    expect(task.properties.hs_task_body).toContain('Harbor never answers or closes tickets');
    expect(task.properties.hs_task_body).toContain(`/record/0-5/${ticketId}`);
    expect(task.properties.hs_task_subject).toContain('Acme Ltd');
    // Task → company 192 and task → ticket 230: the task shows on both records.
    expect(world().associations.list('tasks', task.id, 'companies')).toEqual([
      { toObjectId: companyId, typeIds: [192] },
    ]);
    expect(world().associations.list('tasks', task.id, 'tickets')).toEqual([
      { toObjectId: ticketId, typeIds: [230] },
    ]);
    const audit = (await listAudit(handle.db, sandbox.portalId)).filter(
      (entry) => entry.action === 'handoff.created',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'harbor', entity: `company:${companyId}` });
  });

  it('when finance is a team, then the member with the fewest open Harbor tasks today gets the renewal, linked to the deal', async () => {
    await route(handle, sandbox.portalId, { finance: { kind: 'team', teamId: '55' } });
    // Owner 101 already has an open Harbor task today; 102 has none.
    await createTaskOnce(deps(), {
      portalId: sandbox.portalId,
      companyId,
      key: 'playbook:test:busy-101',
      subject: 'Existing work',
      body: '',
      dueAt: now,
      priority: 'LOW',
      type: 'TODO',
      ownerId: '101',
    });
    const row = await handOff(deps(), sandbox.portalId, {
      kind: 'finance',
      key: financeHandoffKey(companyId, dealId, now),
      companyId,
      dealId,
      reason: 'Renewal needs a price change',
      note: 'Customer asks for a 3-year term at last year’s price',
      requestedBy: 'user:7001',
      manual: true,
      facts: {
        kind: 'finance',
        dealId,
        dealName: 'Acme renewal 2027',
        note: 'Customer asks for a 3-year term',
      },
    });
    expect(row).toMatchObject({
      outcome: 'created',
      assignee: { ownerId: '102' },
      destination: { kind: 'team', teamId: '55' },
    });
    const task = world().tables.tasks.get(row.hubspotTaskId!)!;
    expect(task.properties.hubspot_owner_id).toBe('102');
    expect(task.properties.hs_task_body).toContain('Harbor never changes prices or deal amounts');
    expect(world().associations.list('tasks', task.id, 'deals')).toEqual([
      { toObjectId: dealId, typeIds: [216] },
    ]);
  });

  it('when automation is a queue, then the task sits in the queue with no owner', async () => {
    await route(handle, sandbox.portalId, { automation: { kind: 'queue', queueId: '4242' } });
    const row = await handOff(deps(), sandbox.portalId, {
      kind: 'automation',
      key: 'handoff:automation:test-queue',
      companyId,
      reason: 'Automation request',
      note: 'Create a renewal quote reminder 120 days before the renewal date',
      requestedBy: 'user:7001',
      manual: true,
      facts: { kind: 'automation', note: 'Create a renewal quote reminder 120 days before the renewal date' },
    });
    expect(row).toMatchObject({ outcome: 'created', assignee: { queueId: '4242' } });
    const task = world().tables.tasks.get(row.hubspotTaskId!)!;
    expect(task.properties[taskQueueProperty]).toBe('4242');
    expect(task.properties.hubspot_owner_id ?? null).toBeNull();
  });

  it('when a promoter is proposed to marketing, then the company is marked with the date and a second proposal that quarter is the same hand-off', async () => {
    await route(handle, sandbox.portalId, { marketing: { kind: 'owner', ownerId: '101' } });
    const request = (at: Date): HandoffRequest => ({
      kind: 'marketing',
      key: marketingHandoffKey(companyId, at),
      companyId,
      reason: 'Promoter in the healthy tier',
      requestedBy: 'harbor',
      facts: { kind: 'marketing', npsScore: 10, answeredOn: '2026-11-20' },
    });
    const first = await handOff(deps(), sandbox.portalId, request(now));
    const laterSameQuarter = await handOff(
      { ...deps(), now: () => new Date('2026-12-30T12:00:00Z') },
      sandbox.portalId,
      request(new Date('2026-12-30T12:00:00Z')),
    );
    expect(first.outcome).toBe('created');
    expect(laterSameQuarter.id).toBe(first.id);
    expect(world().tables.companies.get(companyId)?.properties[referenceCandidateProperty]).toBe(
      '2026-11-24',
    );
    const marketing = (await listCompanyHandoffs(handle.db, sandbox.portalId, companyId)).filter(
      (handoff) => handoff.kind === 'marketing',
    );
    expect(marketing).toHaveLength(1);
  });

  it('when a team has no active member, then the hand-off says so and nothing is created', async () => {
    await route(handle, sandbox.portalId, { finance: { kind: 'team', teamId: '999' } });
    const row = await handOff(deps(), sandbox.portalId, {
      kind: 'finance',
      key: financeHandoffKey(companyId, firstId(sandbox, 'deals', 1), now),
      companyId,
      dealId: firstId(sandbox, 'deals', 1),
      reason: 'Renewal needs a price change',
      note: 'Discount request',
      requestedBy: 'user:7001',
      manual: true,
      facts: {
        kind: 'finance',
        dealId: firstId(sandbox, 'deals', 1),
        dealName: null,
        note: 'Discount request',
      },
    });
    expect(row.outcome).toBe('not_routed');
    expect(row.detail).toMatch(/team has no active member/);
  });
});
