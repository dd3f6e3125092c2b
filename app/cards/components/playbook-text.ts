import { dayInZone, formatDate } from '@harbor/i18n';
import type {
  PlanSummaryWire,
  PlaybookCommandWire,
  PlaybookRunWire,
  PlaybookStepWire,
  PlaybookType,
} from '@harbor/wire';

import type { TextTools } from './company-text.ts';

/** How the cards word playbooks and the action plan: pure, so the preview and the tests read what the card shows. */

const DAY_MS = 86_400_000;
/** The card lists what ended this long ago at most (the service sends the same window). */
export const endedWindowDays = 30;
/** The service refuses a snooze further out than this. */
export const maxSnoozeDays = 30;

export function playbookName(type: PlaybookType, { t }: TextTools): string {
  return t(`playbook.name.${type}`);
}

/** "Renewal playbook" / "Playbook de renovação": the words the signals use for their defined action. */
export function playbookTitle(type: PlaybookType, { t }: TextTools): string {
  return t(`signal.playbook.${type}`);
}

/** The signal's "Start action" when its action is a playbook: "Start the Renewal playbook". */
export function startPlaybookLabel(type: PlaybookType, { t }: TextTools): string {
  return t(`playbook.start.${type}`);
}

/** "2 of 5 steps". */
export function progressText(run: Pick<PlaybookRunWire, 'completedSteps' | 'steps'>, { t }: TextTools) {
  return t('playbook.progress', { done: run.completedSteps, count: run.steps.length });
}

export function isSnoozed(run: Pick<PlaybookRunWire, 'snoozedUntil'>, now: Date): boolean {
  return run.snoozedUntil !== null && Date.parse(run.snoozedUntil) > now.getTime();
}

/** Running playbooks, and those that ended within the window, as the view orders them. */
export function splitRuns(
  runs: readonly PlaybookRunWire[],
  now: Date,
): { running: PlaybookRunWire[]; ended: PlaybookRunWire[] } {
  const since = now.getTime() - endedWindowDays * DAY_MS;
  return {
    running: runs.filter((run) => run.status === 'running'),
    ended: runs.filter(
      (run) => run.status !== 'running' && run.endedAt !== null && Date.parse(run.endedAt) >= since,
    ),
  };
}

/** What a step's second line says: done when, due when (or overdue), queued, or not reached yet. */
export function stepStateLine(step: PlaybookStepWire, now: Date, tools: TextTools): string {
  const { t, format } = tools;
  switch (step.status) {
    case 'completed':
      return step.completedAt === null
        ? t('playbook.step.completed')
        : t('playbook.step.completedOn', { date: formatDate(step.completedAt, format) });
    case 'open':
      if (step.dueAt === null) return t('playbook.step.open');
      return Date.parse(step.dueAt) < now.getTime()
        ? t('playbook.step.overdue', { date: formatDate(step.dueAt, format) })
        : t('playbook.step.due', { date: formatDate(step.dueAt, format) });
    case 'waiting':
      return t('playbook.step.waiting');
    case 'pending':
      return t('playbook.step.pending');
    case 'cancelled':
      return t('playbook.step.cancelled');
  }
}

/** A mark before the step's title, so its state reads at a glance in a list. */
export function stepMark(status: PlaybookStepWire['status']): string {
  switch (status) {
    case 'completed':
      return '✓';
    case 'open':
      return '→';
    case 'waiting':
      return '…';
    case 'pending':
      return '○';
    case 'cancelled':
      return '✕';
  }
}

/** HubSpot's own page for a task (app.hubspot.com redirects to the portal's data centre). */
export function hubspotTaskUrl(portalId: number, taskId: string): string {
  return `https://app.hubspot.com/tasks/${portalId}/view/all/task/${encodeURIComponent(taskId)}`;
}

/** How an ended run ended: "Completed on Dec 1, 2026", "Cancelled on Dec 1, 2026: customer churned". */
export function endedLine(run: PlaybookRunWire, tools: TextTools): string {
  const { t, format } = tools;
  const date = run.endedAt === null ? '—' : formatDate(run.endedAt, format);
  if (run.status === 'completed') return t('playbook.ended.completed', { date });
  return run.cancelReason === null || run.cancelReason === ''
    ? t('playbook.ended.cancelled', { date })
    : t('playbook.ended.cancelledWhy', { date, reason: run.cancelReason });
}

/** The sidebar's line about the newest running playbook; null when none runs. */
export function sidebarPlaybookLine(runs: readonly PlaybookRunWire[], tools: TextTools): string | null {
  const run = runs.find((candidate) => candidate.status === 'running');
  if (run === undefined) return null;
  return tools.t('playbook.sidebar.line', {
    name: playbookName(run.playbook, tools),
    done: run.completedSteps,
    count: run.steps.length,
  });
}

/** "Last reviewed: Dec 1, 2026" or "Last reviewed: never". */
export function lastReviewedLine(plan: Pick<PlanSummaryWire, 'lastReviewedAt'>, tools: TextTools): string {
  return plan.lastReviewedAt === null
    ? tools.t('actionPlan.neverReviewed')
    : tools.t('actionPlan.lastReviewed', { date: formatDate(plan.lastReviewedAt, tools.format) });
}

/** A calendar day as DateInput holds it (month from 0). */
export interface CalendarDay {
  year: number;
  month: number;
  date: number;
}

/** The calendar day `days` after `now`'s day in the zone. */
export function dayAfter(now: Date, days: number, timeZone: string): CalendarDay {
  const [year = 0, month = 1, date = 1] = dayInZone(now, timeZone).split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth(), date: shifted.getUTCDate() };
}

const dayNumber = (day: CalendarDay): number => Date.UTC(day.year, day.month, day.date) / DAY_MS;

/** Whether `day` lies between tomorrow and the last day the service accepts, counted in the zone. */
export function isSnoozeDayAllowed(day: CalendarDay, now: Date, timeZone: string): boolean {
  const offset = dayNumber(day) - dayNumber(dayAfter(now, 0, timeZone));
  return offset >= 1 && offset <= maxSnoozeDays;
}

/** The zone's offset from UTC at `instant`, in ms (positive east of Greenwich). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: string): number => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The moment a day starts in the zone: a snooze "until Dec 10" holds the next task until the owner's morning
 * of Dec 10, not until Greenwich's midnight, which is the evening before in São Paulo.
 */
export function startOfDay(day: CalendarDay, timeZone: string): string {
  const midnightUtc = Date.UTC(day.year, day.month, day.date);
  const first = midnightUtc - zoneOffset(midnightUtc, timeZone);
  // Once more at the found moment: a daylight-saving change between the two gives a different offset.
  return new Date(midnightUtc - zoneOffset(first, timeZone)).toISOString();
}

/** The confirmation after the service accepted a start or a command on a run, as it answered the run. */
export function playbookDoneMessage(
  command: { kind: 'start' } | Pick<PlaybookCommandWire, 'kind'>,
  run: PlaybookRunWire,
  tools: TextTools,
): string {
  const { t, format } = tools;
  switch (command.kind) {
    case 'start':
      return t('playbook.done.start', { playbook: playbookTitle(run.playbook, tools) });
    case 'snooze':
      return t('playbook.done.snooze', {
        date: run.snoozedUntil === null ? '—' : formatDate(run.snoozedUntil, format),
      });
    default:
      return t(`playbook.done.${command.kind}`);
  }
}
