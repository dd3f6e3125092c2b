import { maxDetractorAnswersShown, type DetractorAnswerWire, type DetractorLoopWire } from '@harbor/wire';

import { addBusinessDays } from './business-days.pure.ts';

const DAY_MS = 86_400_000;

export interface DetractorAnswer {
  id: string;
  companyId: string;
  companyName: string | null;
  /** NPS 0–6. */
  value: number;
  submittedAt: number;
}

/** A run of the detractor follow-up playbook and the task of its first step ("contact the detractor"). */
export interface FollowUpRun {
  companyId: string;
  startedAt: number;
  firstTask: { dueAt: number; completedAt: number | null } | null;
}

/**
 * The follow-up of an answer: the company's first detractor follow-up run started at or after the answer and
 * within `windowDays` of it (the detractor signal only fires inside its window, so a later run is about
 * another answer). Two answers before one run share it: one call answers both.
 */
function followUpOf(
  answer: DetractorAnswer,
  runs: readonly FollowUpRun[],
  windowDays: number,
): FollowUpRun | undefined {
  const latest = answer.submittedAt + windowDays * DAY_MS;
  let chosen: FollowUpRun | undefined;
  for (const run of runs) {
    if (run.companyId !== answer.companyId) continue;
    if (run.startedAt < answer.submittedAt || run.startedAt > latest) continue;
    if (chosen === undefined || run.startedAt < chosen.startedAt) chosen = run;
  }
  return chosen;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/**
 * The detractor loop: of the detractor answers, how many got a follow-up task, how many of those tasks are
 * completed (the closed-loop rate is completed / answers), the median days from answer to completion, and
 * how many were completed within 2 business days of the answer (the promise the detractor playbook makes).
 */
export function detractorLoop(
  answers: readonly DetractorAnswer[],
  runs: readonly FollowUpRun[],
  windowDays: number,
): DetractorLoopWire {
  const rows: DetractorAnswerWire[] = answers.map((answer) => {
    const task = followUpOf(answer, runs, windowDays)?.firstTask ?? null;
    const completedAt = task?.completedAt ?? null;
    return {
      answerId: answer.id,
      companyId: answer.companyId,
      companyName: answer.companyName,
      value: answer.value,
      submittedAt: new Date(answer.submittedAt).toISOString(),
      followUp: task === null ? 'none' : completedAt === null ? 'open' : 'completed',
      taskDueAt: task === null ? null : new Date(task.dueAt).toISOString(),
      completedAt: completedAt === null ? null : new Date(completedAt).toISOString(),
      inTime: completedAt !== null && completedAt <= addBusinessDays(answer.submittedAt, 2),
    };
  });
  const closedDays = answers.flatMap((answer, index) => {
    const completed = rows[index]?.completedAt ?? null;
    return completed === null ? [] : [Math.max(0, Date.parse(completed) - answer.submittedAt) / DAY_MS];
  });
  const closed = closedDays.length;
  return {
    detractorAnswers: answers.length,
    withFollowUp: rows.filter((row) => row.followUp !== 'none').length,
    closed,
    closedLoopRate: answers.length === 0 ? null : Math.round((closed / answers.length) * 10_000) / 10_000,
    medianDaysToClose: median(closedDays),
    closedWithinTwoBusinessDays: rows.filter((row) => row.inTime).length,
    answers: rows
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.answerId.localeCompare(b.answerId))
      .slice(0, maxDetractorAnswersShown),
  };
}
