import { listEscalationsWithoutTask } from '../store/repositories/signals-repository.ts';
import type { TaskDeps } from '../tasks/task-deps.ts';
import { createEscalationTask, type EscalationTaskOutcome } from './escalation-task.ts';

export interface EscalationRetrySummary {
  /** Escalated signals found without their task. */
  considered: number;
  outcomes: Record<EscalationTaskOutcome, number>;
}

/** Signals retried per call: each may wait out createTaskOnce's settle time, so a call stays bounded. */
export const escalationRetryLimit = 200;

/**
 * Creates the CS lead's task for escalated risk signals that have none yet: HubSpot failed when the signal
 * escalated, or the process stopped in between. Goes through createEscalationTask, so the task's key is the
 * signal's and a task HubSpot made but never answered for is found, not made twice. Meant for a periodic job.
 */
export async function retryEscalationTasks(
  deps: TaskDeps,
  portalId: number,
  options: { limit?: number } = {},
): Promise<EscalationRetrySummary> {
  const now = deps.now?.() ?? new Date();
  const signals = await listEscalationsWithoutTask(
    deps.db,
    portalId,
    now,
    options.limit ?? escalationRetryLimit,
  );
  const outcomes: Record<EscalationTaskOutcome, number> = {
    created: 0,
    found: 0,
    existing: 0,
    in_progress: 0,
    failed: 0,
  };
  for (const signal of signals) outcomes[await createEscalationTask(deps, portalId, signal)] += 1;
  if (signals.length > 0) {
    deps.logger.info({ portalId, considered: signals.length, ...outcomes }, 'escalation tasks retried');
  }
  return { considered: signals.length, outcomes };
}
