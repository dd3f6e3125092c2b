import { randomUUID } from 'node:crypto';

import { HubSpotUnavailableError } from '../hubspot/hubspot-errors.ts';
import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import { AppError } from '../shared/errors/app-error.ts';
import {
  claimHarborTask,
  findHarborTask,
  markCreateAttempt,
  recordHubSpotTask,
  recordTaskIntent,
  releaseHarborTaskClaim,
  renewHarborTaskClaim,
  type HarborTaskRow,
} from '../store/repositories/harbor-tasks-repository.ts';
import { ensureHarborTaskProperty, harborTaskKeyProperty } from './harbor-task-property.ts';
import { earliestCreated, taskStateProperties, toTaskState } from './hubspot-task-state.pure.ts';
import { defaultCreateOnceTuning, realSleep, type CreateOnceTuning, type TaskDeps } from './task-deps.ts';
import { taskRequestSchema, type HarborTask, type TaskRequest } from './task-request.ts';

export type CreateTaskOnceResult =
  /** created: by this call; found: an earlier attempt had made it (found by search); existing: recorded before. */
  | { outcome: 'created' | 'found' | 'existing'; task: HarborTask }
  /** Another instance holds the key right now; ask again later. */
  | { outcome: 'in_progress' };

function toHarborTask(row: HarborTaskRow): HarborTask {
  if (row.hubspot_task_id === null) throw new Error(`harbor task ${row.task_key} has no HubSpot task`);
  return {
    portalId: row.portal_id,
    key: row.task_key,
    companyId: row.company_id,
    hubspotTaskId: row.hubspot_task_id,
    status: row.status,
    completedAt: row.completed_at,
  };
}

/**
 * Creates the HubSpot task for `request.key` unless one exists: at most one task per key, whatever fails.
 *
 * 1. The key is recorded in PostgreSQL before HubSpot is asked, and a claim on it (one conditional update)
 *    lets one instance at a time work on it.
 * 2. Each create is counted (committed) before it is sent, carries the key in `harbor_task_key`, and is sent
 *    once: the gateway's own retry is off for it, because a 5xx or a dropped connection may follow a create
 *    HubSpot made.
 * 3. Before any create that follows one with an unknown outcome (in this call, or in a process that died),
 *    HubSpot is searched for a task with the key, after the settle time its search index needs.
 */
export async function createTaskOnce(deps: TaskDeps, input: TaskRequest): Promise<CreateTaskOnceResult> {
  const parsed = taskRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Invalid task request: ${parsed.error.issues[0]?.message ?? ''}`,
      {
        details: { issues: parsed.error.issues },
      },
    );
  }
  const request = parsed.data;
  const now = deps.now ?? (() => new Date());
  const tuning: CreateOnceTuning = { ...defaultCreateOnceTuning, ...deps.tuning };
  const gateway = deps.gateway.forPortal(request.portalId);
  await ensureHarborTaskProperty(gateway);

  const row = await recordTaskIntent(deps.db, { ...request }, now());
  if (row.hubspot_task_id !== null) return { outcome: 'existing', task: toHarborTask(row) };
  // One token per call, not per instance: two calls in one process must not share a claim either.
  const claim = {
    portalId: request.portalId,
    key: request.key,
    owner: `${deps.instanceId}/${randomUUID()}`,
    ttlMs: tuning.claimTtlMs,
  };
  const claimed = await claimHarborTask(deps.db, claim, now());
  if (claimed === undefined) {
    const current = await findHarborTask(deps.db, request.portalId, request.key);
    if (current?.hubspot_task_id != null) return { outcome: 'existing', task: toHarborTask(current) };
    return { outcome: 'in_progress' };
  }

  const heartbeat = setInterval(() => {
    renewHarborTaskClaim(deps.db, claim, now()).catch((error: unknown) => {
      // One missed renewal is survivable: the claim spans several heartbeats.
      deps.logger.warn({ err: error, key: claim.key }, 'task claim renewal failed');
    });
  }, tuning.heartbeatMs);
  heartbeat.unref();
  try {
    return await createUnderClaim({ deps, gateway, request, row: claimed, tuning, now, owner: claim.owner });
  } catch (error) {
    await releaseHarborTaskClaim(
      deps.db,
      claim,
      error instanceof Error ? error.message : String(error),
      now(),
    );
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

interface ClaimedCreate {
  deps: TaskDeps;
  gateway: PortalGateway;
  request: TaskRequest;
  row: HarborTaskRow;
  tuning: CreateOnceTuning;
  now: () => Date;
  /** The claim's token. */
  owner: string;
}

async function createUnderClaim(work: ClaimedCreate): Promise<CreateTaskOnceResult> {
  const { deps, gateway, request, tuning, now } = work;
  const claim = { portalId: request.portalId, key: request.key, owner: work.owner };
  let unknownOutcomes = work.row.create_attempts;
  let lastAttemptAt = work.row.last_attempt_at;
  let lastFailure: HubSpotUnavailableError | undefined;

  for (let sent = 0; sent < tuning.maxCreates; sent += 1) {
    if (unknownOutcomes > 0) {
      const found = await searchAfterSettling(work, lastAttemptAt);
      if (found !== undefined) return found;
    }
    if (!(await markCreateAttempt(deps.db, claim, now()))) return afterLostClaim(work);
    unknownOutcomes += 1;
    lastAttemptAt = now();
    let created;
    try {
      created = await gateway.createTask(
        {
          companyId: request.companyId,
          subject: request.subject,
          body: request.body,
          dueAt: request.dueAt,
          priority: request.priority,
          type: request.type,
          ...(request.ownerId === null ? {} : { ownerId: request.ownerId }),
          properties: { [harborTaskKeyProperty]: request.key },
        },
        { retryUnknownOutcome: false },
      );
    } catch (error) {
      // Anything but a 5xx, a dropped connection or a timeout is HubSpot refusing: nothing was created.
      if (!(error instanceof HubSpotUnavailableError)) throw error;
      lastFailure = error;
      deps.logger.warn(
        { key: request.key, portalId: request.portalId, err: error },
        'task create had an unknown outcome; searching before any retry',
      );
      continue;
    }
    await deps.afterCreateAnswered?.(created.id);
    const row = await recordHubSpotTask(deps.db, request.portalId, request.key, toTaskState(created), now());
    return { outcome: 'created', task: toHarborTask(row) };
  }

  const found = await searchAfterSettling(work, lastAttemptAt);
  if (found !== undefined) return found;
  throw lastFailure ?? new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot did not create the task');
}

/** The claim is gone: the completion read-back recorded the task, or this process stalled past the TTL. */
async function afterLostClaim({ deps, request }: ClaimedCreate): Promise<CreateTaskOnceResult> {
  const current = await findHarborTask(deps.db, request.portalId, request.key);
  if (current?.hubspot_task_id != null) return { outcome: 'existing', task: toHarborTask(current) };
  return { outcome: 'in_progress' };
}

/** Waits until the last create is `settleMs` old, then looks for a task carrying the key. */
async function searchAfterSettling(
  work: ClaimedCreate,
  lastAttemptAt: Date | null,
): Promise<CreateTaskOnceResult | undefined> {
  const { deps, gateway, request, tuning, now } = work;
  const waitMs = lastAttemptAt === null ? 0 : lastAttemptAt.getTime() + tuning.settleMs - now().getTime();
  if (waitMs > 0) await (deps.sleep ?? realSleep)(waitMs);
  const page = await gateway.search('tasks', {
    filterGroups: [
      { filters: [{ propertyName: harborTaskKeyProperty, operator: 'EQ', value: request.key }] },
    ],
    properties: [...taskStateProperties],
    limit: 10,
  });
  const task = earliestCreated(page.results);
  if (task === undefined) return undefined;
  if (page.results.length > 1) {
    deps.logger.error(
      { key: request.key, portalId: request.portalId, taskIds: page.results.map((r) => r.id) },
      'several HubSpot tasks carry one Harbor key; following the first created',
    );
  }
  const row = await recordHubSpotTask(deps.db, request.portalId, request.key, toTaskState(task), now());
  return { outcome: 'found', task: toHarborTask(row) };
}
