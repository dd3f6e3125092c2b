import type { ReportPeriod } from '@harbor/wire';

import { AppError } from '../../shared/errors/app-error.ts';

/** One UTC calendar period: `[start, next)` in epoch milliseconds. */
export interface CalendarPeriod {
  start: number;
  /** The first instant of the following period. */
  next: number;
  /** YYYY-MM-DD of the first and the last day. */
  startDay: string;
  endDay: string;
  /** False for the period that contains `now`: measured up to now, it can still change. */
  complete: boolean;
}

export const defaultPeriodCount = 12;
/** Twenty years of months: beyond that a window is a typo, not a report. */
export const maxPeriodCount = 240;

const monthsIn: Readonly<Record<ReportPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** Epoch ms of 00:00 UTC on the first day of the period containing `time`. */
export function periodStartOf(period: ReportPeriod, time: number): number {
  const date = new Date(time);
  const months = monthsIn[period];
  const month = Math.floor(date.getUTCMonth() / months) * months;
  return Date.UTC(date.getUTCFullYear(), month, 1);
}

function shift(period: ReportPeriod, start: number, count: number): number {
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count * monthsIn[period], 1);
}

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function dayStart(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00.000Z`);
}

/**
 * The periods a report covers, oldest first (docs/reports.md, "Window"): every whole period overlapping
 * `from…to`; without `from`, the 12 ending with the one holding `to` (or now); without `to`, up to the current
 * one. Periods starting after `now` are dropped: nothing can be measured in them yet.
 */
export function reportPeriodsFor(
  period: ReportPeriod,
  window: { from?: string | undefined; to?: string | undefined },
  now: Date,
): CalendarPeriod[] {
  const nowMs = now.getTime();
  const lastStart = periodStartOf(
    period,
    Math.min(window.to === undefined ? nowMs : dayStart(window.to), nowMs),
  );
  const firstStart =
    window.from === undefined
      ? shift(period, lastStart, -(defaultPeriodCount - 1))
      : periodStartOf(period, dayStart(window.from));
  const periods: CalendarPeriod[] = [];
  for (let start = firstStart; start <= lastStart; start = shift(period, start, 1)) {
    if (periods.length === maxPeriodCount) {
      throw new AppError(
        'VALIDATION_FAILED',
        `at most ${maxPeriodCount} periods in one report: narrow --from/--to or use a longer period`,
      );
    }
    const next = shift(period, start, 1);
    periods.push({ start, next, startDay: day(start), endDay: day(next - 1), complete: next <= nowMs });
  }
  return periods;
}
