import type { PropertyVersion } from '../store/sandbox-types.ts';
import { sigmoid } from './churn-model.ts';
import type { CompanyPlan } from './company-plan.ts';
import { exactReversed, versions, walk, type UsageTimeline } from './company-usage.ts';
import type { Prng } from './prng.ts';
import { daysSinceCsmContact, daysSinceLastLogin } from './signal-maps.ts';
import { DAY_MS, HOUR_MS, wireDate, wireDateTime } from './wire-values.ts';

/** When the customer last logged in and last heard from its CSM, as of today. */
export interface CompanyEngagement {
  lastLoginAt: number;
  lastContactedAt: number;
  contactedNotes: number;
  /** An invoice issued and not yet due (shown as `open` when nothing is overdue). */
  hasOpenInvoice: boolean;
  lastMeetingAt?: number;
}

/** Today's engagement values and how they got there. */
export interface EngagementTimeline {
  /** Today's values: `buildEngagement`'s, made consistent with the history for a known outcome. */
  current: CompanyEngagement;
  /** last_login_date, notes_last_contacted, hs_last_booked_meeting_date and invoice_status, newest first. */
  history: Record<string, PropertyVersion[]>;
}

const DRIFT = 0.85;
const DRIFT_NOISE = Math.sqrt(1 - DRIFT * DRIFT);
/** A step of the contact and meeting cadence from one touch to the next (an AR(1) over touches). */
const CADENCE_PERSISTENCE = 0.9;
const CADENCE_NOISE = Math.sqrt(1 - CADENCE_PERSISTENCE * CADENCE_PERSISTENCE);

/**
 * Today's engagement values. For an upcoming renewal they are the model's signals read today. A renewed
 * customer's have drifted since the prediction point; a churner stopped logging in just before its renewal
 * and had an exit conversation around it (the day of the renewal or in the weeks after).
 */
export function buildEngagement(plan: CompanyPlan, rng: Prng, now: number): CompanyEngagement {
  const isChurner = plan.outcomeKnown && plan.churned;
  const drift = (z: number): number => (plan.outcomeKnown ? DRIFT * z + DRIFT_NOISE * rng.normal() : z);
  const loginZ = drift(plan.signals.days_since_last_login);
  const contactZ = drift(plan.signals.days_since_csm_contact);
  const reference = isChurner ? Math.min(now - HOUR_MS, plan.renewalAt + rng.int(0, 20) * DAY_MS) : now;
  const lastLoginAt = isChurner
    ? plan.renewalAt - rng.int(1, 20) * DAY_MS - rng.int(0, 23) * HOUR_MS
    : now - daysSinceLastLogin(loginZ) * DAY_MS - rng.int(1, 23) * HOUR_MS;
  const contactHours = rng.int(1, 10) * HOUR_MS;
  const lastContactedAt = isChurner
    ? reference - contactHours
    : Math.max(plan.createdAt, reference - daysSinceCsmContact(contactZ) * DAY_MS - contactHours);
  const months = (reference - plan.createdAt) / (30 * DAY_MS);
  const contactedNotes = Math.max(1, rng.poisson(months * 0.5 * Math.exp(-0.5 * contactZ)));
  const engagement: CompanyEngagement = {
    lastLoginAt,
    lastContactedAt,
    contactedNotes,
    hasOpenInvoice: rng.chance(0.25),
  };
  const lastMeetingAt = meetingAsOf(reference, contactZ, plan.createdAt, rng);
  if (lastMeetingAt !== undefined) engagement.lastMeetingAt = lastMeetingAt;
  return engagement;
}

/**
 * The last booked meeting as of `at`, if the customer has had one: likelier and more recent when in touch.
 */
function meetingAsOf(at: number, contactZ: number, createdAt: number, rng: Prng): number | undefined {
  if (!rng.chance(sigmoid(1.2 - 0.6 * contactZ))) return undefined;
  const meetingDays = Math.exp(3.2 + 0.6 * contactZ + 0.5 * rng.normal());
  return Math.max(createdAt, at - Math.floor(meetingDays) * DAY_MS - 3 * HOUR_MS);
}

/** Overdue when days past due; otherwise an invoice is sometimes issued and not yet due. */
export function invoiceStatus(daysPastDue: number, hasOpenInvoice: boolean, isChurner: boolean): string {
  if (daysPastDue > 0) return 'overdue';
  return hasOpenInvoice && !isChurner ? 'open' : 'paid';
}

/**
 * The engagement properties' history from the first usage reading on. For an upcoming renewal it leads to
 * today's values. For a known outcome the values as of the prediction point are drawn from the model's
 * signals exactly as today's are for an upcoming renewal, and what came after leads to today's: a renewed
 * customer's drifted values, a churner's last login before the renewal and its exit conversation around it.
 */
export function buildEngagementHistory(
  plan: CompanyPlan,
  usage: UsageTimeline,
  today: CompanyEngagement,
  rng: Prng,
  now: number,
): EngagementTimeline {
  const logins = loginTimes(plan, usage, today.lastLoginAt, rng);
  const windowStart = usage.points[0]?.at ?? now;
  const contacts = touchTimes(plan, windowStart, today.lastContactedAt, contactTouch, rng);
  const meetings = touchTimes(plan, windowStart, today.lastMeetingAt, meetingTouch, rng);
  const current: CompanyEngagement = {
    lastLoginAt: today.lastLoginAt,
    lastContactedAt: contacts.at(-1) ?? today.lastContactedAt,
    contactedNotes: today.contactedNotes,
    hasOpenInvoice: today.hasOpenInvoice,
  };
  const lastMeetingAt = meetings.at(-1);
  if (lastMeetingAt !== undefined) current.lastMeetingAt = lastMeetingAt;
  const history: Record<string, PropertyVersion[]> = {
    last_login_date: eventVersions(logins, wireDate, 'INTEGRATION'),
    notes_last_contacted: eventVersions(contacts, wireDateTime, 'CALCULATED'),
    invoice_status: invoiceVersions(plan, usage, current.hasOpenInvoice, rng),
  };
  if (meetings.length > 0) {
    history.hs_last_booked_meeting_date = eventVersions(meetings, wireDateTime, 'CALCULATED');
  }
  return { current, history };
}

/**
 * One recorded login per monthly reading, oldest first: the last login before it, as many days back as the
 * recency signal (walked like usage) says. A known outcome's login before the prediction point follows the
 * model's signal; after it only logins before today's last one count, and a churner's grow rarer.
 */
function loginTimes(plan: CompanyPlan, usage: UsageTimeline, lastLoginAt: number, rng: Prng): number[] {
  const { points, anchor } = usage;
  const recency = walk(plan.signals.days_since_last_login, anchor, points.length, rng);
  const loginBefore = (at: number, z: number): number =>
    at - daysSinceLastLogin(z) * DAY_MS - rng.int(1, 23) * HOUR_MS;
  const times: number[] = [];
  for (let i = 0; i < anchor; i += 1) times.push(loginBefore(points[i]?.at ?? 0, recency[i] ?? 0));
  if (plan.outcomeKnown) {
    times.push(loginBefore(plan.predictionAt, plan.signals.days_since_last_login));
    for (let i = anchor + 1; i < points.length; i += 1) {
      const fading = plan.churned ? 0.8 * (i - anchor) : 0;
      const at = loginBefore(points[i]?.at ?? 0, (recency[i] ?? 0) + fading);
      if (at > plan.predictionAt && at < lastLoginAt) times.push(at);
    }
  }
  times.push(lastLoginAt);
  return times;
}

/** A kind of CSM touch: where the last one stood as of a moment, and the days from one to the next. */
interface TouchKind {
  asOf(at: number, z: number, createdAt: number, rng: Prng): number | undefined;
  gapDays(z: number, rng: Prng): number;
}

const contactTouch: TouchKind = {
  asOf: (at, z, createdAt, rng) =>
    Math.max(createdAt, at - daysSinceCsmContact(z) * DAY_MS - rng.int(1, 10) * HOUR_MS),
  // Seen at a random moment, a touch is on average half a gap old: gaps of twice the days since contact.
  gapDays: (z, rng) => Math.max(2, Math.round(2 * daysSinceCsmContact(z) * rng.range(0.7, 1.3))),
};

const meetingTouch: TouchKind = {
  asOf: meetingAsOf,
  gapDays: (z, rng) => Math.max(7, Math.round(2 * Math.exp(3.2 + 0.6 * z + 0.5 * rng.normal()))),
};

/**
 * Touch times (contacts or meetings), oldest first, back to the last one before `windowStart`. Today's last
 * touch ends an upcoming renewal's list. A known outcome's list holds the touch as of the prediction point
 * (from the model's contact signal), then touches after it up to today's last one; when that is not after the
 * prediction point, nothing happened since.
 */
function touchTimes(
  plan: CompanyPlan,
  windowStart: number,
  latest: number | undefined,
  kind: TouchKind,
  rng: Prng,
): number[] {
  const z = plan.signals.days_since_csm_contact;
  const pivot = plan.outcomeKnown ? kind.asOf(plan.predictionAt, z, plan.createdAt, rng) : latest;
  const times: number[] = [];
  if (pivot !== undefined) {
    let at = pivot;
    let cadence = z;
    while (at > windowStart) {
      cadence = CADENCE_PERSISTENCE * cadence + CADENCE_NOISE * rng.normal();
      at -= kind.gapDays(cadence, rng) * DAY_MS + rng.int(0, 8) * HOUR_MS;
      if (at < plan.createdAt) break;
      times.push(at);
    }
    times.reverse().push(pivot);
  }
  if (!plan.outcomeKnown || latest === undefined || latest <= plan.predictionAt) return times;
  // None fell between the last touch and the prediction point, so the next one comes within a gap after it.
  let cadence = z;
  let at = plan.predictionAt + rng.int(1, kind.gapDays(cadence, rng) * 24) * HOUR_MS;
  while (at < latest) {
    times.push(at);
    cadence = CADENCE_PERSISTENCE * cadence + CADENCE_NOISE * rng.normal();
    at += kind.gapDays(cadence, rng) * DAY_MS + rng.int(0, 8) * HOUR_MS;
  }
  times.push(latest);
  return times;
}

/** Versions of a time-valued property set at each event (oldest first in), newest first out. */
function eventVersions(
  times: readonly number[],
  format: (at: number) => string,
  sourceType: string,
): PropertyVersion[] {
  const list: PropertyVersion[] = [];
  let last: string | undefined;
  for (const at of times) {
    const value = format(at);
    if (value === last) continue;
    last = value;
    list.push({ value, timestamp: at, sourceType });
  }
  return exactReversed(list);
}

/** invoice_status at each reading: overdue while days past due, otherwise an invoice is sometimes open. */
function invoiceVersions(
  plan: CompanyPlan,
  usage: UsageTimeline,
  hasOpenInvoice: boolean,
  rng: Prng,
): PropertyVersion[] {
  const isChurner = plan.outcomeKnown && plan.churned;
  const current = usage.points.length - 1;
  return versions(usage.points, (point, index) => {
    if (index === current) return invoiceStatus(point.daysPastDue, hasOpenInvoice, isChurner);
    if (point.daysPastDue > 0) return 'overdue';
    return !(isChurner && point.at >= plan.renewalAt) && rng.chance(0.25) ? 'open' : 'paid';
  });
}
