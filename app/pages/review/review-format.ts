import { formatDate } from '@harbor/i18n';
import type { ActionPlanWire, PlanNextStepWire, SignalWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';

/** A signal as the review lists it: its type and severity ("Late payment (High)"). */
export function signalText(signal: SignalWire, { t }: Pick<Speech, 't'>): string {
  return `${t(`signal.type.${signal.type}`)} (${t(`signal.severity.${signal.severity}`)})`;
}

export function nextStepText(step: PlanNextStepWire | undefined, { t, format }: Speech): string {
  if (step === undefined) return t('review.none');
  if (step.dueAt === null) return step.title;
  const date = formatDate(step.dueAt, format);
  return t(step.overdue ? 'review.nextStep.overdue' : 'review.nextStep.due', { title: step.title, date });
}

/** Running playbooks with their progress ("Risk: 1 of 3 steps"). */
export function playbooksText(plan: ActionPlanWire, { t }: Pick<Speech, 't'>): string {
  if (plan.playbooks.length === 0) return t('review.none');
  return plan.playbooks
    .map(
      (run) =>
        `${t(`playbook.name.${run.playbook}`)}: ${t('playbook.progress', { done: run.completedSteps, count: run.steps.length })}`,
    )
    .join('; ');
}
