import { describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { testDatabaseTargets, type TestDatabaseTarget } from '../../test/support/test-databases.ts';
import { createHealthServices, type HealthServices } from '../health/health-services.ts';
import { createRescoreQueue, type RescoreQueue } from '../health/rescore-queue/rescore-queue.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { defaultAssociationTypeId } from '../sandbox/store/association-types.ts';
import type { SandboxStore } from '../sandbox/store/sandbox-store.ts';
import { portalSignalRules } from '../signals/portal-signal-rules.ts';
import { createSignalService } from '../signals/signal-service.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { findCrmObject } from '../store/repositories/crm-objects-repository.ts';
import { releaseLease, tryAcquireLease } from '../store/repositories/job-leases-repository.ts';
import { loadPendingRescores } from '../store/repositories/rescore-queue-repository.ts';
import { listSignals } from '../store/repositories/signals-repository.ts';
import { listPendingWebhookEvents } from '../store/repositories/webhook-events-repository.ts';
import { startFastSandbox } from '../sync/testing/sync-test-kit.ts';
import type { SyncDeps } from '../sync/sync-types.ts';
import { intakeWebhookBatch } from './intake/intake-webhook-batch.ts';
import { processPendingWebhooks } from './processor/webhook-processor.ts';
import { rescoreAfterWebhooks } from './rescore-after-webhooks.ts';
import {
  installPortal,
  recordWebhookEvents,
  sandboxGateway,
  sandboxPortal,
  seedStoreFromSandbox,
} from './testing/webhook-test-kit.ts';

const MINUTE = 60_000;
const generatedAt = Date.parse('2026-11-23T12:00:00.000Z');
// The store's clock: the tickets below were opened an hour before it starts.
const start = generatedAt + 24 * 60 * MINUTE;

interface World {
  handle: DatabaseHandle;
  sandbox: RunningSandbox;
  portal: SandboxStore;
  deps: SyncDeps;
  health: HealthServices;
  /** The queue as the service builds it: rescorings under the portal's lease, written back to the sandbox. */
  queue: RescoreQueue;
  logLines: () => string[];
  /** Moves the one clock every part reads. */
  advance(ms: number): Date;
  /** A company of its own with two open, low-priority, unescalated tickets. */
  companyId: string;
  ticketIds: string[];
  /** A contact of that company (survey answers reach the company through it). */
  contactId: string;
}

/**
 * A sandbox portal copied into the store and scored once, with signals following every rescoring as the
 * runtime wires them; one injected clock for the store, the rescoring and the signals.
 */
async function setUp(target: TestDatabaseTarget, seed: number): Promise<World> {
  const sandbox = await startFastSandbox({ companies: 3, seed, generatedAt });
  const handle = await target.open();
  const portal = sandboxPortal(sandbox);
  let clock = start;
  const now = (): Date => new Date(clock);
  const company = portal.createRecord('companies', { name: 'Escalation Test Co' }, generatedAt);
  const typeId = defaultAssociationTypeId('tickets', 'companies') ?? 0;
  const ticketIds = ['Login fails', 'Export times out'].map((subject) => {
    const ticket = portal.createRecord(
      'tickets',
      {
        subject,
        hs_ticket_priority: 'LOW',
        escalated: 'false',
        createdate: new Date(start - 60 * MINUTE).toISOString(),
      },
      start - 60 * MINUTE,
    );
    portal.associate('tickets', ticket.id, 'companies', company.id, typeId, start - 60 * MINUTE);
    return ticket.id;
  });
  const contact = portal.createRecord('contacts', { email: 'ana@escalation.test' }, generatedAt);
  portal.associate(
    'contacts',
    contact.id,
    'companies',
    company.id,
    defaultAssociationTypeId('contacts', 'companies') ?? 0,
    generatedAt,
  );
  const captured = createCapturingLogger();
  const deps: SyncDeps = {
    db: handle.db,
    gateway: sandboxGateway(sandbox, captured.logger, 10_000),
    logger: captured.logger,
    now,
  };
  const signals = createSignalService({
    db: handle.db,
    logger: captured.logger,
    now,
    ...portalSignalRules(handle.db, captured.logger),
  });
  const health = createHealthServices({
    ...deps,
    leaseOwner: 'instance-a:rescore',
    onScored: async (portalId, companyIds) => {
      await signals.evaluate(portalId, companyIds);
    },
  });
  await installPortal(handle.db, sandbox, now());
  await seedStoreFromSandbox(handle.db, sandbox, now());
  await health.rescoreNow(sandbox.portalId, { writeBack: false });
  return {
    handle,
    sandbox,
    portal,
    deps,
    health,
    queue: createRescoreQueue({
      ...deps,
      leaseOwner: 'instance-a:rescore',
      rescore: (portalId, companyIds) => health.rescore(portalId, { companyIds }),
    }),
    logLines: captured.lines,
    advance(ms) {
      clock += ms;
      return now();
    },
    companyId: company.id,
    ticketIds,
    contactId: contact.id,
  };
}

async function tearDown(world: World | undefined): Promise<void> {
  await world?.handle.close();
  await world?.sandbox.close();
}

/** HubSpot's events for what `change` does to the portal, as the intake stores them. */
async function deliver(world: World, change: () => void): Promise<void> {
  const recorder = recordWebhookEvents(world.sandbox);
  change();
  recorder.stop();
  const events = recorder.take();
  expect(events.length).toBeGreaterThan(0);
  await intakeWebhookBatch({ db: world.handle.db, now: world.deps.now, logger: world.deps.logger }, events);
}

async function activeSignalTypes(world: World): Promise<string[]> {
  const signals = await listSignals(world.handle.db, world.sandbox.portalId, {
    companyId: world.companyId,
    limit: 20,
  });
  return signals.map((signal) => `${signal.type}:${signal.status}`);
}

function escalateTickets(world: World, at: number): void {
  for (const id of world.ticketIds) {
    world.portal.updateRecord('tickets', id, { hs_ticket_priority: 'URGENT', escalated: 'true' }, at);
  }
}

describe('signals after webhooks', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when a webhook batch escalates a company’s tickets on $name, then once it is applied the company’s critical-ticket signal is open and its score is written back to HubSpot',
    async (target) => {
      let world: World | undefined;
      try {
        world = await setUp(target, 51);
        expect(await activeSignalTypes(world)).not.toContainEqual(expect.stringMatching(/^critical_ticket/));
        const changedAt = world.advance(MINUTE).getTime();
        await deliver(world, () => {
          escalateTickets(world!, changedAt);
        });

        world.advance(MINUTE);
        const result = await processPendingWebhooks(world.deps, world.sandbox.portalId, {
          onBatchApplied: rescoreAfterWebhooks(world.queue, world.deps.logger),
        });

        expect(result.events).toBe(4);
        expect(await activeSignalTypes(world)).toContain('critical_ticket:open');
        // Scored before the batch without write-back: HubSpot holds the score only since this rescoring.
        expect(world.portal.tables.companies.get(world.companyId)?.properties.harbor_health_score).toMatch(
          /^\d+$/,
        );
        const [signal] = (
          await listSignals(world.handle.db, world.sandbox.portalId, {
            companyId: world.companyId,
            limit: 20,
          })
        ).filter((candidate) => candidate.type === 'critical_ticket');
        expect(signal?.evidence).toEqual(
          expect.arrayContaining([
            { key: 'ticket_escalated', value: 'true' },
            { key: 'open_critical_tickets', value: 2 },
          ]),
        );
        expect(await listPendingWebhookEvents(world.handle.db, world.sandbox.portalId, 10)).toEqual([]);
      } finally {
        await tearDown(world);
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when a contact of the company answers the NPS survey as a detractor on $name, then once the webhook is applied the answer is stored and the company’s detractor signal is open',
    async (target) => {
      let world: World | undefined;
      try {
        world = await setUp(target, 55);
        expect(await activeSignalTypes(world)).not.toContain('detractor:open');
        const { portal, contactId } = world;
        const at = world.advance(MINUTE).getTime();
        let answerId = '';
        await deliver(world, () => {
          const answer = portal.createRecord(
            'feedback_submissions',
            {
              hs_contact_id: contactId,
              hs_response_group: 'DETRACTOR',
              hs_submission_timestamp: new Date(at).toISOString(),
              hs_survey_type: 'NPS',
              hs_value: '2',
              hs_content: 'Nobody answers our tickets.',
            },
            at,
          );
          // As HubSpot does, the answer is linked to its contact (no webhook: the sandbox subscribes to none).
          portal.associations.add('feedback_submissions', answer.id, 'contacts', contactId);
          answerId = answer.id;
        });

        world.advance(MINUTE);
        const result = await processPendingWebhooks(world.deps, world.sandbox.portalId, {
          onBatchApplied: rescoreAfterWebhooks(world.queue, world.deps.logger),
        });

        expect(result).toMatchObject({ events: 1, fetched: 1 });
        const stored = await findCrmObject(
          world.handle.db,
          world.sandbox.portalId,
          'feedback_submissions',
          answerId,
        );
        expect(stored?.properties.hs_value).toBe('2');
        expect(await activeSignalTypes(world)).toContain('detractor:open');
        expect(await listPendingWebhookEvents(world.handle.db, world.sandbox.portalId, 10)).toEqual([]);
      } finally {
        await tearDown(world);
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when a sync holds the portal as the batch is applied on $name, then the batch stays applied, nothing is rescored beside the sync, and the companies wait in the queue until the first drain after the sync opens the signal',
    async (target) => {
      let world: World | undefined;
      try {
        world = await setUp(target, 52);
        const changedAt = world.advance(MINUTE).getTime();
        await deliver(world, () => {
          escalateTickets(world!, changedAt);
        });
        const syncLease = {
          portalId: world.sandbox.portalId,
          job: 'sync',
          owner: 'instance-a',
          ttlMs: 120_000,
        };
        expect(await tryAcquireLease(world.handle.db, syncLease, world.advance(MINUTE))).toBe(true);

        await processPendingWebhooks(world.deps, world.sandbox.portalId, {
          onBatchApplied: rescoreAfterWebhooks(world.queue, world.deps.logger),
        });

        expect(await listPendingWebhookEvents(world.handle.db, world.sandbox.portalId, 10)).toEqual([]);
        const stored = await findCrmObject(
          world.handle.db,
          world.sandbox.portalId,
          'tickets',
          world.ticketIds[0]!,
        );
        expect(stored?.properties.escalated).toBe('true');
        expect(await activeSignalTypes(world)).not.toContain('critical_ticket:open');
        expect(world.logLines().join('\n')).toMatch(/queued and rescored right after/);
        const waiting = await loadPendingRescores(world.handle.db, world.sandbox.portalId, 10);
        expect(waiting.map((request) => request.companyId)).toEqual([world.companyId]);

        // The sync ends; the rescore-queue job's next pass finds the portal free.
        await releaseLease(world.handle.db, syncLease);
        world.advance(MINUTE);
        expect(await world.queue.drain(world.sandbox.portalId)).toEqual({ status: 'drained', companies: 1 });
        expect(await activeSignalTypes(world)).toContain('critical_ticket:open');
        expect(await loadPendingRescores(world.handle.db, world.sandbox.portalId, 10)).toEqual([]);
      } finally {
        await tearDown(world);
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when one batch changes a company twice, moves a ticket between companies and deletes a deal on $name, then every company it touched is rescored once, those the ticket and the deal left included',
    async (target) => {
      let world: World | undefined;
      try {
        world = await setUp(target, 53);
        const { portal } = world;
        const others = [...portal.tables.companies.all()]
          .map((company) => company.id)
          .filter((id) => id !== world!.companyId);
        const dealId = [...portal.tables.deals.all()].find(
          (deal) => portal.associations.ids('deals', deal.id, 'companies').length > 0,
        )?.id;
        expect(dealId).toBeDefined();
        const dealCompanies = portal.associations.ids('deals', dealId!, 'companies');
        const [to = '', changed = ''] = others;
        const at = world.advance(MINUTE).getTime();
        const typeId = defaultAssociationTypeId('tickets', 'companies') ?? 0;
        await deliver(world, () => {
          portal.updateRecord('companies', changed, { seats_purchased: '40' }, at);
          portal.updateRecord('companies', changed, { active_users_30d: '12' }, at);
          portal.dissociate('tickets', world!.ticketIds[0]!, 'companies', world!.companyId, typeId, at);
          portal.associate('tickets', world!.ticketIds[0]!, 'companies', to, typeId, at);
          portal.archiveRecord('deals', dealId!, at);
        });
        const rescored: string[][] = [];
        world.advance(MINUTE);

        await processPendingWebhooks(world.deps, world.sandbox.portalId, {
          onBatchApplied: (_portalId, companyIds) => {
            rescored.push([...companyIds]);
            return Promise.resolve();
          },
        });

        expect(rescored).toHaveLength(1);
        expect(rescored[0]).toEqual([...new Set([changed, world.companyId, to, ...dealCompanies])].sort());
      } finally {
        await tearDown(world);
      }
    },
    60_000,
  );

  it.concurrent.each(testDatabaseTargets())(
    'when the rescoring after a batch fails on $name, then the batch stays applied and the failure is logged',
    async (target) => {
      let world: World | undefined;
      try {
        world = await setUp(target, 54);
        const changedAt = world.advance(MINUTE).getTime();
        await deliver(world, () => {
          escalateTickets(world!, changedAt);
        });
        const broken = rescoreAfterWebhooks(
          { requestAndDrain: () => Promise.reject(new Error('connection reset')) },
          world.deps.logger,
        );

        const result = await processPendingWebhooks(world.deps, world.sandbox.portalId, {
          onBatchApplied: broken,
        });

        expect(result.events).toBe(4);
        expect(await listPendingWebhookEvents(world.handle.db, world.sandbox.portalId, 10)).toEqual([]);
        expect(world.logLines().join('\n')).toMatch(/next sync rescores their companies/);
      } finally {
        await tearDown(world);
      }
    },
    60_000,
  );
});
