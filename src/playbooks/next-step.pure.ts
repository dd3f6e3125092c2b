import type { PlaybookRunRecord } from '../store/repositories/playbook-runs-repository.ts';

/** What Harbor last read of the current step's task. */
export interface CurrentTask {
  /** Null until HubSpot's task is known (not created yet, or its create's outcome is unknown). */
  hubspotTaskId: string | null;
  completed: boolean;
}

export type NextMove =
  /** Nothing to do now: the step's task is open in HubSpot, or the run is snoozed or not running. */
  | { kind: 'wait' }
  /** The current step's task was completed: move on to `step` (the next one). */
  | { kind: 'advance'; step: number }
  /** Every step is done. */
  | { kind: 'complete' }
  /** The current step has no task yet: create it (subject to the owner's cap). */
  | { kind: 'create'; step: number };

/**
 * The one decision a playbook run needs, given its current step's task. Steps run one at a time, in order:
 * a step's task is created when the step before it is completed in HubSpot. A snooze holds the next
 * creation, never an advance: a task completed during a snooze still counts as done.
 */
export function nextMove(run: PlaybookRunRecord, task: CurrentTask | undefined, now: number): NextMove {
  if (run.status !== 'running') return { kind: 'wait' };
  if (run.currentStep >= run.steps.length) return { kind: 'complete' };
  if (task?.completed === true) {
    const step = run.currentStep + 1;
    return step >= run.steps.length ? { kind: 'complete' } : { kind: 'advance', step };
  }
  if (task?.hubspotTaskId != null) return { kind: 'wait' };
  if (run.snoozedUntil !== null && run.snoozedUntil > now) return { kind: 'wait' };
  if (run.nextAttemptAt !== null && run.nextAttemptAt > now) return { kind: 'wait' };
  return { kind: 'create', step: run.currentStep };
}
