import type { UsageFacts } from '../health/health-types.ts';
import type { UsageDay } from '../store/repositories/usage-ingest-repository.ts';
import { featurePrefix } from './usage-rows.pure.ts';

const dayMs = 86_400_000;
/** The current month and the one before it, as the property-based login trend reads them. */
const windowDays = 30;
/** "About a month ago" for the usage-drop rule: the newest reading 30 to 44 days back. */
const monthAgoSlackDays = 14;
const activityMetrics: ReadonlySet<string> = new Set(['activeUsers', 'logins', 'minutes']);

export type { UsageDay };

/** Whole days from `date` to the UTC day of `now` (0 = today). */
function daysAgo(date: string, now: number): number {
  return Math.round((Math.floor(now / dayMs) * dayMs - Date.parse(`${date}T00:00:00Z`)) / dayMs);
}

/**
 * The usage component's facts from a company's ingested days (any order, at least the last 60): active
 * users and seats as last reported, logins summed over the last 30 days and the 30 before, features used
 * in the last 30 days, the last day with any activity. A fact the product does not send stays null, so the
 * mapped property is read instead. Once a product reports logins, a month without any counts as none.
 */
export function usageFactsOf(days: readonly UsageDay[], now: number): UsageFacts {
  const aged = days.map((day) => ({ ...day, ago: daysAgo(day.date, now) })).filter((day) => day.ago >= 0);
  const latest = (metric: string, from: number, to: number): number | null => {
    let best: { ago: number; value: number } | null = null;
    for (const day of aged)
      if (day.metric === metric && day.ago >= from && day.ago <= to && (best === null || day.ago < best.ago))
        best = day;
    return best?.value ?? null;
  };
  const loginDays = aged.filter((day) => day.metric === 'logins');
  const sum = (from: number, to: number) =>
    loginDays.filter((day) => day.ago >= from && day.ago <= to).reduce((total, day) => total + day.value, 0);
  const hasPrevious = loginDays.some((day) => day.ago >= windowDays && day.ago < 2 * windowDays);
  const features = aged.filter((day) => day.metric.startsWith(featurePrefix));
  const active = aged.filter(
    (day) => day.value > 0 && (activityMetrics.has(day.metric) || day.metric.startsWith(featurePrefix)),
  );
  const lastActive = active.reduce<number | null>(
    (min, day) => (min === null ? day.ago : Math.min(min, day.ago)),
    null,
  );
  const today = Math.floor(now / dayMs) * dayMs;
  return {
    activeUsers: latest('activeUsers', 0, windowDays - 1),
    seats: latest('seats', 0, Number.POSITIVE_INFINITY),
    logins: loginDays.length === 0 ? null : sum(0, windowDays - 1),
    loginsPrevious: hasPrevious ? sum(windowDays, 2 * windowDays - 1) : null,
    featuresUsed:
      features.length === 0
        ? null
        : new Set(features.filter((day) => day.ago < windowDays && day.value > 0).map((day) => day.metric))
            .size,
    lastActivityAt: lastActive === null ? null : today - lastActive * dayMs,
    activeUsersMonthAgo: latest('activeUsers', windowDays, windowDays + monthAgoSlackDays),
  };
}
