import { sql, type Kysely, type Selectable } from 'kysely';

import type { SignalEvent, SignalState, SignalStatus } from '../../signals/lifecycle/signal-state.ts';
import type { SignalType } from '../../signals/signal-types.ts';
import type { Database, SignalsTable } from '../database-schema.ts';

/** A stored signal: its state and its id within the portal. */
export interface SignalRecord extends SignalState {
  id: number;
  updatedAt: number;
}

export interface SignalEventRecord extends SignalEvent {
  signalId: number;
}

const activeStatuses: SignalStatus[] = ['open', 'acknowledged', 'in_progress', 'recovered'];

const time = (value: Date | null): number | null => (value === null ? null : value.getTime());

function toRecord(row: Selectable<SignalsTable>): SignalRecord {
  return {
    id: row.id,
    companyId: row.company_id,
    type: row.type as SignalType,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    evidence: row.evidence,
    ownerId: row.owner_id,
    action: row.action as unknown as SignalState['action'],
    openedAt: row.opened_at.getTime(),
    dueAt: row.due_at.getTime(),
    lastFiredAt: row.last_fired_at.getTime(),
    actionStartedAt: time(row.action_started_at),
    escalatedAt: time(row.escalated_at),
    snoozedUntil: time(row.snoozed_until),
    snoozeCount: row.snooze_count,
    statusBeforeRecovery: row.status_before_recovery as SignalState['statusBeforeRecovery'],
    closedAt: time(row.closed_at),
    closeReason: row.close_reason,
    updatedAt: row.updated_at.getTime(),
  };
}

const date = (value: number | null): Date | null => (value === null ? null : new Date(value));

function toColumns(state: SignalState, now: Date) {
  return {
    company_id: state.companyId,
    type: state.type,
    kind: state.kind,
    severity: state.severity,
    status: state.status,
    evidence: JSON.stringify(state.evidence),
    owner_id: state.ownerId,
    action: JSON.stringify(state.action),
    opened_at: new Date(state.openedAt),
    due_at: new Date(state.dueAt),
    last_fired_at: new Date(state.lastFiredAt),
    action_started_at: date(state.actionStartedAt),
    escalated_at: date(state.escalatedAt),
    snoozed_until: date(state.snoozedUntil),
    snooze_count: state.snoozeCount,
    status_before_recovery: state.statusBeforeRecovery,
    closed_at: date(state.closedAt),
    close_reason: state.closeReason,
    updated_at: now,
  };
}

/** The active signals (open, acknowledged, in progress, recovered) of these companies. */
export async function listActiveSignals(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<SignalRecord[]> {
  if (companyIds.length === 0) return [];
  const rows = await db
    .selectFrom('signals')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('company_id', 'in', companyIds)
    .where('status', 'in', activeStatuses)
    .execute();
  return rows.map(toRecord);
}

/**
 * Opens a signal. Returns undefined when an active one of the same company and type already exists (another
 * evaluation opened it first): the unique index decides, and the caller refreshes that one next time.
 */
export async function insertSignal(
  db: Kysely<Database>,
  portalId: number,
  state: SignalState,
  now: Date,
): Promise<number | undefined> {
  const row = await db
    .insertInto('signals')
    .values({ portal_id: portalId, ...toColumns(state, now) })
    .onConflict((oc) =>
      oc.columns(['portal_id', 'company_id', 'type']).where('status', 'in', activeStatuses).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Writes a signal's new state. With `expectedUpdatedAt` (an evaluation that read the signal without a lock)
 * the write happens only if nobody changed the signal since: a person's dismissal is never overwritten by a
 * rule run that read it a moment before. Returns whether it wrote.
 */
export async function updateSignal(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  state: SignalState,
  now: Date,
  expectedUpdatedAt?: number,
): Promise<boolean> {
  let query = db
    .updateTable('signals')
    .set(toColumns(state, now))
    .where('portal_id', '=', portalId)
    .where('id', '=', id);
  if (expectedUpdatedAt !== undefined) query = query.where('updated_at', '=', new Date(expectedUpdatedAt));
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function appendSignalEvents(
  db: Kysely<Database>,
  portalId: number,
  events: readonly { signalId: number; event: SignalEvent; evidence?: SignalState['evidence'] }[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('signal_events')
    .values(
      events.map(({ signalId, event, evidence }) => ({
        portal_id: portalId,
        signal_id: signalId,
        kind: event.kind,
        at: new Date(event.at),
        actor: event.actor,
        from_status: event.from,
        to_status: event.to,
        note: event.note,
        evidence: evidence === undefined ? null : JSON.stringify(evidence),
      })),
    )
    .execute();
}

/** One signal, locked for the rest of the transaction when `forUpdate` (a command reads, decides, writes). */
export async function findSignal(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<SignalRecord | undefined> {
  let query = db.selectFrom('signals').selectAll().where('portal_id', '=', portalId).where('id', '=', id);
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** Active risk signals past their due date with no action started and no escalation yet. */
export async function listOverdueRiskSignals(
  db: Kysely<Database>,
  portalId: number,
  now: Date,
  limit: number,
): Promise<SignalRecord[]> {
  const rows = await db
    .selectFrom('signals')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', '=', 'risk')
    .where('status', 'in', ['open', 'acknowledged'])
    .where('escalated_at', 'is', null)
    .where('action_started_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export interface SignalListFilter {
  companyId?: string | undefined;
  /** Only active signals (the default), or every signal ever opened. */
  activeOnly?: boolean | undefined;
  limit: number;
  /** Keyset: signals with a smaller id than this (newest first). */
  beforeId?: number | undefined;
}

/** Signals newest first, a page at a time. */
export async function listSignals(
  db: Kysely<Database>,
  portalId: number,
  filter: SignalListFilter,
): Promise<SignalRecord[]> {
  let query = db.selectFrom('signals').selectAll().where('portal_id', '=', portalId);
  if (filter.companyId !== undefined) query = query.where('company_id', '=', filter.companyId);
  if (filter.activeOnly !== false) query = query.where('status', 'in', activeStatuses);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toRecord);
}

/** A signal's history, oldest first. */
export async function listSignalEvents(
  db: Kysely<Database>,
  portalId: number,
  signalId: number,
): Promise<SignalEventRecord[]> {
  const rows = await db
    .selectFrom('signal_events')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('signal_id', '=', signalId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    signalId: row.signal_id,
    kind: row.kind as SignalEvent['kind'],
    at: row.at.getTime(),
    actor: row.actor,
    from: row.from_status as SignalEvent['from'],
    to: row.to_status as SignalEvent['to'],
    note: row.note,
  }));
}

/**
 * Escalated risk signals, still active, whose CS-lead task (`escalation:<id>`) is not known to exist: no row
 * for the key (the process stopped before asking HubSpot), or a row with no HubSpot task that nobody holds
 * right now. Least recently attempted first, so a task HubSpot keeps refusing never starves the others.
 */
export async function listEscalationsWithoutTask(
  db: Kysely<Database>,
  portalId: number,
  now: Date,
  limit: number,
): Promise<SignalRecord[]> {
  const rows = await db
    .selectFrom('signals as s')
    .leftJoin('harbor_tasks as t', (join) =>
      join.onRef('t.portal_id', '=', 's.portal_id').on(sql<boolean>`t.task_key = 'escalation:' || s.id`),
    )
    .selectAll('s')
    .where('s.portal_id', '=', portalId)
    .where('s.kind', '=', 'risk')
    .where('s.escalated_at', 'is not', null)
    .where('s.status', 'in', activeStatuses)
    .where((eb) =>
      eb.or([
        eb('t.task_key', 'is', null),
        eb.and([
          eb('t.hubspot_task_id', 'is', null),
          eb.or([eb('t.claim_owner', 'is', null), eb('t.claim_expires_at', '<', now)]),
        ]),
      ]),
    )
    .orderBy(sql`t.last_attempt_at asc nulls first`)
    .orderBy('s.escalated_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}
