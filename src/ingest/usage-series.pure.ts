import type { UsageSeriesWire } from '@harbor/wire';

import type { UsageDay } from '../store/repositories/usage-ingest-repository.ts';

/**
 * The card's usage chart: one point per day with ingested usage (oldest first, days as sent), and the seats
 * last reported for the utilisation line; null when Harbor has no usage for the company.
 */
export function usageSeriesOf(days: readonly UsageDay[]): UsageSeriesWire | null {
  if (days.length === 0) return null;
  const byDate = new Map<string, UsageSeriesWire['points'][number]>();
  let seats: { date: string; value: number } | null = null;
  for (const day of days) {
    if (day.metric === 'seats' && (seats === null || day.date >= seats.date)) seats = day;
    if (day.metric !== 'activeUsers' && day.metric !== 'logins' && day.metric !== 'minutes') continue;
    const point = byDate.get(day.date) ?? { date: day.date, activeUsers: null, logins: null, minutes: null };
    point[day.metric] = day.value;
    byDate.set(day.date, point);
  }
  const points = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { points, seats: seats?.value ?? null };
}
