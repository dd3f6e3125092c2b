import type { UsageFacts } from '../health-types.ts';
import { curveReading, type IndicatorReading, type ScoringContext } from './indicator-reading.ts';
import { daysBefore, readNumber, readTime, roundTo } from './property-values.pure.ts';

/**
 * Seat utilisation, login trend, feature breadth and days since last activity: from the usage the product
 * pushed where Harbor has it, else from mapped properties (fact by fact).
 */
export function usageIndicators({ inputs, model, now }: ScoringContext): IndicatorReading[] {
  const { properties: map, curves } = model;
  const usage = inputs.usage;
  // Seats, users, logins and features are counts: a negative one is a broken property, not a reading.
  const fromProperty = (name: string | null): number | null => {
    const value = name === null ? null : readNumber(inputs.properties[name]);
    return value !== null && value >= 0 ? value : null;
  };
  const read = (name: keyof typeof map & keyof UsageFacts): number | null =>
    usage?.[name] ?? fromProperty(map[name]);

  const seats = read('seats');
  const activeUsers = read('activeUsers');
  const utilisation =
    seats !== null && activeUsers !== null && seats > 0 ? roundTo(activeUsers / seats, 3) : null;

  const logins = read('logins');
  const previous = read('loginsPrevious');
  // Two silent months say nothing about a trend; the last-activity indicator already carries the silence.
  const trend =
    logins === null || previous === null || (logins === 0 && previous === 0)
      ? null
      : roundTo(previous === 0 ? 2 : logins / previous, 3);

  const features = read('featuresUsed');
  const lastActivity =
    usage?.lastActivityAt ??
    (map.lastActivity === null ? null : readTime(inputs.properties[map.lastActivity]));
  const idleDays = lastActivity === null ? null : Math.floor(daysBefore(now, lastActivity));

  return [
    curveReading('seat_utilisation', utilisation, curves.seat_utilisation),
    curveReading('login_trend', trend, curves.login_trend),
    curveReading('feature_breadth', features, curves.feature_breadth),
    curveReading('days_since_last_activity', idleDays, curves.days_since_last_activity),
  ];
}
