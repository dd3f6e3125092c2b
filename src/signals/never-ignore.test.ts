import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { DAY_MS } from '../health/engine/property-values.pure.ts';
import { rescorePortal } from '../health/scoring/rescore-portal.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { findCrmObject, upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { listSignals, type SignalRecord } from '../store/repositories/signals-repository.ts';
import { runSync } from '../sync/run-sync.ts';
import {
  createQuietLogger,
  createTestGateway,
  startFastSandbox,
  syncDeps,
} from '../sync/testing/sync-test-kit.ts';
import { isAccountedFor, type SignalCommand } from './lifecycle/signal-actions.pure.ts';
import { portalSignalRules } from './portal-signal-rules.ts';
import { createSignalService, type SignalService } from './signal-service.ts';

const companies = 60;
const days = 150;
const generatedAt = Math.floor(Date.UTC(2026, 5, 1) / DAY_MS) * DAY_MS;

/** A seeded generator, so a failure replays the same months. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe.each(testDatabaseTargets())(
  'the never-ignore rule over months of a generated portal on $name',
  (target) => {
    let sandbox: RunningSandbox;
    let handle: DatabaseHandle;
    let portalId: number;
    let companyIds: string[];

    beforeAll(async () => {
      sandbox = await startFastSandbox({ companies, seed: 53, generatedAt });
      handle = await target.open();
      portalId = sandbox.portalId;
      const summary = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
        portalId,
        mode: 'full',
      });
      expect(summary.status).toBe('succeeded');
      companyIds = [...sandbox.sandbox.world.defaultPortal.tables.companies.all()]
        .map((record) => record.id)
        .sort();
    }, 120_000);
    afterAll(async () => {
      await handle.close();
      await sandbox.close();
    });

    it('when usage, payments and CSM behaviour change every day for five months, then every risk signal ever opened is accounted for at every step', async () => {
      const random = seeded(7);
      const logger = createQuietLogger().logger;
      let clock = generatedAt + 10 * 3_600_000;
      const now = () => new Date(clock);
      const signals: SignalService = createSignalService({
        db: handle.db,
        logger,
        now,
        ...portalSignalRules(handle.db, logger),
      });
      const seen = new Map<number, SignalRecord>();
      const exercised = { escalated: 0, recovered: 0, refusedWithoutReason: 0, dismissed: 0, started: 0 };

      /** A customer's month: usage falls or grows, an invoice goes late or is paid. */
      async function changeSomeCompanies(): Promise<void> {
        const changed = [];
        for (const id of companyIds) {
          if (random() > 0.12) continue;
          const company = await findCrmObject(handle.db, portalId, 'companies', id);
          if (company === undefined) continue;
          const properties = { ...company.properties };
          const logins = Number(properties.logins_30d ?? '50') || 50;
          const roll = random();
          if (roll < 0.35) {
            properties.logins_prev_30d = String(logins);
            properties.logins_30d = String(Math.round(logins * (0.2 + random() * 0.4)));
          } else if (roll < 0.65) {
            properties.logins_prev_30d = String(logins);
            properties.logins_30d = String(Math.round(logins * (1.1 + random())) + 5);
          } else if (roll < 0.85) {
            properties.days_past_due = String(Math.round(15 + random() * 60));
            properties.invoice_status = 'overdue';
          } else {
            properties.days_past_due = '0';
            properties.invoice_status = 'paid';
          }
          changed.push({ id, properties, archived: false, modifiedAt: new Date(clock) });
        }
        await upsertCrmObjects(handle.db, portalId, 'companies', changed, new Date(clock));
      }

      /** What owners do, or fail to do, with what they see. */
      async function ownersAct(active: readonly SignalRecord[]): Promise<void> {
        for (const signal of active) {
          const roll = random();
          let command: SignalCommand | undefined;
          if (signal.status === 'recovered') command = roll < 0.4 ? { kind: 'confirm_recovery' } : undefined;
          else if (roll < 0.45)
            command = undefined; // a busy week: nothing happens
          else if (roll < 0.6) command = { kind: 'acknowledge' };
          else if (roll < 0.72) command = { kind: 'start_action' };
          else if (roll < 0.8)
            command = { kind: 'dismiss', reason: 'Talked to the sponsor: known and handled' };
          else if (roll < 0.88) command = { kind: 'dismiss' };
          else command = { kind: 'snooze', until: clock + 7 * DAY_MS, reason: 'Customer on holiday' };
          if (command === undefined) continue;
          try {
            const after = await signals.command(portalId, signal.id, command, 'hubspot-user:7001');
            if (after.status === 'dismissed') exercised.dismissed += 1;
            if (command.kind === 'start_action') exercised.started += 1;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            if (command.kind === 'dismiss' && signal.kind === 'risk') {
              expect(error.code).toBe('VALIDATION_FAILED');
              exercised.refusedWithoutReason += 1;
            } else expect(['CONFLICT', 'VALIDATION_FAILED']).toContain(error.code);
          }
        }
      }

      for (let day = 0; day < days; day += 1) {
        clock += DAY_MS;
        await changeSomeCompanies();
        await rescorePortal(
          {
            db: handle.db,
            logger,
            now,
            onScored: async (ids) => {
              await signals.evaluate(portalId, ids);
            },
          },
          portalId,
        );
        const all = await listSignals(handle.db, portalId, { activeOnly: false, limit: 100_000 });
        await ownersAct(
          all.filter((signal) => ['open', 'acknowledged', 'recovered'].includes(signal.status)),
        );
        await signals.escalateOverdue(portalId);

        const after = await listSignals(handle.db, portalId, { activeOnly: false, limit: 100_000 });
        const byId = new Map(after.map((signal) => [signal.id, signal]));
        // None lost: every signal ever seen is still there, and every risk is accounted for today.
        for (const id of seen.keys()) expect(byId.has(id), `signal ${id} vanished on day ${day}`).toBe(true);
        for (const signal of after) {
          seen.set(signal.id, signal);
          if (signal.kind !== 'risk') continue;
          expect(
            isAccountedFor(signal, clock),
            `day ${day}: risk signal ${signal.id} (${signal.type}, ${signal.status}) is neither in its window, acted on, escalated, recovered nor closed with a reason`,
          ).toBe(true);
          if (signal.status === 'dismissed' || signal.status === 'resolved')
            expect(signal.closeReason?.trim()).toBeTruthy();
        }
        exercised.escalated = after.filter((signal) => signal.escalatedAt !== null).length;
        exercised.recovered = Math.max(
          exercised.recovered,
          after.filter((signal) => signal.status === 'recovered').length,
        );
      }

      // The months went through every path the rule guards, or the test would prove nothing.
      const risks = [...seen.values()].filter((signal) => signal.kind === 'risk');
      expect(risks.length).toBeGreaterThan(30);
      expect(exercised.escalated).toBeGreaterThan(0);
      expect(exercised.recovered).toBeGreaterThan(0);
      expect(exercised.refusedWithoutReason).toBeGreaterThan(0);
      expect(exercised.dismissed).toBeGreaterThan(0);
      expect(exercised.started).toBeGreaterThan(0);
    }, 600_000);
  },
);
