import type { PropertyVersion } from '../store/sandbox-types.ts';
import type { CompanyPlan } from './company-plan.ts';
import type { Prng } from './prng.ts';
import { daysPastDue, featuresUsed, loginTrendRatio, seatUtilisation } from './signal-maps.ts';
import { DAY_MS, HOUR_MS, wireNumber } from './wire-values.ts';

/** One monthly reading of the usage properties the product pushes to HubSpot. */
export interface UsagePoint {
  at: number;
  activeUsers: number;
  logins: number;
  featuresUsed: number;
  daysPastDue: number;
}

export interface UsageTimeline {
  /** Oldest first; the last point is the current value. */
  points: UsagePoint[];
  /** Index of the reading holding the model's signals: today's, or the one at the prediction point. */
  anchor: number;
  /** logins_prev_30d of the current point (the logins of the point before it). */
  loginsPrev: number;
}

const MONTH_MS = 30 * DAY_MS;
const UPCOMING_POINTS = 6;
const POINTS_BEFORE_PREDICTION = 2;
/** Month-to-month persistence of a signal: an AR(1) step keeps variance 1 around the customer's level. */
const PERSISTENCE = 0.85;
const INNOVATION = Math.sqrt(1 - PERSISTENCE * PERSISTENCE);

/**
 * Monthly usage readings. For an upcoming renewal the last reading (today) holds the model's signals and the
 * five before it drift back from them. For a known outcome the reading taken hours before the prediction
 * point (75 days before the renewal) holds them, so the history as of that point shows them; churners then
 * fade to nothing by the month after the renewal, and renewed customers keep drifting.
 */
export function buildUsageTimeline(plan: CompanyPlan, rng: Prng, now: number): UsageTimeline {
  const anchorAt = (plan.outcomeKnown ? plan.predictionAt : now) - rng.int(1, 20) * HOUR_MS;
  const before = plan.outcomeKnown ? POINTS_BEFORE_PREDICTION : UPCOMING_POINTS - 1;
  const after = plan.outcomeKnown ? Math.floor((now - anchorAt) / MONTH_MS) : 0;
  const count = before + 1 + after;
  const utilisation = walk(plan.signals.seat_utilisation, before, count, rng);
  const breadth = walk(plan.signals.feature_breadth, before, count, rng);
  const perUserLogins = 9 * Math.exp(0.35 * rng.normal());
  const points: UsagePoint[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = anchorAt + (i - before) * MONTH_MS;
    const fade = plan.churned && plan.outcomeKnown ? churnFade(at, plan.renewalAt, i - before) : 1;
    const activeUsers = Math.round(plan.seats * seatUtilisation(utilisation[i] ?? 0) * fade);
    points.push({
      at,
      activeUsers: i === before ? Math.max(1, activeUsers) : activeUsers,
      logins: Math.round(activeUsers * perUserLogins * Math.exp(0.12 * rng.normal())),
      featuresUsed: fade === 0 ? 0 : Math.round(featuresUsed(breadth[i] ?? 0) * Math.min(1, fade * 1.5)),
      daysPastDue: 0,
    });
  }
  const anchor = points[before];
  const previous = points[before - 1];
  if (anchor !== undefined && previous !== undefined) {
    anchor.logins = Math.max(1, Math.round(anchor.activeUsers * perUserLogins));
    // The month before the anchor is what makes logins_30d / logins_prev_30d equal the model's login trend.
    previous.logins = Math.max(1, Math.round(anchor.logins / loginTrendRatio(plan.signals.login_trend)));
  }
  fillDaysPastDue(points, before, plan, rng);
  const current = points.length - 1;
  return { points, anchor: before, loginsPrev: points[current - 1]?.logins ?? 0 };
}

/** An AR(1) path with `level` at index `anchor`, walked backwards and forwards. */
export function walk(level: number, anchor: number, count: number, rng: Prng): number[] {
  const values = new Array<number>(count).fill(level);
  for (let i = anchor - 1; i >= 0; i -= 1) {
    values[i] = PERSISTENCE * (values[i + 1] ?? 0) + INNOVATION * rng.normal();
  }
  for (let i = anchor + 1; i < count; i += 1) {
    values[i] = PERSISTENCE * (values[i - 1] ?? 0) + INNOVATION * rng.normal();
  }
  return values;
}

/** A churner's usage factor: falling after the prediction point, a trickle in the renewal month, then none. */
function churnFade(at: number, renewalAt: number, monthsAfterAnchor: number): number {
  if (at >= renewalAt + MONTH_MS) return 0;
  if (at >= renewalAt) return 0.1;
  return monthsAfterAnchor <= 0 ? 1 : Math.max(0.2, 1 - 0.35 * monthsAfterAnchor);
}

/** Overdue invoices age by 30 days a month until paid; before the anchor they were younger or not yet due. */
function fillDaysPastDue(points: UsagePoint[], anchor: number, plan: CompanyPlan, rng: Prng): void {
  const anchorDays = daysPastDue(plan.signals.days_past_due);
  for (let i = anchor; i >= 0; i -= 1) {
    const point = points[i];
    if (point !== undefined) point.daysPastDue = Math.max(0, anchorDays - 30 * (anchor - i));
  }
  for (let i = anchor + 1; i < points.length; i += 1) {
    const point = points[i];
    const previous = points[i - 1]?.daysPastDue ?? 0;
    if (point === undefined) continue;
    if (plan.churned && point.at >= plan.renewalAt) point.daysPastDue = previous;
    else if (previous > 0) point.daysPastDue = rng.chance(plan.churned ? 0.3 : 0.6) ? 0 : previous + 30;
    else point.daysPastDue = rng.chance(plan.churned ? 0.2 : 0.05) ? rng.int(5, 25) : 0;
  }
}

const HISTORY_SOURCE = 'INTEGRATION';

/**
 * Property history of the usage properties, newest first, one version per change (as HubSpot keeps it). The
 * first reading has no month before it, so logins_prev_30d starts at the second.
 */
export function usageHistory(points: readonly UsagePoint[]): Record<string, PropertyVersion[]> {
  return {
    active_users_30d: versions(points, (point) => wireNumber(point.activeUsers)),
    logins_30d: versions(points, (point) => wireNumber(point.logins)),
    logins_prev_30d: versions(points, (_point, index) =>
      index === 0 ? undefined : wireNumber(points[index - 1]?.logins ?? 0),
    ),
    features_used: versions(points, (point) => wireNumber(point.featuresUsed)),
    days_past_due: versions(points, (point) => wireNumber(point.daysPastDue)),
  };
}

/** Versions at the readings' times, newest first; `read` gives the wire value, or undefined for none yet. */
export function versions(
  points: readonly UsagePoint[],
  read: (point: UsagePoint, index: number) => string | undefined,
): PropertyVersion[] {
  const list: PropertyVersion[] = [];
  let last: string | undefined;
  points.forEach((point, index) => {
    const value = read(point, index);
    if (value === undefined || value === last) return;
    last = value;
    list.push({ value, timestamp: point.at, sourceType: HISTORY_SOURCE });
  });
  return exactReversed(list);
}

/**
 * `list` newest first in an array of exactly its length: a growing array keeps spare capacity, which over a
 * dozen short histories per company is a large share of a big portal's memory.
 */
export function exactReversed<T>(list: T[]): T[] {
  return list.reverse().slice();
}
