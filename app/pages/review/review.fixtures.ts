import type { ActionPlanWire, SignalWire, WeeklyReviewWire } from '@harbor/wire';

export const latePayment: SignalWire = {
  id: 12,
  companyId: '2001',
  type: 'late_payment',
  kind: 'risk',
  severity: 'high',
  status: 'open',
  evidence: [{ key: 'days_past_due', value: 40 }],
  ownerId: '501',
  action: { kind: 'task' },
  openedAt: '2026-11-10T09:00:00.000Z',
  dueAt: '2026-11-15T09:00:00.000Z',
  overdue: true,
  actionStartedAt: null,
  escalatedAt: '2026-11-15T10:00:00.000Z',
  snoozedUntil: null,
  closedAt: null,
  closeReason: null,
};

export const acmePlan: ActionPlanWire = {
  kind: 'at_risk',
  companyId: '2001',
  companyName: 'Acme Logistics',
  ownerId: '501',
  ownerName: 'Casey Moss',
  tier: 'at_risk',
  score: 24,
  signals: [latePayment],
  playbooks: [
    {
      id: 7,
      companyId: '2001',
      playbook: 'risk',
      status: 'running',
      signalId: 12,
      startedBy: 'harbor',
      startedAt: '2026-11-16T09:00:00.000Z',
      completedSteps: 1,
      steps: [
        {
          index: 0,
          title: 'Call the sponsor',
          status: 'completed',
          ownerId: '501',
          dueAt: '2026-11-17T09:00:00.000Z',
          completedAt: '2026-11-16T15:00:00.000Z',
          hubspotTaskId: '9001',
        },
        {
          index: 1,
          title: 'Agree a recovery plan',
          status: 'open',
          ownerId: '501',
          dueAt: '2026-11-20T15:00:00.000Z',
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
    },
  ],
  nextSteps: [
    {
      title: 'Agree a recovery plan',
      playbookRunId: 7,
      dueAt: '2026-11-20T15:00:00.000Z',
      overdue: true,
      hubspotTaskId: '9002',
    },
  ],
  lastReviewedAt: null,
  lastUpdatedAt: '2026-11-16T15:00:00.000Z',
  stale: true,
};

export const gammaPlan: ActionPlanWire = {
  kind: 'expansion',
  companyId: '2003',
  companyName: 'Gamma Tools',
  ownerId: '501',
  ownerName: 'Casey Moss',
  tier: 'healthy',
  score: 88,
  signals: [
    {
      ...latePayment,
      id: 13,
      companyId: '2003',
      type: 'expansion',
      kind: 'opportunity',
      severity: 'medium',
      overdue: false,
      escalatedAt: null,
    },
  ],
  playbooks: [],
  nextSteps: [],
  lastReviewedAt: '2026-11-23T13:00:00.000Z',
  lastUpdatedAt: '2026-11-23T13:00:00.000Z',
  stale: false,
};

/** Casey: Acme at risk (stale, escalated), Gamma expanding (reviewed yesterday); Echo has no owner. */
export function weeklyReview(overrides: Partial<WeeklyReviewWire> = {}): WeeklyReviewWire {
  return {
    generatedAt: '2026-11-24T12:00:00.000Z',
    escalated: [latePayment],
    owners: [
      {
        ownerId: '501',
        ownerName: 'Casey Moss',
        atRisk: [acmePlan],
        expansion: [gammaPlan],
        stalePlans: 1,
        escalatedSignals: 1,
      },
      {
        ownerId: null,
        ownerName: null,
        atRisk: [
          {
            ...acmePlan,
            companyId: '2005',
            companyName: null,
            ownerId: null,
            ownerName: null,
            signals: [],
            playbooks: [],
            nextSteps: [],
          },
        ],
        expansion: [],
        stalePlans: 1,
        escalatedSignals: 0,
      },
    ],
    lastReviewTasksAt: '2026-11-23T11:07:00.000Z',
    ...overrides,
  };
}
