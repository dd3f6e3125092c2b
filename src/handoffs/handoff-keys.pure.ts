import { createHash } from 'node:crypto';

/**
 * Hand-off keys: derived from what is handed off, never random, so the same trigger (a job pass, a double
 * click, a retry) lands on the same hand-off row and at most one HubSpot task (the key is the task's key too).
 */

/** One support hand-off per ticket: a second critical ticket on the account is a new hand-off. */
export function supportHandoffKey(ticketId: string): string {
  return `handoff:support:${ticketId}`;
}

/** One finance hand-off per renewal deal and day: a repeat the same day is the same request. */
export function financeHandoffKey(companyId: string, dealId: string, now: Date): string {
  return `handoff:finance:${companyId}:${dealId}:${now.toISOString().slice(0, 10)}`;
}

/** The same request text for the same company is the same request (case and spacing aside). */
export function automationHandoffKey(companyId: string, note: string): string {
  const normalised = note.trim().replace(/\s+/g, ' ').toLowerCase();
  const digest = createHash('sha256').update(normalised).digest('hex').slice(0, 16);
  return `handoff:automation:${companyId}:${digest}`;
}

/** Calendar quarter in UTC, e.g. `2026-Q4`: a reference candidate is handed to marketing once per quarter. */
export function quarterOf(now: Date): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

export function marketingHandoffKey(companyId: string, now: Date): string {
  return `handoff:marketing:${companyId}:${quarterOf(now)}`;
}
