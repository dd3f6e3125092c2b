import type { PlaybookStep, PlaybookType } from '@harbor/wire';
import { sql, type Kysely, type Selectable } from 'kysely';

import type { Database, PlaybookRunsTable } from '../database-schema.ts';
import type { HarborTaskRow } from './harbor-tasks-repository.ts';

export type PlaybookRunStatus = PlaybookRunsTable['status'];

/** A stored playbook run; times are epoch ms. */
export interface PlaybookRunRecord {
  id: number;
  companyId: string;
  playbook: PlaybookType;
  segment: string;
  language: 'en' | 'pt-BR';
  /** The template's steps as they were when the run started. */
  steps: PlaybookStep[];
  status: PlaybookRunStatus;
  /** The step being worked on; `steps.length` once every step is done. */
  currentStep: number;
  signalId: number | null;
  /** Why it started, for the tasks' bodies: the signal's evidence, the automation, or the person's note. */
  reason: string;
  startedBy: string;
  startedAt: number;
  snoozedUntil: number | null;
  nextAttemptAt: number | null;
  lastError: string | null;
  endedAt: number | null;
  cancelReason: string | null;
  updatedAt: number;
}

export type NewPlaybookRun = Pick<
  PlaybookRunRecord,
  'companyId' | 'playbook' | 'segment' | 'language' | 'steps' | 'signalId' | 'reason' | 'startedBy'
>;

/** The task key of a run's step: what makes the step's HubSpot task exactly-once. */
export function playbookTaskKey(runId: number, step: number): string {
  return `playbook:${runId}:${step}`;
}

const time = (value: Date | null): number | null => (value === null ? null : value.getTime());

function toRecord(row: Selectable<PlaybookRunsTable>): PlaybookRunRecord {
  return {
    id: row.id,
    companyId: row.company_id,
    playbook: row.playbook as PlaybookType,
    segment: row.segment,
    language: row.language === 'pt-BR' ? 'pt-BR' : 'en',
    steps: row.steps as unknown as PlaybookStep[],
    status: row.status,
    currentStep: row.current_step,
    signalId: row.signal_id,
    reason: row.reason,
    startedBy: row.started_by,
    startedAt: row.started_at.getTime(),
    snoozedUntil: time(row.snoozed_until),
    nextAttemptAt: time(row.next_attempt_at),
    lastError: row.last_error,
    endedAt: time(row.ended_at),
    cancelReason: row.cancel_reason,
    updatedAt: row.updated_at.getTime(),
  };
}

/**
 * Starts a run unless one of the same playbook is running for the company: then that one is returned
 * (`created` false). The unique partial index decides, so concurrent starts agree on one run.
 */
export async function insertRunOnce(
  db: Kysely<Database>,
  portalId: number,
  run: NewPlaybookRun,
  now: Date,
): Promise<{ run: PlaybookRunRecord; created: boolean }> {
  const inserted = await db
    .insertInto('playbook_runs')
    .values({
      portal_id: portalId,
      company_id: run.companyId,
      playbook: run.playbook,
      segment: run.segment,
      language: run.language,
      steps: JSON.stringify(run.steps),
      status: 'running',
      signal_id: run.signalId,
      reason: run.reason,
      started_by: run.startedBy,
      started_at: now,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['portal_id', 'company_id', 'playbook']).where('status', '=', 'running').doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (inserted !== undefined) return { run: toRecord(inserted), created: true };
  const running = await db
    .selectFrom('playbook_runs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('company_id', '=', run.companyId)
    .where('playbook', '=', run.playbook)
    .where('status', '=', 'running')
    .executeTakeFirst();
  // The running one ended between the insert and this read: the caller may start again.
  if (running === undefined) return insertRunOnce(db, portalId, run, now);
  return { run: toRecord(running), created: false };
}

export async function findRun(
  db: Kysely<Database>,
  portalId: number,
  runId: number,
  options: { forUpdate?: boolean } = {},
): Promise<PlaybookRunRecord | undefined> {
  let query = db
    .selectFrom('playbook_runs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', runId);
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

/** Running runs of these companies, and those that ended at or after `endedSince`, newest first. */
export async function listCompanyRuns(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  endedSince: Date,
): Promise<PlaybookRunRecord[]> {
  if (companyIds.length === 0) return [];
  const rows = await db
    .selectFrom('playbook_runs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('company_id', 'in', [...companyIds])
    .where((eb) => eb.or([eb('status', '=', 'running'), eb('ended_at', '>=', endedSince)]))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRecord);
}

/**
 * Running runs that may have work now: their current step has no HubSpot task yet (not created, or waiting
 * out a cap or a failure), or its task is completed — and they are not snoozed. Ordered by id, a page at a
 * time after `afterId`.
 */
export async function listRunsWithWork(
  db: Kysely<Database>,
  portalId: number,
  now: Date,
  options: { afterId: number; limit: number },
): Promise<PlaybookRunRecord[]> {
  const rows = await db
    .selectFrom('playbook_runs as run')
    .leftJoin('harbor_tasks as task', (join) =>
      join
        .onRef('task.portal_id', '=', 'run.portal_id')
        .on('task.task_key', '=', sql<string>`'playbook:' || run.id::text || ':' || run.current_step::text`),
    )
    .selectAll('run')
    .where('run.portal_id', '=', portalId)
    .where('run.status', '=', 'running')
    .where('run.id', '>', options.afterId)
    .where((eb) => eb.or([eb('run.snoozed_until', 'is', null), eb('run.snoozed_until', '<=', now)]))
    .where((eb) =>
      eb.or([
        eb.and([
          eb('task.hubspot_task_id', 'is', null),
          eb.or([eb('run.next_attempt_at', 'is', null), eb('run.next_attempt_at', '<=', now)]),
        ]),
        eb('task.status', '=', 'COMPLETED'),
      ]),
    )
    .orderBy('run.id')
    .limit(options.limit)
    .execute();
  return rows.map(toRecord);
}

/** The Harbor tasks of these runs' steps, by task key. */
export async function tasksOfRuns(
  db: Kysely<Database>,
  portalId: number,
  runs: readonly PlaybookRunRecord[],
): Promise<Map<string, HarborTaskRow>> {
  const keys = runs.flatMap((run) => run.steps.map((_, step) => playbookTaskKey(run.id, step)));
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('harbor_tasks')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('task_key', 'in', keys)
    .execute();
  return new Map(rows.map((row) => [row.task_key, row]));
}

export type PlaybookRunPatch = Partial<
  Pick<
    PlaybookRunRecord,
    'status' | 'currentStep' | 'snoozedUntil' | 'nextAttemptAt' | 'lastError' | 'endedAt' | 'cancelReason'
  >
>;

const date = (value: number | null): Date | null => (value === null ? null : new Date(value));

/**
 * Writes a change to a run; with `expectedUpdatedAt`, only if nobody changed the run since it was read
 * (false then: re-read and decide again).
 */
export async function updateRun(
  db: Kysely<Database>,
  portalId: number,
  runId: number,
  patch: PlaybookRunPatch,
  now: Date,
  expectedUpdatedAt?: number,
): Promise<boolean> {
  let query = db
    .updateTable('playbook_runs')
    .set({
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(patch.currentStep === undefined ? {} : { current_step: patch.currentStep }),
      ...(patch.snoozedUntil === undefined ? {} : { snoozed_until: date(patch.snoozedUntil) }),
      ...(patch.nextAttemptAt === undefined ? {} : { next_attempt_at: date(patch.nextAttemptAt) }),
      ...(patch.lastError === undefined ? {} : { last_error: patch.lastError }),
      ...(patch.endedAt === undefined ? {} : { ended_at: date(patch.endedAt) }),
      ...(patch.cancelReason === undefined ? {} : { cancel_reason: patch.cancelReason }),
      updated_at: now,
    })
    .where('portal_id', '=', portalId)
    .where('id', '=', runId);
  if (expectedUpdatedAt !== undefined) query = query.where('updated_at', '=', new Date(expectedUpdatedAt));
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The portal's running playbooks, newest first (the CLI's list). */
export async function listRunningRuns(
  db: Kysely<Database>,
  portalId: number,
  limit: number,
): Promise<PlaybookRunRecord[]> {
  const rows = await db
    .selectFrom('playbook_runs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('status', '=', 'running')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}
