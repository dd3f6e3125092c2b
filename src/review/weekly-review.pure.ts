import {
  weekdays,
  type ActionPlanWire,
  type AutomationSettings,
  type ReviewOwnerWire,
  type SignalWire,
  type WeeklyReviewWire,
} from '@harbor/wire';

const maxEscalated = 200;
const maxOwners = 500;
const maxPlansPerList = 200;

/** A signal at the top of the review: a risk escalated to the CS lead with still no action started. */
export function isEscalated(signal: SignalWire): boolean {
  return signal.kind === 'risk' && signal.escalatedAt !== null && signal.actionStartedAt === null;
}

const byStaleThenName = (a: ActionPlanWire, b: ActionPlanWire): number =>
  Number(b.stale) - Number(a.stale) ||
  (a.score ?? Infinity) - (b.score ?? Infinity) ||
  (a.companyName ?? a.companyId).localeCompare(b.companyName ?? b.companyId);

/**
 * The weekly review: the portal's escalated risks first (oldest due first), then each owner's at-risk and
 * expansion plans (stale ones first, then the lowest score), with how many plans are stale and how many of
 * their signals escalated. Owners by name; the plans nobody owns come last.
 */
export function buildWeeklyReview(
  input: {
    plans: readonly ActionPlanWire[];
    /** Every active signal of the portal (the escalated ones are picked here). */
    signals: readonly SignalWire[];
    lastReviewTasksAt: number | null;
  },
  now: number,
): WeeklyReviewWire {
  const escalated = input.signals
    .filter(isEscalated)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id - b.id);
  const groups = new Map<string | null, ActionPlanWire[]>();
  for (const plan of input.plans) {
    const group = groups.get(plan.ownerId) ?? [];
    group.push(plan);
    groups.set(plan.ownerId, group);
  }
  const owners = [...groups].map(([ownerId, plans]): ReviewOwnerWire => {
    const sorted = [...plans].sort(byStaleThenName);
    return {
      ownerId,
      ownerName: plans.find((plan) => plan.ownerName !== null)?.ownerName ?? null,
      atRisk: sorted.filter((plan) => plan.kind === 'at_risk').slice(0, maxPlansPerList),
      expansion: sorted.filter((plan) => plan.kind === 'expansion').slice(0, maxPlansPerList),
      stalePlans: plans.filter((plan) => plan.stale).length,
      escalatedSignals: plans.flatMap((plan) => plan.signals).filter(isEscalated).length,
    };
  });
  owners.sort(
    (a, b) =>
      Number(a.ownerId === null) - Number(b.ownerId === null) ||
      (a.ownerName ?? a.ownerId ?? '').localeCompare(b.ownerName ?? b.ownerId ?? ''),
  );
  return {
    generatedAt: new Date(now).toISOString(),
    escalated: escalated.slice(0, maxEscalated),
    owners: owners.slice(0, maxOwners),
    lastReviewTasksAt:
      input.lastReviewTasksAt === null ? null : new Date(input.lastReviewTasksAt).toISOString(),
  };
}

/** A moment as the portal's clock shows it. */
export interface LocalClock {
  year: number;
  month: number;
  day: number;
  /** 0 is Monday (ISO), 6 is Sunday. */
  weekday: number;
  hour: number;
}

const weekdayIndex: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** `now` in `timeZone`; an unknown zone (or none yet) is read as UTC rather than stopping the review. */
export function localClock(now: number, timeZone: string | null): LocalClock {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone ?? 'UTC',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
    });
  } catch {
    return localClock(now, 'UTC');
  }
  const parts = format.formatToParts(new Date(now));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday: weekdayIndex[part('weekday')] ?? 0,
    hour: Number(part('hour')),
  };
}

/** The ISO week (`2026-W48`) of a calendar day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(day: Pick<LocalClock, 'year' | 'month' | 'day'>): string {
  const date = Date.UTC(day.year, day.month - 1, day.day);
  const weekday = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = new Date(date + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The week whose review is due at `now`, or null: due once the configured weekday and hour have come in
 * the portal's week (a review missed on Monday is made later that week, never skipped), and never when off.
 */
export function dueReviewWeek(
  now: number,
  timeZone: string | null,
  schedule: AutomationSettings['weeklyReview'],
): string | null {
  if (!schedule.enabled) return null;
  const clock = localClock(now, timeZone);
  const target = weekdays.indexOf(schedule.weekday);
  const hasCome = clock.weekday > target || (clock.weekday === target && clock.hour >= schedule.hour);
  return hasCome ? isoWeekOf(clock) : null;
}
