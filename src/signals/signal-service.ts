import type { Kysely } from 'kysely';

import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { loadCompanyPage } from '../store/repositories/health-inputs-repository.ts';
import {
  appendSignalEvents,
  findSignal,
  insertSignal,
  listActiveSignals,
  listOverdueRiskSignals,
  updateSignal,
  type SignalRecord,
} from '../store/repositories/signals-repository.ts';
import { reconcileSignals } from './lifecycle/reconcile-signals.pure.ts';
import {
  applySignalCommand,
  escalateIfOverdue,
  type SignalCommand,
} from './lifecycle/signal-actions.pure.ts';
import type { SignalTransition } from './lifecycle/signal-state.ts';
import type { SignalFiring, SignalSeverity } from './signal-types.ts';

/** What the rules said about one company, and who owns what they fired. */
export interface CompanyFirings {
  companyId: string;
  ownerId: string | null;
  firings: SignalFiring[];
}

export interface SignalServiceDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /** Runs the rules for these companies of the portal, with the portal's settings. */
  fire(portalId: number, companyIds: readonly string[], now: number): Promise<CompanyFirings[]>;
  /** Days to start an action per severity, from the portal's settings. */
  dueDays(portalId: number): Promise<Readonly<Record<SignalSeverity, number>>>;
  /** Called once per escalation, after it is recorded (the CS lead's task). */
  onEscalated?: ((portalId: number, signal: SignalRecord) => Promise<void>) | undefined;
  /**
   * Starts the signal's defined action (its playbook, or its task) when a person starts it. Runs before the
   * signal is marked: a signal never reads "in progress" for an action that did not start.
   */
  runAction?: ((portalId: number, signal: SignalRecord, actor: string) => Promise<void>) | undefined;
}

export interface CommandOptions {
  /** The caller has already started the action (an automation, a playbook started from the card). */
  actionDone?: boolean;
}

export interface EvaluationSummary {
  companies: number;
  opened: number;
  changed: number;
  escalated: number;
}

export interface SignalService {
  /** Runs the rules for these companies and brings their signals up to date, then escalates what is overdue. */
  evaluate(portalId: number, companyIds: readonly string[]): Promise<EvaluationSummary>;
  /** Evaluates every live company of the portal, a page at a time (the CLI, the daily sweep). */
  evaluatePortal(portalId: number): Promise<EvaluationSummary>;
  /** Escalates every overdue risk signal of the portal (the daily sweep; evaluate does it too). */
  escalateOverdue(portalId: number): Promise<number>;
  /** A person's command on one signal; refused with VALIDATION_FAILED, CONFLICT or NOT_FOUND. */
  command(
    portalId: number,
    signalId: number,
    command: SignalCommand,
    actor: string,
    options?: CommandOptions,
  ): Promise<SignalRecord>;
  /**
   * A signal reported from outside the rules (a HubSpot workflow): opens one of the firing's type for the
   * company, or refreshes the active one (a worse severity brings its due date forward), with the same due
   * dates and escalation as a rule's. Evidence the firing lacks is kept from the active signal. NOT_FOUND
   * for a company Harbor does not have; CONFLICT when another change to the signal won the race.
   */
  record(
    portalId: number,
    companyId: string,
    firing: SignalFiring,
    actor: string,
    note?: string | null,
  ): Promise<{ signal: SignalRecord; opened: boolean }>;
}

const evaluationChunk = 500;
const escalationPage = 200;
const portalPage = 2_000;

export function createSignalService(deps: SignalServiceDeps): SignalService {
  const { db } = deps;

  async function evaluateChunk(
    portalId: number,
    companyIds: readonly string[],
    dueDays: Readonly<Record<SignalSeverity, number>>,
    now: Date,
  ): Promise<{ opened: number; changed: number }> {
    const [fired, active] = await Promise.all([
      deps.fire(portalId, companyIds, now.getTime()),
      listActiveSignals(db, portalId, companyIds),
    ]);
    const activeByCompany = Map.groupBy(active, (signal) => signal.companyId);
    const opened: SignalTransition[] = [];
    const changed: { record: SignalRecord; transition: SignalTransition }[] = [];
    for (const { companyId, ownerId, firings } of fired) {
      const records = activeByCompany.get(companyId) ?? [];
      const result = reconcileSignals(companyId, records, firings, { dueDays, ownerId }, now.getTime());
      opened.push(...result.opened);
      for (const transition of result.changed) {
        const record = records.find((signal) => signal.type === transition.next.type);
        if (record !== undefined) changed.push({ record, transition });
      }
    }
    let openedCount = 0;
    let changedCount = 0;
    await db.transaction().execute(async (tx) => {
      const events: Parameters<typeof appendSignalEvents>[2][number][] = [];
      for (const transition of opened) {
        const id = await insertSignal(tx, portalId, transition.next, now);
        if (id === undefined || transition.event === null) continue;
        openedCount += 1;
        events.push({ signalId: id, event: transition.event, evidence: transition.next.evidence });
      }
      for (const { record, transition } of changed) {
        const wrote = await updateSignal(tx, portalId, record.id, transition.next, now, record.updatedAt);
        if (!wrote) continue;
        changedCount += 1;
        if (transition.event !== null)
          events.push({ signalId: record.id, event: transition.event, evidence: transition.next.evidence });
      }
      await appendSignalEvents(tx, portalId, events);
    });
    return { opened: openedCount, changed: changedCount };
  }

  async function escalateOverdue(portalId: number): Promise<number> {
    const now = deps.now();
    let escalated = 0;
    for (;;) {
      const overdue = await listOverdueRiskSignals(db, portalId, now, escalationPage);
      if (overdue.length === 0) break;
      let escalatedHere = 0;
      for (const signal of overdue) {
        const transition = escalateIfOverdue(signal, now.getTime());
        const event = transition?.event;
        if (transition === null || event === null || event === undefined) continue;
        const wrote = await db.transaction().execute(async (tx) => {
          if (!(await updateSignal(tx, portalId, signal.id, transition.next, now, signal.updatedAt)))
            return false;
          await appendSignalEvents(tx, portalId, [{ signalId: signal.id, event }]);
          return true;
        });
        if (!wrote) continue;
        escalatedHere += 1;
        await deps.onEscalated?.(portalId, { ...signal, ...transition.next, updatedAt: now.getTime() });
      }
      escalated += escalatedHere;
      // A page where every write lost its race (someone acted meanwhile) would come back unchanged: stop.
      if (overdue.length < escalationPage || escalatedHere === 0) break;
    }
    if (escalated > 0) deps.logger.info({ portalId, escalated }, 'risk signals escalated');
    return escalated;
  }

  async function evaluate(portalId: number, companyIds: readonly string[]): Promise<EvaluationSummary> {
    const now = deps.now();
    const dueDays = await deps.dueDays(portalId);
    let opened = 0;
    let changed = 0;
    for (let start = 0; start < companyIds.length; start += evaluationChunk) {
      const result = await evaluateChunk(
        portalId,
        companyIds.slice(start, start + evaluationChunk),
        dueDays,
        now,
      );
      opened += result.opened;
      changed += result.changed;
    }
    const escalated = await escalateOverdue(portalId);
    return { companies: companyIds.length, opened, changed, escalated };
  }

  return {
    evaluate,
    async evaluatePortal(portalId) {
      const total: EvaluationSummary = { companies: 0, opened: 0, changed: 0, escalated: 0 };
      for (let after: string | null = null; ;) {
        const page = await loadCompanyPage(db, portalId, after, portalPage);
        if (page.length === 0) break;
        const result = await evaluate(
          portalId,
          page.map((company) => company.id),
        );
        total.companies += result.companies;
        total.opened += result.opened;
        total.changed += result.changed;
        total.escalated += result.escalated;
        after = page.at(-1)?.id ?? null;
      }
      return total;
    },
    escalateOverdue,
    async record(portalId, companyId, firing, actor, note = null) {
      const now = deps.now();
      const [dueDays, fired] = await Promise.all([
        deps.dueDays(portalId),
        deps.fire(portalId, [companyId], now.getTime()),
      ]);
      const company = fired.find((entry) => entry.companyId === companyId);
      if (company === undefined)
        throw new AppError('NOT_FOUND', `Company ${companyId} is not in Harbor's copy of the CRM`);
      const active = (await listActiveSignals(db, portalId, [companyId])).filter(
        (signal) => signal.type === firing.type,
      );
      const current = active[0];
      const reported =
        firing.evidence.length === 0 && current !== undefined
          ? { ...firing, evidence: current.evidence }
          : firing;
      const result = reconcileSignals(
        companyId,
        active,
        [reported],
        { dueDays, ownerId: company.ownerId },
        now.getTime(),
      );
      const transition = result.opened[0] ?? result.changed[0];
      if (transition === undefined) throw new AppError('INTERNAL', 'recording a signal decided nothing');
      const event = transition.event === null ? null : { ...transition.event, actor, note };
      const id = await db.transaction().execute(async (tx) => {
        const signalId =
          current === undefined
            ? await insertSignal(tx, portalId, transition.next, now)
            : (await updateSignal(tx, portalId, current.id, transition.next, now, current.updatedAt))
              ? current.id
              : undefined;
        if (signalId === undefined)
          throw new AppError(
            'CONFLICT',
            `The ${firing.type} signal of company ${companyId} changed meanwhile`,
          );
        if (event !== null)
          await appendSignalEvents(tx, portalId, [{ signalId, event, evidence: transition.next.evidence }]);
        return signalId;
      });
      const signal = await findSignal(db, portalId, id);
      if (signal === undefined) throw new AppError('NOT_FOUND', `Signal ${id} does not exist in this portal`);
      // A recorded risk can be overdue at once (a zero-day due date): escalate it now, as evaluate would.
      await escalateOverdue(portalId);
      return { signal, opened: current === undefined };
    },
    async command(portalId, signalId, command, actor, options = {}) {
      const now = deps.now();
      if (command.kind === 'start_action' && options.actionDone !== true && deps.runAction !== undefined) {
        const signal = await findSignal(db, portalId, signalId);
        if (signal === undefined)
          throw new AppError('NOT_FOUND', `Signal ${signalId} does not exist in this portal`);
        // Refused here (a closed or already started signal) before anything is created in HubSpot.
        applySignalCommand(signal, command, actor, now.getTime());
        await deps.runAction(portalId, signal, actor);
      }
      return db.transaction().execute(async (tx) => {
        const signal = await findSignal(tx, portalId, signalId, { forUpdate: true });
        if (signal === undefined)
          throw new AppError('NOT_FOUND', `Signal ${signalId} does not exist in this portal`);
        const transition = applySignalCommand(signal, command, actor, now.getTime());
        await updateSignal(tx, portalId, signalId, transition.next, now);
        if (transition.event !== null)
          await appendSignalEvents(tx, portalId, [{ signalId, event: transition.event }]);
        return { ...signal, ...transition.next, updatedAt: now.getTime() };
      });
    },
  };
}
