import type { Kysely, Selectable } from 'kysely';

import type { Database, HarborTasksTable } from '../database-schema.ts';

export type HarborTaskRow = Selectable<HarborTasksTable>;

export interface HarborTaskIntent {
  portalId: number;
  key: string;
  companyId: string;
  ownerId: string | null;
  subject: string;
  dueAt: Date;
}

/** What HubSpot holds for a task, as read back. */
export interface HubSpotTaskState {
  hubspotTaskId: string;
  status: string;
  completedAt: Date | null;
  modifiedAt: Date;
}

export async function findHarborTask(
  db: Kysely<Database>,
  portalId: number,
  key: string,
): Promise<HarborTaskRow | undefined> {
  return db
    .selectFrom('harbor_tasks')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('task_key', '=', key)
    .executeTakeFirst();
}

/** Records the key before HubSpot is asked; a key already recorded keeps its row as it is. */
export async function recordTaskIntent(
  db: Kysely<Database>,
  intent: HarborTaskIntent,
  now: Date,
): Promise<HarborTaskRow> {
  await db
    .insertInto('harbor_tasks')
    .values({
      portal_id: intent.portalId,
      task_key: intent.key,
      company_id: intent.companyId,
      owner_id: intent.ownerId,
      subject: intent.subject,
      due_at: intent.dueAt,
      status: 'NOT_STARTED',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'task_key']).doNothing())
    .execute();
  const row = await findHarborTask(db, intent.portalId, intent.key);
  if (row === undefined) throw new Error(`harbor task ${intent.key} vanished right after it was recorded`);
  return row;
}

/**
 * Takes the key for `ttlMs` when no task is recorded for it and nobody else holds it (or their claim
 * expired: that process died). One conditional statement, so of two instances exactly one wins.
 */
export async function claimHarborTask(
  db: Kysely<Database>,
  claim: { portalId: number; key: string; owner: string; ttlMs: number },
  now: Date,
): Promise<HarborTaskRow | undefined> {
  return db
    .updateTable('harbor_tasks')
    .set({ claim_owner: claim.owner, claim_expires_at: new Date(now.getTime() + claim.ttlMs) })
    .where('portal_id', '=', claim.portalId)
    .where('task_key', '=', claim.key)
    .where('hubspot_task_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('claim_owner', 'is', null),
        eb('claim_owner', '=', claim.owner),
        eb('claim_expires_at', '<', now),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * Counts one more create about to be sent, while the claim is still ours and no task is recorded. Committed
 * before the request leaves, so whoever comes next knows a task may exist and searches first.
 */
export async function markCreateAttempt(
  db: Kysely<Database>,
  claim: { portalId: number; key: string; owner: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('harbor_tasks')
    .set((eb) => ({
      create_attempts: eb('create_attempts', '+', 1),
      last_attempt_at: now,
      updated_at: now,
    }))
    .where('portal_id', '=', claim.portalId)
    .where('task_key', '=', claim.key)
    .where('hubspot_task_id', 'is', null)
    .where('claim_owner', '=', claim.owner)
    .where('claim_expires_at', '>=', now)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Stores the HubSpot task found or created for the key and drops the claim. A row that already names another
 * task keeps it (returned as is): the first task recorded is the one Harbor follows.
 */
export async function recordHubSpotTask(
  db: Kysely<Database>,
  portalId: number,
  key: string,
  state: HubSpotTaskState,
  now: Date,
): Promise<HarborTaskRow> {
  await db
    .updateTable('harbor_tasks')
    .set({
      hubspot_task_id: state.hubspotTaskId,
      status: state.status,
      completed_at: state.completedAt,
      hubspot_modified_at: state.modifiedAt,
      last_error: null,
      claim_owner: null,
      claim_expires_at: null,
      updated_at: now,
    })
    .where('portal_id', '=', portalId)
    .where('task_key', '=', key)
    .where('hubspot_task_id', 'is', null)
    .execute();
  const row = await findHarborTask(db, portalId, key);
  if (row === undefined) throw new Error(`harbor task ${key} is not recorded`);
  return row;
}

/** Keeps the claim alive while a create is under way. */
export async function renewHarborTaskClaim(
  db: Kysely<Database>,
  claim: { portalId: number; key: string; owner: string; ttlMs: number },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('harbor_tasks')
    .set({ claim_expires_at: new Date(now.getTime() + claim.ttlMs) })
    .where('portal_id', '=', claim.portalId)
    .where('task_key', '=', claim.key)
    .where('claim_owner', '=', claim.owner)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Gives the key back (the attempt failed); `error` says why, for the next caller and the logs. */
export async function releaseHarborTaskClaim(
  db: Kysely<Database>,
  claim: { portalId: number; key: string; owner: string },
  error: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('harbor_tasks')
    .set({ claim_owner: null, claim_expires_at: null, last_error: error, updated_at: now })
    .where('portal_id', '=', claim.portalId)
    .where('task_key', '=', claim.key)
    .where('claim_owner', '=', claim.owner)
    .execute();
}

/**
 * Applies a task state read back from HubSpot to the key's row, unless the row holds a newer one. Returns
 * true when this call moved the task to COMPLETED: of two readers applying the same completion, only one
 * sees true, so a playbook step advances once.
 */
export async function applyHubSpotTaskState(
  db: Kysely<Database>,
  portalId: number,
  key: string,
  state: HubSpotTaskState,
  now: Date,
): Promise<boolean> {
  const update = db
    .updateTable('harbor_tasks')
    .set((eb) => ({
      hubspot_task_id: eb.fn.coalesce('hubspot_task_id', eb.val(state.hubspotTaskId)),
      status: state.status,
      completed_at: state.completedAt,
      hubspot_modified_at: state.modifiedAt,
      updated_at: now,
    }))
    .where('portal_id', '=', portalId)
    .where('task_key', '=', key)
    .where((eb) =>
      eb.or([eb('hubspot_task_id', 'is', null), eb('hubspot_task_id', '=', state.hubspotTaskId)]),
    )
    .where((eb) =>
      eb.or([eb('hubspot_modified_at', 'is', null), eb('hubspot_modified_at', '<=', state.modifiedAt)]),
    );
  if (state.status !== 'COMPLETED') {
    await update.execute();
    return false;
  }
  const transition = await update.where('status', '<>', 'COMPLETED').executeTakeFirst();
  if (transition.numUpdatedRows === 1n) return true;
  await update.execute();
  return false;
}

/** The earliest key recorded for the portal: where a first completion read-back starts. */
export async function firstHarborTaskAt(db: Kysely<Database>, portalId: number): Promise<Date | undefined> {
  const row = await db
    .selectFrom('harbor_tasks')
    .select((eb) => eb.fn.min('created_at').as('first'))
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  const first = row?.first as Date | string | null | undefined;
  return first === null || first === undefined ? undefined : new Date(first);
}

export async function loadTaskCursor(db: Kysely<Database>, portalId: number): Promise<Date | undefined> {
  const row = await db
    .selectFrom('harbor_task_cursors')
    .select('modified_since')
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  return row?.modified_since;
}

export async function saveTaskCursor(
  db: Kysely<Database>,
  portalId: number,
  modifiedSince: Date,
  now: Date,
): Promise<void> {
  await db
    .insertInto('harbor_task_cursors')
    .values({ portal_id: portalId, modified_since: modifiedSince, updated_at: now })
    .onConflict((oc) =>
      oc.column('portal_id').doUpdateSet({ modified_since: modifiedSince, updated_at: now }),
    )
    .execute();
}

/** Harbor tasks for the owner recorded in [from, to) and not completed (pending creates count too). */
export async function countOpenOwnerTasks(
  db: Kysely<Database>,
  portalId: number,
  ownerId: string,
  range: { from: Date; to: Date },
): Promise<number> {
  const row = await db
    .selectFrom('harbor_tasks')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('open'))
    .where('portal_id', '=', portalId)
    .where('owner_id', '=', ownerId)
    .where('status', '<>', 'COMPLETED')
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .executeTakeFirst();
  return Number(row?.open ?? 0);
}
