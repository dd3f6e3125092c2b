import type { PlaybookRunWire, PlaybookStepWire } from '@harbor/wire';

import type { HarborTaskRow } from '../store/repositories/harbor-tasks-repository.ts';
import { playbookTaskKey, type PlaybookRunRecord } from '../store/repositories/playbook-runs-repository.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function stepStatus(
  run: PlaybookRunRecord,
  index: number,
  task: HarborTaskRow | undefined,
): PlaybookStepWire['status'] {
  if (index < run.currentStep) return 'completed';
  if (run.status === 'cancelled') return task?.status === 'COMPLETED' ? 'completed' : 'cancelled';
  if (index > run.currentStep) return 'pending';
  if (task?.status === 'COMPLETED') return 'completed';
  return task?.hubspot_task_id == null ? 'waiting' : 'open';
}

/** A run as the card, the review and the CLI see it, with each step's task as Harbor last read it. */
export function toPlaybookRunWire(
  run: PlaybookRunRecord,
  tasks: ReadonlyMap<string, HarborTaskRow>,
): PlaybookRunWire {
  const steps = run.steps.map((step, index): PlaybookStepWire => {
    const task = tasks.get(playbookTaskKey(run.id, index));
    return {
      index,
      title: step.title,
      status: stepStatus(run, index, task),
      ownerId: task?.owner_id ?? null,
      dueAt: task === undefined ? null : task.due_at.toISOString(),
      completedAt: task?.completed_at?.toISOString() ?? null,
      hubspotTaskId: task?.hubspot_task_id ?? null,
    };
  });
  return {
    id: run.id,
    companyId: run.companyId,
    playbook: run.playbook,
    status: run.status,
    signalId: run.signalId,
    startedBy: run.startedBy,
    startedAt: new Date(run.startedAt).toISOString(),
    completedSteps: steps.filter((step) => step.status === 'completed').length,
    steps,
    snoozedUntil: iso(run.snoozedUntil),
    endedAt: iso(run.endedAt),
    cancelReason: run.cancelReason,
  };
}
