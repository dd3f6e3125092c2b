import type { ReportPeriod } from '@harbor/wire';

const monthsIn: Readonly<Record<ReportPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** First day (UTC) of the period of `period` kind that contains `now`. */
export function periodStartOf(period: ReportPeriod, now: Date): Date {
  const months = monthsIn[period];
  const month = Math.floor(now.getUTCMonth() / months) * months;
  return new Date(Date.UTC(now.getUTCFullYear(), month, 1));
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The days the alert pass reads: from the start of the third complete period before the current one to
 * today. "Worse two periods in a row" compares the last complete period with the two before it, so three
 * complete periods are the least that can judge it; the current, open period comes along but judges nothing.
 */
export function alertWindow(period: ReportPeriod, now: Date): { from: string; to: string } {
  const current = periodStartOf(period, now);
  const from = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - 3 * monthsIn[period], 1));
  return { from: day(from), to: day(now) };
}
