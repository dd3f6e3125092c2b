import { PAYMENT_LATE_THRESHOLD, sigmoid } from './churn-model.ts';

/**
 * Monotone maps from a standardized signal z to the property value a CSM sees. Each is chosen to give the
 * value a realistic spread: most customers use two thirds of their seats, log in every day or two, pay on time
 * and hear from their CSM every few weeks, with long tails the other way.
 */

/** Share of purchased seats active in 30 days: 0.69 at z = 0, 0.23 at −2, 0.94 at +2. */
export function seatUtilisation(z: number): number {
  return sigmoid(0.8 + z);
}

/** Features used out of 20: about 9 at z = 0. */
export function featuresUsed(z: number): number {
  return Math.min(20, Math.max(1, Math.round(20 * sigmoid(-0.1 + 0.9 * z))));
}

/** logins_30d / logins_prev_30d: 0.55 at z = −2, 1.8 at +2. */
export function loginTrendRatio(z: number): number {
  return Math.exp(0.3 * z);
}

/** Days since anyone logged in; capped below 30 because the account still has active users. */
export function daysSinceLastLogin(z: number): number {
  return Math.min(29, Math.floor(Math.exp(0.6 + z)));
}

/** Days the oldest open invoice is overdue: 0 for the ~84 % below the lateness threshold, then 8 days and up. */
export function daysPastDue(z: number): number {
  return z > PAYMENT_LATE_THRESHOLD ? Math.round(8 + 40 * (z - PAYMENT_LATE_THRESHOLD)) : 0;
}

/** Days since the CSM last logged contact: 16 at z = 0, 82 at +2, 3 at −2. */
export function daysSinceCsmContact(z: number): number {
  return Math.min(365, Math.floor(Math.exp(2.8 + 0.8 * z)));
}

/** Support tickets a year: more for bigger customers and for unhappy ones. */
export function annualTicketRate(segmentBase: number, z: number): number {
  return segmentBase * Math.exp(0.45 * z);
}

/** Expected urgent tickets open at any moment: 0.12 at z = 0, 0.9 at +2 (about one customer in six has one). */
export function openUrgentTicketMean(z: number): number {
  return 0.12 * Math.exp(z);
}
