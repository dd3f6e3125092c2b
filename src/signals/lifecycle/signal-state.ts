import { playbookTypes, signalStatuses } from '@harbor/wire';

import type { SignalEvidenceItem, SignalKind, SignalSeverity, SignalType } from '../signal-types.ts';

/**
 * Where a signal stands. Active: open (nobody has looked), acknowledged (the owner has seen it), in_progress
 * (an action — a playbook or a task — has started), recovered (a risk whose data came back to normal: the
 * owner confirms before it closes, so a risk never just vanishes). Closed: resolved or dismissed, each with a
 * reason for risks.
 */
export { signalStatuses };
export type SignalStatus = (typeof signalStatuses)[number];
export const activeSignalStatuses = ['open', 'acknowledged', 'in_progress', 'recovered'] as const;
export type ActiveSignalStatus = (typeof activeSignalStatuses)[number];

export function isActive(status: SignalStatus): status is ActiveSignalStatus {
  return (activeSignalStatuses as readonly string[]).includes(status);
}

/** The action a signal is defined to get: a playbook to start, or a single task for its owner. */
export type SignalAction = { kind: 'playbook'; playbook: PlaybookType } | { kind: 'task' };
export { playbookTypes };
export type PlaybookType = (typeof playbookTypes)[number];

/** A signal as the lifecycle reasons about it; times are epoch ms. */
export interface SignalState {
  companyId: string;
  type: SignalType;
  kind: SignalKind;
  severity: SignalSeverity;
  status: SignalStatus;
  evidence: SignalEvidenceItem[];
  ownerId: string | null;
  action: SignalAction;
  openedAt: number;
  /** By when an action must have started; after it, a risk signal without one escalates. */
  dueAt: number;
  lastFiredAt: number;
  actionStartedAt: number | null;
  escalatedAt: number | null;
  snoozedUntil: number | null;
  snoozeCount: number;
  /** The status a recovered signal returns to if it fires again. */
  statusBeforeRecovery: ActiveSignalStatus | null;
  closedAt: number | null;
  closeReason: string | null;
}

export type SignalEventKind =
  | 'opened'
  | 'refreshed'
  | 'refired'
  | 'recovered'
  | 'recovery_confirmed'
  | 'lapsed'
  | 'escalated'
  | 'acknowledged'
  | 'action_started'
  | 'snoozed'
  | 'resolved'
  | 'dismissed';

/** One line of a signal's history: what happened, who did it, and the status before and after. */
export interface SignalEvent {
  kind: SignalEventKind;
  at: number;
  /** 'harbor' for what the rules and jobs do; otherwise the HubSpot user id that acted. */
  actor: string;
  from: SignalStatus | null;
  to: SignalStatus;
  note: string | null;
}

/**
 * A change the lifecycle decided: the signal's new state and the history line that explains it — none when
 * only the last-fired time moved (a rule firing again with the same evidence is not news).
 */
export interface SignalTransition {
  next: SignalState;
  event: SignalEvent | null;
}
