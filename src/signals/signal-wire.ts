import type { SignalWire } from '@harbor/wire';

import type { SignalRecord } from '../store/repositories/signals-repository.ts';

const iso = (time: number | null): string | null => (time === null ? null : new Date(time).toISOString());

/** A stored signal as the wire carries it, as of `now` (which decides "overdue"). */
export function toSignalWire(signal: SignalRecord, now: number): SignalWire {
  const waiting = signal.status === 'open' || signal.status === 'acknowledged';
  return {
    id: signal.id,
    companyId: signal.companyId,
    type: signal.type,
    kind: signal.kind,
    severity: signal.severity,
    status: signal.status,
    evidence: signal.evidence.map((item) => ({
      key: item.key,
      value: typeof item.value === 'string' ? item.value.slice(0, 500) : item.value,
      ...(item.at === undefined ? {} : { at: item.at }),
    })),
    ownerId: signal.ownerId,
    action: signal.action,
    openedAt: new Date(signal.openedAt).toISOString(),
    dueAt: new Date(signal.dueAt).toISOString(),
    overdue: signal.kind === 'risk' && waiting && signal.actionStartedAt === null && now > signal.dueAt,
    actionStartedAt: iso(signal.actionStartedAt),
    escalatedAt: iso(signal.escalatedAt),
    snoozedUntil: iso(signal.snoozedUntil),
    closedAt: iso(signal.closedAt),
    closeReason: signal.closeReason,
  };
}
