import { playbookTaskKey, type PlaybookRunRecord } from '../store/repositories/playbook-runs-repository.ts';
import type { TaskRequest } from '../tasks/task-request.ts';
import { playbookNames } from './playbook-names.ts';

const DAY_MS = 86_400_000;

export interface StepTaskContext {
  portalId: number;
  ownerId: string | null;
  /** The company's record in HubSpot, where the Harbor tab is. */
  companyUrl: string;
}

/**
 * The HubSpot task of a run's step: keyed by run and step (exactly-once), due `dueInDays` after it is
 * created, and with a body that says what to do, why the playbook runs, where it stands and where to look.
 */
export function stepTask(
  run: PlaybookRunRecord,
  stepIndex: number,
  context: StepTaskContext,
  now: number,
): TaskRequest {
  const step = run.steps[stepIndex];
  if (step === undefined) throw new Error(`run ${run.id} has no step ${stepIndex}`);
  const name = playbookNames[run.language][run.playbook];
  const position = `${stepIndex + 1}/${run.steps.length}`;
  const footer =
    run.language === 'pt-BR'
      ? `Playbook ${name}, passo ${position}.\nPor quê: ${run.reason}\nAbrir no Harbor: ${context.companyUrl}\nConclua esta tarefa no HubSpot para o Harbor criar o próximo passo.`
      : `${name} playbook, step ${position}.\nWhy: ${run.reason}\nOpen in Harbor: ${context.companyUrl}\nComplete this task in HubSpot and Harbor creates the next step.`;
  return {
    portalId: context.portalId,
    companyId: run.companyId,
    key: playbookTaskKey(run.id, stepIndex),
    subject: `${step.title} (${name} ${position})`.slice(0, 500),
    body: step.body === '' ? footer : `${step.body}\n\n${footer}`,
    // Due at least the next day: a step due today, created late in the day, would be overdue on arrival.
    dueAt: new Date(now + Math.max(step.dueInDays, 1) * DAY_MS),
    priority: step.priority,
    type: step.taskType,
    ownerId: context.ownerId,
  };
}
