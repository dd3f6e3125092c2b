import { sigmoid } from './churn-model.ts';
import type { CompanyPlan } from './company-plan.ts';
import type { Prng } from './prng.ts';
import { daysSinceCsmContact, daysSinceLastLogin } from './signal-maps.ts';
import { DAY_MS, HOUR_MS } from './wire-values.ts';

/** When the customer last logged in and last heard from its CSM, as of today. */
export interface CompanyEngagement {
  lastLoginAt: number;
  lastContactedAt: number;
  contactedNotes: number;
  /** An invoice issued and not yet due (shown as `open` when nothing is overdue). */
  hasOpenInvoice: boolean;
  lastMeetingAt?: number;
}

const DRIFT = 0.85;
const DRIFT_NOISE = Math.sqrt(1 - DRIFT * DRIFT);

/**
 * Today's engagement values. For an upcoming renewal they are the model's signals read today. A renewed
 * customer's have drifted since the prediction point; a churner stopped logging in just before its renewal and
 * had an exit conversation around it.
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
  const lastContactedAt = Math.max(
    plan.createdAt,
    reference - daysSinceCsmContact(contactZ) * DAY_MS - rng.int(1, 10) * HOUR_MS,
  );
  const months = (reference - plan.createdAt) / (30 * DAY_MS);
  const contactedNotes = Math.max(1, rng.poisson(months * 0.5 * Math.exp(-0.5 * contactZ)));
  const engagement: CompanyEngagement = {
    lastLoginAt,
    lastContactedAt,
    contactedNotes,
    hasOpenInvoice: rng.chance(0.25),
  };
  if (rng.chance(sigmoid(1.2 - 0.6 * contactZ))) {
    const meetingDays = Math.exp(3.2 + 0.6 * contactZ + 0.5 * rng.normal());
    engagement.lastMeetingAt = Math.max(
      plan.createdAt,
      reference - Math.floor(meetingDays) * DAY_MS - 3 * HOUR_MS,
    );
  }
  return engagement;
}
