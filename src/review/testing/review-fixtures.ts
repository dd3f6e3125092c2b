import type { PlaybookRunWire, SignalWire } from '@harbor/wire';

import type { PlanFacts } from '../action-plans.pure.ts';

/** A signal as the wire carries it; open, risk, late payment unless told otherwise. */
export function signal(overrides: Partial<SignalWire> = {}): SignalWire {
  return {
    id: 1,
    companyId: '2001',
    type: 'late_payment',
    kind: 'risk',
    severity: 'high',
    status: 'open',
    evidence: [{ key: 'days_past_due', value: 40 }],
    ownerId: '501',
    action: { kind: 'task' },
    openedAt: '2026-11-20T09:00:00.000Z',
    dueAt: '2026-11-25T09:00:00.000Z',
    overdue: false,
    actionStartedAt: null,
    escalatedAt: null,
    snoozedUntil: null,
    closedAt: null,
    closeReason: null,
    ...overrides,
  };
}

/** A running risk playbook whose second of three steps is open. */
export function runningPlaybook(overrides: Partial<PlaybookRunWire> = {}): PlaybookRunWire {
  return {
    id: 7,
    companyId: '2001',
    playbook: 'risk',
    status: 'running',
    signalId: 1,
    startedBy: 'harbor',
    startedAt: '2026-11-18T09:00:00.000Z',
    completedSteps: 1,
    steps: [
      {
        index: 0,
        title: 'Call the sponsor',
        status: 'completed',
        ownerId: '501',
        dueAt: '2026-11-19T09:00:00.000Z',
        completedAt: '2026-11-19T08:00:00.000Z',
        hubspotTaskId: '9001',
      },
      {
        index: 1,
        title: 'Agree a recovery plan',
        status: 'open',
        ownerId: '501',
        dueAt: '2026-11-26T09:00:00.000Z',
        completedAt: null,
        hubspotTaskId: '9002',
      },
      {
        index: 2,
        title: 'Check usage again',
        status: 'pending',
        ownerId: null,
        dueAt: null,
        completedAt: null,
        hubspotTaskId: null,
      },
    ],
    snoozedUntil: null,
    endedAt: null,
    cancelReason: null,
    ...overrides,
  };
}

/** An at-risk company owned by Casey with nothing done about it yet. */
export function planFacts(overrides: Partial<PlanFacts> = {}): PlanFacts {
  return {
    companyId: '2001',
    companyName: 'Acme Logistics',
    ownerId: '501',
    ownerName: 'Casey Moss',
    tier: 'at_risk',
    score: 24,
    tierSince: Date.parse('2026-11-10T00:00:00.000Z'),
    signals: [],
    playbooks: [],
    openTasks: [],
    lastReviewedAt: null,
    lastStepCompletedAt: null,
    lastPersonEventAt: null,
    ...overrides,
  };
}
