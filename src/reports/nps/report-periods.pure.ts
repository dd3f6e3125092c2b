import type { ReportPeriod } from '@harbor/wire';

/** One calendar period in UTC: [start, end) in epoch ms. */
export interface CalendarPeriod {
  start: number;
  end: number;
  /** 2026-11, 2026-Q4 or 2026. */
  label: string;
}

const monthsIn: Record<ReportPeriod, number> = { month: 1, quarter: 3, year: 12 };
/** The periods shown when no --from is given: a year of months or quarters, three years. */
const defaultCount: Record<ReportPeriod, number> = { month: 12, quarter: 4, year: 3 };

const day = (time: number): string => new Date(time).toISOString().slice(0, 10);

export function periodContaining(period: ReportPeriod, time: number): CalendarPeriod {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const size = monthsIn[period];
  const firstMonth = Math.floor(date.getUTCMonth() / size) * size;
  const start = Date.UTC(year, firstMonth, 1);
  const end = Date.UTC(year, firstMonth + size, 1);
  const label =
    period === 'year'
      ? String(year)
      : period === 'quarter'
        ? `${year}-Q${firstMonth / 3 + 1}`
        : `${year}-${String(firstMonth + 1).padStart(2, '0')}`;
  return { start, end, label };
}

/**
 * The periods a report covers, oldest first: from the one containing `from` to the one containing `to`
 * (ISO days, inclusive). Without `from`, the default count of periods ending with `to`'s; without `to`, the
 * period containing `now`.
 */
export function reportPeriodsBetween(
  period: ReportPeriod,
  now: number,
  from?: string,
  to?: string,
): CalendarPeriod[] {
  const last = periodContaining(period, to === undefined ? now : Date.parse(`${to}T00:00:00Z`));
  const periods: CalendarPeriod[] = [last];
  const first = from === undefined ? undefined : Date.parse(`${from}T00:00:00Z`);
  let earliest = last;
  while (first === undefined ? periods.length < defaultCount[period] : earliest.start > first) {
    earliest = periodContaining(period, earliest.start - 1);
    periods.unshift(earliest);
  }
  return periods;
}

/** The first and last (inclusive) day of a period. */
export function periodDays(period: CalendarPeriod): { startDay: string; endDay: string } {
  return { startDay: day(period.start), endDay: day(period.end - 1) };
}
