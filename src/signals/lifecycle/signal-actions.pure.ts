import { AppError } from '../../shared/errors/app-error.ts';
import { isActive, type SignalState, type SignalStatus, type SignalTransition } from './signal-state.ts';

const DAY_MS = 86_400_000;
/** Long enough for a customer's holiday; short enough that snoozing cannot quietly bury a risk. */
export const maxSnoozeDays = 30;
/** A risk may be put off this many times; after that its owner acts, resolves or dismisses it. */
export const maxRiskSnoozes = 2;
/** A reason a person can read later: at least a few words' worth of characters. */
export const minReasonLength = 5;
export const maxReasonLength = 1_000;

/** What a person can do to a signal, from the card, the CLI or a workflow action. */
export type SignalCommand =
  | { kind: 'acknowledge' }
  | { kind: 'start_action'; note?: string | undefined }
  | { kind: 'snooze'; until: number; reason?: string | undefined }
  | { kind: 'confirm_recovery'; note?: string | undefined }
  | { kind: 'resolve'; reason?: string | undefined }
  | { kind: 'dismiss'; reason?: string | undefined };

function conflict(signal: SignalState, command: SignalCommand['kind']): AppError {
  return new AppError('CONFLICT', `A ${signal.status} signal cannot be ${pastTense[command]}`);
}

const pastTense: Record<SignalCommand['kind'], string> = {
  acknowledge: 'acknowledged',
  start_action: 'given an action',
  snooze: 'snoozed',
  confirm_recovery: 'confirmed as recovered',
  resolve: 'resolved',
  dismiss: 'dismissed',
};

/** The reason, trimmed; for a risk it must be there — the never-ignore rule. */
function reasonFor(signal: SignalState, raw: string | undefined, what: string): string | null {
  const reason = raw?.trim() ?? '';
  if (reason.length > maxReasonLength)
    throw new AppError('VALIDATION_FAILED', `The reason is longer than ${maxReasonLength} characters`);
  if (reason.length >= minReasonLength) return reason;
  if (signal.kind === 'risk' || reason.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `${what} a risk signal needs a reason of at least ${minReasonLength} characters, so the next person knows why`,
    );
  return null;
}

function optionalNote(raw: string | undefined): string | null {
  const note = raw?.trim() ?? '';
  return note === '' ? null : note.slice(0, maxReasonLength);
}

function moved(
  signal: SignalState,
  to: SignalStatus,
  kind: NonNullable<SignalTransition['event']>['kind'],
  actor: string,
  now: number,
  note: string | null,
  changes: Partial<SignalState> = {},
): SignalTransition {
  return {
    next: { ...signal, ...changes, status: to },
    event: { kind, at: now, actor, from: signal.status, to, note },
  };
}

/**
 * Applies a person's command to a signal, or refuses it with the reason (VALIDATION for a bad request,
 * CONFLICT when the signal is not in a state that allows it). Closed signals take no commands.
 */
export function applySignalCommand(
  signal: SignalState,
  command: SignalCommand,
  actor: string,
  now: number,
): SignalTransition {
  if (!isActive(signal.status)) throw conflict(signal, command.kind);
  switch (command.kind) {
    case 'acknowledge':
      if (signal.status !== 'open') throw conflict(signal, command.kind);
      return moved(signal, 'acknowledged', 'acknowledged', actor, now, null);
    case 'start_action':
      if (signal.status === 'in_progress') throw conflict(signal, command.kind);
      return moved(signal, 'in_progress', 'action_started', actor, now, optionalNote(command.note), {
        actionStartedAt: signal.actionStartedAt ?? now,
        statusBeforeRecovery: null,
      });
    case 'snooze': {
      if (signal.status !== 'open' && signal.status !== 'acknowledged') throw conflict(signal, command.kind);
      if (!(command.until > now) || command.until > now + maxSnoozeDays * DAY_MS)
        throw new AppError(
          'VALIDATION_FAILED',
          `A signal can be snoozed until a day within the next ${maxSnoozeDays} days`,
        );
      if (signal.kind === 'risk' && signal.snoozeCount >= maxRiskSnoozes)
        throw new AppError(
          'CONFLICT',
          `This risk signal was snoozed ${maxRiskSnoozes} times already: start an action, resolve it or dismiss it with a reason`,
        );
      const reason = reasonFor(signal, command.reason, 'Snoozing');
      // The due date moves with the snooze: a snoozed risk escalates when the snooze ends without an action.
      return moved(signal, signal.status, 'snoozed', actor, now, reason, {
        snoozedUntil: command.until,
        snoozeCount: signal.snoozeCount + 1,
        dueAt: Math.max(signal.dueAt, command.until),
      });
    }
    case 'confirm_recovery':
      if (signal.status !== 'recovered') throw conflict(signal, command.kind);
      return moved(
        signal,
        'resolved',
        'recovery_confirmed',
        actor,
        now,
        optionalNote(command.note) ?? 'recovered',
        {
          closedAt: now,
          closeReason: optionalNote(command.note) ?? 'recovered',
        },
      );
    case 'resolve': {
      const reason = reasonFor(signal, command.reason, 'Resolving');
      return moved(signal, 'resolved', 'resolved', actor, now, reason, {
        closedAt: now,
        closeReason: reason ?? 'resolved',
      });
    }
    case 'dismiss': {
      const reason = reasonFor(signal, command.reason, 'Dismissing');
      return moved(signal, 'dismissed', 'dismissed', actor, now, reason, {
        closedAt: now,
        closeReason: reason ?? 'dismissed',
      });
    }
  }
}

/**
 * A risk signal past its due date with no action started escalates, once: the caller creates the task for
 * the CS lead and the weekly review puts it first. Snoozed signals wait for their snooze (which moved the due
 * date); recovered ones wait for their owner's confirmation, which is an action of its own.
 */
export function escalateIfOverdue(signal: SignalState, now: number): SignalTransition | null {
  if (signal.kind !== 'risk' || signal.escalatedAt !== null || signal.actionStartedAt !== null) return null;
  if (signal.status !== 'open' && signal.status !== 'acknowledged') return null;
  if (now <= signal.dueAt) return null;
  return {
    next: { ...signal, escalatedAt: now },
    event: {
      kind: 'escalated',
      at: now,
      actor: 'harbor',
      from: signal.status,
      to: signal.status,
      note: null,
    },
  };
}

/**
 * The never-ignore rule as a predicate: a risk signal is accounted for when it is inside its due window, has
 * an action started, has escalated, waits for its owner to confirm a recovery, or was closed with a reason.
 */
export function isAccountedFor(signal: SignalState, now: number): boolean {
  if (signal.kind !== 'risk') return true;
  if (signal.status === 'resolved' || signal.status === 'dismissed')
    return signal.closeReason !== null && signal.closeReason.trim() !== '';
  return (
    now <= signal.dueAt ||
    signal.actionStartedAt !== null ||
    signal.escalatedAt !== null ||
    signal.status === 'recovered'
  );
}
