import { z } from 'zod';

import { isoTimeWire } from './health-score.ts';

/**
 * Risk and opportunity signals as the card, the home pages and the CLI see them, and the commands a person
 * sends about one (`POST /api/signals/:signalId/commands`). The service owns the rules and the lifecycle
 * (src/signals/); this is only what crosses the wire.
 */

export const riskSignalTypes = [
  'usage_drop',
  'critical_ticket',
  'late_payment',
  'executive_complaint',
  'detractor',
  'low_health',
] as const;
export const opportunitySignalTypes = [
  'expansion',
  'advocacy',
  'renewal_window',
  'large_onboarding',
] as const;
export const signalTypes = [...riskSignalTypes, ...opportunitySignalTypes] as const;
export const signalSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const signalStatuses = [
  'open',
  'acknowledged',
  'in_progress',
  'recovered',
  'resolved',
  'dismissed',
] as const;
export const playbookTypes = [
  'onboarding',
  'adoption',
  'expansion',
  'renewal',
  'risk',
  'detractor_follow_up',
] as const;

/** A reason a person can read later; the service refuses a risk's dismissal without one. */
export const signalReasonMaxLength = 1_000;

export const signalActionWire = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('playbook'), playbook: z.enum(playbookTypes) }),
  z.strictObject({ kind: z.literal('task') }),
]);

export const signalEvidenceWire = z.strictObject({
  key: z.string().max(60),
  value: z.union([z.number(), z.string().max(500), z.null()]),
  at: isoTimeWire.optional(),
});

export const signalWire = z.strictObject({
  id: z.number().int(),
  companyId: z.string(),
  type: z.enum(signalTypes),
  kind: z.enum(['risk', 'opportunity']),
  severity: z.enum(signalSeverities),
  status: z.enum(signalStatuses),
  evidence: z.array(signalEvidenceWire).max(20),
  ownerId: z.string().nullable(),
  action: signalActionWire,
  openedAt: isoTimeWire,
  dueAt: isoTimeWire,
  /** A risk with no action started after its due date: escalated, or about to be. */
  overdue: z.boolean(),
  actionStartedAt: isoTimeWire.nullable(),
  escalatedAt: isoTimeWire.nullable(),
  snoozedUntil: isoTimeWire.nullable(),
  closedAt: isoTimeWire.nullable(),
  closeReason: z.string().nullable(),
});

const reason = z.string().trim().max(signalReasonMaxLength, `at most ${signalReasonMaxLength} characters`);

/** What a person can do about a signal; `until` of a snooze is an ISO time within 30 days. */
export const signalCommandWire = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('acknowledge') }),
  z.strictObject({ kind: z.literal('start_action'), note: reason.optional() }),
  z.strictObject({ kind: z.literal('snooze'), until: isoTimeWire, reason: reason.optional() }),
  z.strictObject({ kind: z.literal('confirm_recovery'), note: reason.optional() }),
  z.strictObject({ kind: z.literal('resolve'), reason: reason.optional() }),
  z.strictObject({ kind: z.literal('dismiss'), reason: reason.optional() }),
]);

export const signalPageWire = z.strictObject({
  signals: z.array(signalWire).max(200),
  /** Pass as `before` for the next (older) page; null on the last. */
  nextBefore: z.number().int().nullable(),
});

export type SignalWire = z.infer<typeof signalWire>;
export type SignalCommandWire = z.infer<typeof signalCommandWire>;
export type SignalPageWire = z.infer<typeof signalPageWire>;
