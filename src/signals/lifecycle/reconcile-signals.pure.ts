import { signalKind, signalSeverities, type SignalFiring, type SignalSeverity } from '../signal-types.ts';
import { definedAction } from './defined-actions.pure.ts';
import { isActive, type SignalState, type SignalTransition } from './signal-state.ts';

const DAY_MS = 86_400_000;

export interface ReconcileOptions {
  /** Days an owner has to start an action, per severity. */
  dueDays: Readonly<Record<SignalSeverity, number>>;
  /** The company's owner (HubSpot owner id), else the settings' fallback; null when neither is set. */
  ownerId: string | null;
}

export interface Reconciliation {
  /** Signals to open: one per type that fired with none active. */
  opened: SignalTransition[];
  /** Active signals whose state changed: refreshed evidence, fired again after recovery, recovered, lapsed. */
  changed: SignalTransition[];
}

function rank(severity: SignalSeverity): number {
  return signalSeverities.indexOf(severity);
}

function open(
  companyId: string,
  firing: SignalFiring,
  options: ReconcileOptions,
  now: number,
): SignalTransition {
  const next: SignalState = {
    companyId,
    type: firing.type,
    kind: signalKind(firing.type),
    severity: firing.severity,
    status: 'open',
    evidence: firing.evidence,
    ownerId: options.ownerId,
    action: definedAction(firing.type),
    openedAt: now,
    dueAt: now + options.dueDays[firing.severity] * DAY_MS,
    lastFiredAt: now,
    actionStartedAt: null,
    escalatedAt: null,
    snoozedUntil: null,
    snoozeCount: 0,
    statusBeforeRecovery: null,
    closedAt: null,
    closeReason: null,
  };
  return { next, event: { kind: 'opened', at: now, actor: 'harbor', from: null, to: 'open', note: null } };
}

/** A signal that fires again: new evidence; a worse severity brings its due date forward, never back. */
function refire(
  signal: SignalState,
  firing: SignalFiring,
  options: ReconcileOptions,
  now: number,
): SignalTransition {
  const worse = rank(firing.severity) > rank(signal.severity);
  const dueAt = worse
    ? Math.min(signal.dueAt, now + options.dueDays[firing.severity] * DAY_MS)
    : signal.dueAt;
  const base = {
    ...signal,
    evidence: firing.evidence,
    severity: worse ? firing.severity : signal.severity,
    lastFiredAt: now,
    dueAt,
  };
  if (signal.status === 'recovered') {
    const status = signal.statusBeforeRecovery ?? 'open';
    return {
      next: { ...base, status, statusBeforeRecovery: null },
      event: { kind: 'refired', at: now, actor: 'harbor', from: 'recovered', to: status, note: null },
    };
  }
  const news = worse || JSON.stringify(firing.evidence) !== JSON.stringify(signal.evidence);
  return {
    next: base,
    event: news
      ? { kind: 'refreshed', at: now, actor: 'harbor', from: signal.status, to: signal.status, note: null }
      : null,
  };
}

/**
 * A signal whose rule no longer fires. A risk moves to "recovered, confirm": its owner confirms the recovery
 * (or acts), so a risk that merely went quiet for a day is never lost. An opportunity that lapsed closes.
 */
function quiet(signal: SignalState, now: number): SignalTransition | null {
  if (signal.status === 'recovered' || !isActive(signal.status)) return null;
  if (signal.kind === 'risk') {
    return {
      next: { ...signal, status: 'recovered', statusBeforeRecovery: signal.status },
      event: {
        kind: 'recovered',
        at: now,
        actor: 'harbor',
        from: signal.status,
        to: 'recovered',
        note: null,
      },
    };
  }
  return {
    next: { ...signal, status: 'resolved', closedAt: now, closeReason: 'lapsed' },
    event: { kind: 'lapsed', at: now, actor: 'harbor', from: signal.status, to: 'resolved', note: 'lapsed' },
  };
}

/**
 * What one evaluation of a company's rules does to its signals: open what fired and has no active signal
 * (one active signal per company and type), refresh what fired again, and move what stopped firing.
 */
export function reconcileSignals(
  companyId: string,
  active: readonly SignalState[],
  firings: readonly SignalFiring[],
  options: ReconcileOptions,
  now: number,
): Reconciliation {
  const byType = new Map(
    active.filter((signal) => isActive(signal.status)).map((signal) => [signal.type, signal]),
  );
  const fired = new Map<string, SignalFiring>();
  for (const firing of firings) {
    const seen = fired.get(firing.type);
    if (seen === undefined || rank(firing.severity) > rank(seen.severity)) fired.set(firing.type, firing);
  }
  const opened: SignalTransition[] = [];
  const changed: SignalTransition[] = [];
  for (const firing of fired.values()) {
    const signal = byType.get(firing.type);
    if (signal === undefined) opened.push(open(companyId, firing, options, now));
    else changed.push(refire(signal, firing, options, now));
  }
  for (const signal of byType.values()) {
    if (fired.has(signal.type)) continue;
    const transition = quiet(signal, now);
    if (transition !== null) changed.push(transition);
  }
  return { opened, changed };
}
