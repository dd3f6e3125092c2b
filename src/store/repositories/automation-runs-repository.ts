import type { AutomationAction, AutomationTrigger } from '@harbor/wire';
import { sql, type Kysely, type Selectable } from 'kysely';

import type { AutomationRunsTable, Database } from '../database-schema.ts';

export type AutomationOutcome =
  'pending' | 'playbook_started' | 'task_created' | 'signal_opened' | 'skipped' | 'failed';

export interface AutomationRunRecord {
  id: number;
  trigger: AutomationTrigger;
  occurrence: string;
  companyId: string;
  signalId: number;
  action: AutomationAction;
  outcome: AutomationOutcome;
  detail: string | null;
  attempts: number;
  at: number;
}

function toRecord(row: Selectable<AutomationRunsTable>): AutomationRunRecord {
  return {
    id: row.id,
    trigger: row.trigger as AutomationTrigger,
    occurrence: row.occurrence,
    companyId: row.company_id,
    signalId: row.signal_id,
    action: row.action as unknown as AutomationAction,
    outcome: row.outcome as AutomationOutcome,
    detail: row.detail,
    attempts: row.attempts,
    at: row.at.getTime(),
  };
}

/** One opening of a signal: what an automation runs once for. */
export function signalOccurrence(signalId: number): string {
  return `signal:${signalId}`;
}

/** An active signal of a trigger type that no automation has run for yet. */
export interface AutomationCandidate {
  signalId: number;
  companyId: string;
  type: AutomationTrigger;
}

/** Active signals of these types without an automation run, oldest first. */
export async function listUnautomatedSignals(
  db: Kysely<Database>,
  portalId: number,
  types: readonly AutomationTrigger[],
  limit: number,
): Promise<AutomationCandidate[]> {
  if (types.length === 0) return [];
  const rows = await db
    .selectFrom('signals as s')
    .select(['s.id', 's.company_id', 's.type'])
    .where('s.portal_id', '=', portalId)
    .where('s.status', 'in', ['open', 'acknowledged', 'in_progress', 'recovered'])
    .where('s.type', 'in', [...types])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('automation_runs as a')
            .select(sql`1`.as('one'))
            .whereRef('a.portal_id', '=', 's.portal_id')
            .whereRef('a.trigger', '=', 's.type')
            .where('a.occurrence', '=', sql<string>`'signal:' || s.id::text`),
        ),
      ),
    )
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    signalId: row.id,
    companyId: row.company_id,
    type: row.type as AutomationTrigger,
  }));
}

/**
 * Claims an occurrence: true for the one caller whose row went in. The unique (portal, trigger, occurrence)
 * key is what makes an automation run once, whichever instance or evaluation gets there first.
 */
export async function claimOccurrence(
  db: Kysely<Database>,
  portalId: number,
  run: {
    trigger: AutomationTrigger;
    occurrence: string;
    companyId: string;
    signalId: number;
    action: AutomationAction;
  },
  now: Date,
): Promise<number | undefined> {
  const row = await db
    .insertInto('automation_runs')
    .values({
      portal_id: portalId,
      trigger: run.trigger,
      occurrence: run.occurrence,
      company_id: run.companyId,
      signal_id: run.signalId,
      action: JSON.stringify(run.action),
      outcome: 'pending',
      at: now,
    })
    .onConflict((conflict) => conflict.columns(['portal_id', 'trigger', 'occurrence']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function recordOutcome(
  db: Kysely<Database>,
  portalId: number,
  runId: number,
  outcome: AutomationOutcome,
  detail: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('automation_runs')
    .set({ outcome, detail: detail?.slice(0, 500) ?? null, at: now })
    .where('portal_id', '=', portalId)
    .where('id', '=', runId)
    .execute();
}

/**
 * Runs to try again: failed ones, and pending ones whose runner died (older than `staleBefore`), fewer than
 * `maxAttempts` tries so far. Taking one bumps its attempts, so two instances never retry it together.
 */
export async function takeRetries(
  db: Kysely<Database>,
  portalId: number,
  options: { staleBefore: Date; maxAttempts: number; limit: number; now: Date },
): Promise<AutomationRunRecord[]> {
  const rows = await db
    .updateTable('automation_runs')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), outcome: 'pending', at: options.now }))
    .where('portal_id', '=', portalId)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('automation_runs')
        .select('id')
        .where('portal_id', '=', portalId)
        .where('outcome', 'in', ['failed', 'pending'])
        .where('at', '<', options.staleBefore)
        .where('attempts', '<', options.maxAttempts)
        .orderBy('id')
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows.map(toRecord);
}

export async function listAutomationRuns(
  db: Kysely<Database>,
  portalId: number,
  options: { limit: number; beforeId?: number | undefined; companyId?: string | undefined },
): Promise<AutomationRunRecord[]> {
  let query = db
    .selectFrom('automation_runs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('outcome', '<>', 'pending');
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.companyId !== undefined) query = query.where('company_id', '=', options.companyId);
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(toRecord);
}
