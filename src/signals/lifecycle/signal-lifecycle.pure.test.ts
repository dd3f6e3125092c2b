import { describe, expect, it } from 'vitest';

import { AppError } from '../../shared/errors/app-error.ts';
import type { SignalFiring } from '../signal-types.ts';
import { reconcileSignals, type ReconcileOptions } from './reconcile-signals.pure.ts';
import { applySignalCommand, escalateIfOverdue, isAccountedFor } from './signal-actions.pure.ts';
import type { SignalState } from './signal-state.ts';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 11, 1);
const options: ReconcileOptions = { dueDays: { low: 20, medium: 10, high: 5, critical: 2 }, ownerId: '77' };
const drop = (share: number, severity: SignalFiring['severity'] = 'high'): SignalFiring => ({
  type: 'usage_drop',
  severity,
  evidence: [{ key: 'logins_drop_share', value: share }],
});

function opened(firing: SignalFiring = drop(0.4), at = t0): SignalState {
  const [transition] = reconcileSignals('9', [], [firing], options, at).opened;
  if (transition === undefined) throw new Error('nothing opened');
  return transition.next;
}

function refused(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the command was not refused');
}

describe('opening and refreshing signals', () => {
  it('when a rule fires for a company with no signal of its type, then one signal opens, owned, due by its severity', () => {
    const result = reconcileSignals('9', [], [drop(0.4), drop(0.5, 'critical')], options, t0);
    expect(result.opened).toHaveLength(1);
    const signal = result.opened[0]!.next;
    // The worse of two firings of one type wins: critical, so 2 days to act.
    expect(signal).toMatchObject({
      companyId: '9',
      type: 'usage_drop',
      kind: 'risk',
      severity: 'critical',
      status: 'open',
      ownerId: '77',
      action: { kind: 'playbook', playbook: 'adoption' },
      dueAt: t0 + 2 * DAY,
    });
    expect(result.opened[0]!.event).toMatchObject({ kind: 'opened', actor: 'harbor', to: 'open' });
  });

  it('when the rule fires again with new evidence, then the same signal is refreshed and no second one opens', () => {
    const signal = opened();
    const result = reconcileSignals('9', [signal], [drop(0.6)], options, t0 + DAY);
    expect(result.opened).toEqual([]);
    expect(result.changed[0]!.next).toMatchObject({
      evidence: [{ key: 'logins_drop_share', value: 0.6 }],
      lastFiredAt: t0 + DAY,
      dueAt: t0 + 5 * DAY,
    });
    expect(result.changed[0]!.event?.kind).toBe('refreshed');
  });

  it('when it fires again unchanged, then only the last-fired time moves and no history line is written', () => {
    const signal = opened();
    const result = reconcileSignals('9', [signal], [drop(0.4)], options, t0 + DAY);
    expect(result.changed[0]!.event).toBeNull();
    expect(result.changed[0]!.next.lastFiredAt).toBe(t0 + DAY);
  });

  it('when it fires again worse, then the severity rises and the due date comes forward, never back', () => {
    const signal = opened(drop(0.4, 'medium'));
    // Medium was due on day 10; critical on day 1 + 2 = day 3.
    const worse = reconcileSignals('9', [signal], [drop(0.7, 'critical')], options, t0 + DAY).changed[0]!;
    expect(worse.next).toMatchObject({ severity: 'critical', dueAt: t0 + 3 * DAY });
    // Milder again: the severity and the due date stay where the worst firing put them.
    const milder = reconcileSignals('9', [worse.next], [drop(0.35, 'low')], options, t0 + 2 * DAY)
      .changed[0]!;
    expect(milder.next).toMatchObject({ severity: 'critical', dueAt: t0 + 3 * DAY });
  });
});

describe('when the data recovers', () => {
  it('when a risk stops firing, then it waits as recovered for its owner to confirm, and does not vanish', () => {
    const signal = { ...opened(), status: 'acknowledged' as const };
    const result = reconcileSignals('9', [signal], [], options, t0 + DAY);
    expect(result.changed[0]!.next).toMatchObject({
      status: 'recovered',
      statusBeforeRecovery: 'acknowledged',
    });
    // Quiet again the next day: nothing more to say.
    expect(reconcileSignals('9', [result.changed[0]!.next], [], options, t0 + 2 * DAY).changed).toEqual([]);
  });

  it('when a recovered risk fires again, then it returns to where it was instead of opening a new one', () => {
    const signal = {
      ...opened(),
      status: 'recovered' as const,
      statusBeforeRecovery: 'acknowledged' as const,
    };
    const result = reconcileSignals('9', [signal], [drop(0.5)], options, t0 + DAY);
    expect(result.opened).toEqual([]);
    expect(result.changed[0]!.next.status).toBe('acknowledged');
    expect(result.changed[0]!.event?.kind).toBe('refired');
  });

  it('when the owner confirms the recovery, then the risk closes as resolved with that reason', () => {
    const signal = { ...opened(), status: 'recovered' as const };
    const { next } = applySignalCommand(signal, { kind: 'confirm_recovery' }, '7001', t0 + DAY);
    expect(next).toMatchObject({ status: 'resolved', closeReason: 'recovered', closedAt: t0 + DAY });
  });

  it('when an opportunity stops firing, then it closes as lapsed', () => {
    const signal = opened({ type: 'renewal_window', severity: 'medium', evidence: [] });
    const result = reconcileSignals('9', [signal], [], options, t0 + DAY);
    expect(result.changed[0]!.next).toMatchObject({ status: 'resolved', closeReason: 'lapsed' });
  });
});

describe("a person's commands", () => {
  it('when a risk is dismissed without a reason, then it is refused and stays open', () => {
    const signal = opened();
    const error = refused(() => applySignalCommand(signal, { kind: 'dismiss', reason: '  ok ' }, '7001', t0));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('needs a reason');
  });

  it('when a risk is dismissed with a reason, then it closes with the reason in its history', () => {
    const transition = applySignalCommand(
      opened(),
      { kind: 'dismiss', reason: 'Seasonal: their office closes in December' },
      '7001',
      t0,
    );
    expect(transition.next).toMatchObject({
      status: 'dismissed',
      closeReason: 'Seasonal: their office closes in December',
    });
    expect(transition.event).toMatchObject({
      kind: 'dismissed',
      actor: '7001',
      from: 'open',
      to: 'dismissed',
    });
  });

  it('when an opportunity is dismissed without a reason, then that is allowed', () => {
    const signal = opened({ type: 'advocacy', severity: 'low', evidence: [] });
    expect(applySignalCommand(signal, { kind: 'dismiss' }, '7001', t0).next.status).toBe('dismissed');
  });

  it('when the owner acknowledges and then starts the action, then the signal is in progress from that moment', () => {
    const acknowledged = applySignalCommand(opened(), { kind: 'acknowledge' }, '7001', t0 + DAY).next;
    expect(acknowledged.status).toBe('acknowledged');
    const started = applySignalCommand(acknowledged, { kind: 'start_action' }, '7001', t0 + 2 * DAY).next;
    expect(started).toMatchObject({ status: 'in_progress', actionStartedAt: t0 + 2 * DAY });
    expect(refused(() => applySignalCommand(started, { kind: 'acknowledge' }, '7001', t0)).code).toBe(
      'CONFLICT',
    );
  });

  it('when a risk is snoozed, then its due date moves to the snooze end, and a third snooze is refused', () => {
    const signal = opened();
    const until = t0 + 10 * DAY;
    const once = applySignalCommand(
      signal,
      { kind: 'snooze', until, reason: 'Customer on holiday' },
      '7001',
      t0,
    ).next;
    expect(once).toMatchObject({ snoozedUntil: until, snoozeCount: 1, dueAt: until });
    const twice = applySignalCommand(
      once,
      { kind: 'snooze', until: until + DAY, reason: 'Still away' },
      '7001',
      t0,
    ).next;
    const third = refused(() =>
      applySignalCommand(twice, { kind: 'snooze', until: until + 2 * DAY, reason: 'Again away' }, '7001', t0),
    );
    expect(third.code).toBe('CONFLICT');
    expect(
      refused(() =>
        applySignalCommand(
          signal,
          { kind: 'snooze', until: t0 + 31 * DAY, reason: 'Long holiday' },
          '7001',
          t0,
        ),
      ).code,
    ).toBe('VALIDATION_FAILED');
  });

  it('when a closed signal gets a command, then it is refused', () => {
    const closed = applySignalCommand(
      opened(),
      { kind: 'resolve', reason: 'Called the sponsor' },
      '7001',
      t0,
    ).next;
    expect(refused(() => applySignalCommand(closed, { kind: 'acknowledge' }, '7001', t0)).code).toBe(
      'CONFLICT',
    );
  });
});

describe('escalation and the never-ignore rule', () => {
  it('when a risk passes its due date with no action, then it escalates once, and is accounted for by that', () => {
    const signal = opened(); // high: due on day 5
    expect(escalateIfOverdue(signal, t0 + 5 * DAY)).toBeNull();
    expect(isAccountedFor(signal, t0 + 5 * DAY)).toBe(true);
    expect(isAccountedFor(signal, t0 + 5 * DAY + 1)).toBe(false);
    const escalated = escalateIfOverdue(signal, t0 + 5 * DAY + 1)!;
    expect(escalated.next.escalatedAt).toBe(t0 + 5 * DAY + 1);
    expect(escalated.event?.kind).toBe('escalated');
    expect(escalateIfOverdue(escalated.next, t0 + 6 * DAY)).toBeNull();
    expect(isAccountedFor(escalated.next, t0 + 30 * DAY)).toBe(true);
  });

  it('when an action started in time, then the signal never escalates', () => {
    const started = applySignalCommand(opened(), { kind: 'start_action' }, '7001', t0 + DAY).next;
    expect(escalateIfOverdue(started, t0 + 30 * DAY)).toBeNull();
    expect(isAccountedFor(started, t0 + 30 * DAY)).toBe(true);
  });

  it('when an opportunity passes its due date, then nothing escalates: the rule is about risks', () => {
    const signal = opened({ type: 'expansion', severity: 'medium', evidence: [] });
    expect(escalateIfOverdue(signal, t0 + 60 * DAY)).toBeNull();
  });
});
