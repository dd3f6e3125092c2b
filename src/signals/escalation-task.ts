import type { SignalRecord } from '../store/repositories/signals-repository.ts';
import { createTaskOnce, type CreateTaskOnceResult } from '../tasks/create-task-once.ts';
import type { TaskDeps } from '../tasks/task-deps.ts';
import { escalationTask } from './escalation-task.pure.ts';
import { loadSignalSettings } from './signal-settings-store.ts';

/** What became of one escalation's task; 'failed' was logged and is left to retryEscalationTasks. */
export type EscalationTaskOutcome = CreateTaskOnceResult['outcome'] | 'failed';

/**
 * The CS lead's task for an escalated risk signal, exactly once per signal (its key is the signal's id): for
 * the escalation owner in the portal's settings, else the signal's owner, in the settings' task language.
 * Never throws: an escalation is already recorded when this runs, so a HubSpot failure here must not undo
 * it; the signal is then found without its task by retryEscalationTasks.
 */
export async function createEscalationTask(
  deps: TaskDeps,
  portalId: number,
  signal: SignalRecord,
): Promise<EscalationTaskOutcome> {
  try {
    const { routing } = await loadSignalSettings(deps.db, deps.logger, portalId);
    const now = deps.now?.() ?? new Date();
    const request = escalationTask(
      portalId,
      signal,
      {
        ownerId: routing.escalationOwnerId ?? signal.ownerId,
        language: routing.taskLanguage,
        companyUrl: `https://app.hubspot.com/contacts/${portalId}/record/0-2/${signal.companyId}`,
      },
      now.getTime(),
    );
    return (await createTaskOnce(deps, request)).outcome;
  } catch (error) {
    deps.logger.error({ err: error, portalId, signalId: signal.id }, 'the escalation task was not created');
    return 'failed';
  }
}
