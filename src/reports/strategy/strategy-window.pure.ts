import type { ReportPeriod } from '@harbor/wire';

const monthsIn: Record<ReportPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** A UTC calendar day, YYYY-MM-DD, as the retention report names periods. */
function dayOf(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** The first day of the period (UTC calendar) that holds `day`. */
export function periodStartOf(day: string, period: ReportPeriod): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  const size = monthsIn[period];
  return dayOf(year, month - (month % size), 1);
}

/** The first day of the period `count` periods after (negative: before) the one starting on `start`. */
export function shiftPeriod(start: string, period: ReportPeriod, count: number): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1;
  return dayOf(year, month + count * monthsIn[period], 1);
}

/** The day before `day`: the last day of a period, from the next one's start. */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The window the strategy reads: the `periods` complete periods before the one holding `asOf` (today, or
 * the `--to` day when that is earlier). The period holding `asOf` is left out: its figures can still change.
 */
export function strategyWindow(
  asOf: string,
  period: ReportPeriod,
  periods: number,
): { from: string; to: string } {
  const current = periodStartOf(asOf, period);
  return { from: shiftPeriod(current, period, -periods), to: dayBefore(current) };
}

/** The periods of a window from `strategyWindow`, oldest first, each with its first and last day. */
export function periodsOf(
  window: { from: string; to: string },
  period: ReportPeriod,
): { periodStart: string; periodEnd: string }[] {
  const periods: { periodStart: string; periodEnd: string }[] = [];
  for (let start = window.from; start <= window.to; start = shiftPeriod(start, period, 1))
    periods.push({ periodStart: start, periodEnd: dayBefore(shiftPeriod(start, period, 1)) });
  return periods;
}
