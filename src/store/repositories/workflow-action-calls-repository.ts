import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';
import type { OutputFields } from '../../workflow-actions/workflow-action-wire.ts';

/**
 * The idempotency store of workflow-action calls: the first answer per (portal, callbackId). A call is
 * claimed before its action runs, so two deliveries of one callbackId (a retry racing the first, another
 * instance) never both act.
 */

export interface ActionCall {
  portalId: number;
  callbackId: string;
  action: string;
  companyId: string;
}

export type Claim =
  { kind: 'claimed' } | { kind: 'answered'; action: string; answer: OutputFields } | { kind: 'busy' };

/** Claims the call; a claim older than `staleBefore` (its instance died mid-way) is taken over. */
export async function claimCall(
  db: Kysely<Database>,
  call: ActionCall,
  now: Date,
  staleBefore: Date,
): Promise<Claim> {
  const inserted = await db
    .insertInto('workflow_action_calls')
    .values({
      portal_id: call.portalId,
      callback_id: call.callbackId,
      action: call.action,
      company_id: call.companyId,
      status: 'claimed',
      claimed_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['portal_id', 'callback_id']).doNothing())
    .returning('callback_id')
    .executeTakeFirst();
  if (inserted !== undefined) return { kind: 'claimed' };
  const row = await db
    .selectFrom('workflow_action_calls')
    .select(['action', 'status', 'answer', 'claimed_at'])
    .where('portal_id', '=', call.portalId)
    .where('callback_id', '=', call.callbackId)
    .executeTakeFirst();
  if (row === undefined) return { kind: 'busy' };
  if (row.status !== 'claimed' && row.answer !== null)
    return { kind: 'answered', action: row.action, answer: row.answer };
  if (row.claimed_at.getTime() >= staleBefore.getTime()) return { kind: 'busy' };
  const taken = await db
    .updateTable('workflow_action_calls')
    .set({ claimed_at: now, updated_at: now })
    .where('portal_id', '=', call.portalId)
    .where('callback_id', '=', call.callbackId)
    .where('status', '=', 'claimed')
    .where('claimed_at', '=', row.claimed_at)
    .executeTakeFirst();
  return taken.numUpdatedRows > 0n ? { kind: 'claimed' } : { kind: 'busy' };
}

/** Stores the answer; a BLOCK answer also keeps the run it waits for and when the wait ends. */
export async function saveAnswer(
  db: Kysely<Database>,
  call: ActionCall,
  answer: OutputFields,
  now: Date,
  block?: { runId: number; expiresAt: Date },
): Promise<void> {
  await db
    .updateTable('workflow_action_calls')
    .set({
      status: block === undefined ? 'answered' : 'blocked',
      answer: JSON.stringify(answer),
      run_id: block?.runId ?? null,
      expires_at: block?.expiresAt ?? null,
      updated_at: now,
    })
    .where('portal_id', '=', call.portalId)
    .where('callback_id', '=', call.callbackId)
    .execute();
}

/** Drops a claim whose action failed unexpectedly, so HubSpot's retry runs it afresh. */
export async function releaseClaim(db: Kysely<Database>, call: ActionCall): Promise<void> {
  await db
    .deleteFrom('workflow_action_calls')
    .where('portal_id', '=', call.portalId)
    .where('callback_id', '=', call.callbackId)
    .where('status', '=', 'claimed')
    .execute();
}

export interface BlockedCall {
  callbackId: string;
  runId: number;
  expiresAt: number;
  updatedAt: Date;
}

export async function listBlockedCalls(
  db: Kysely<Database>,
  portalId: number,
  afterCallbackId: string,
  limit: number,
): Promise<BlockedCall[]> {
  const rows = await db
    .selectFrom('workflow_action_calls')
    .select(['callback_id', 'run_id', 'expires_at', 'updated_at'])
    .where('portal_id', '=', portalId)
    .where('status', '=', 'blocked')
    .where('callback_id', '>', afterCallbackId)
    .orderBy('callback_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    callbackId: row.callback_id,
    runId: Number(row.run_id),
    expiresAt: row.expires_at?.getTime() ?? 0,
    updatedAt: row.updated_at,
  }));
}

/**
 * Takes a blocked call for completing: true for exactly one caller among instances racing for it (the row
 * must still be as `call` read it).
 */
export async function takeBlockedCall(
  db: Kysely<Database>,
  portalId: number,
  call: BlockedCall,
  now: Date,
): Promise<boolean> {
  const taken = await db
    .updateTable('workflow_action_calls')
    .set({ completion_attempts: sql`completion_attempts + 1`, updated_at: now })
    .where('portal_id', '=', portalId)
    .where('callback_id', '=', call.callbackId)
    .where('status', '=', 'blocked')
    .where('updated_at', '=', call.updatedAt)
    .executeTakeFirst();
  return taken.numUpdatedRows > 0n;
}

export async function markCompleted(
  db: Kysely<Database>,
  portalId: number,
  callbackId: string,
  completion: Record<string, string>,
  now: Date,
  lastError: string | null = null,
): Promise<void> {
  await db
    .updateTable('workflow_action_calls')
    .set({
      status: 'completed',
      completion: JSON.stringify(completion),
      completed_at: now,
      last_error: lastError,
      updated_at: now,
    })
    .where('portal_id', '=', portalId)
    .where('callback_id', '=', callbackId)
    .execute();
}

export async function recordCompletionError(
  db: Kysely<Database>,
  portalId: number,
  callbackId: string,
  error: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('workflow_action_calls')
    .set({ last_error: error.slice(0, 500), updated_at: now })
    .where('portal_id', '=', portalId)
    .where('callback_id', '=', callbackId)
    .execute();
}
