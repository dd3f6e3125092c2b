import type { CompanyViewWire, PlanSummaryWire, PlaybookRunWire } from '@harbor/wire';

import { signalsView } from './company-view.fixtures.ts';

/**
 * Example playbook runs and an action plan for the card tests, on the sliding company of the signals'
 * fixtures (the view is generated on Dec 3, 2026). Every one must parse with companyViewWire.
 */

/** The renewal playbook, 2 of 5 steps done: one task open in HubSpot, the next queued, the last not reached. */
export const renewalRun: PlaybookRunWire = {
  id: 501,
  companyId: '4242',
  playbook: 'renewal',
  status: 'running',
  signalId: 32,
  startedBy: 'signal:32',
  startedAt: '2026-11-20T12:00:00.000Z',
  completedSteps: 2,
  steps: [
    {
      index: 0,
      title: 'Account review',
      status: 'completed',
      ownerId: '77',
      dueAt: '2026-11-25T12:00:00.000Z',
      completedAt: '2026-11-24T15:00:00.000Z',
      hubspotTaskId: '8101',
    },
    {
      index: 1,
      title: 'Value summary',
      status: 'completed',
      ownerId: '77',
      dueAt: '2026-11-30T12:00:00.000Z',
      completedAt: '2026-11-29T15:00:00.000Z',
      hubspotTaskId: '8102',
    },
    {
      index: 2,
      title: 'Review open risks with the champion',
      status: 'open',
      ownerId: '77',
      dueAt: '2026-12-08T12:00:00.000Z',
      completedAt: null,
      hubspotTaskId: '8103',
    },
    {
      index: 3,
      title: 'Renewal proposal',
      status: 'waiting',
      ownerId: null,
      dueAt: null,
      completedAt: null,
      hubspotTaskId: null,
    },
    {
      index: 4,
      title: 'Hand a price change to finance',
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
};

/** The adoption playbook, snoozed until Dec 10 with its first task overdue. */
export const snoozedAdoptionRun: PlaybookRunWire = {
  ...renewalRun,
  id: 502,
  playbook: 'adoption',
  signalId: null,
  startedBy: 'user:7001',
  completedSteps: 0,
  steps: [
    {
      index: 0,
      title: 'Usage check-in call',
      status: 'open',
      ownerId: '77',
      dueAt: '2026-12-01T12:00:00.000Z',
      completedAt: null,
      hubspotTaskId: '8201',
    },
    {
      index: 1,
      title: 'Training session',
      status: 'pending',
      ownerId: null,
      dueAt: null,
      completedAt: null,
      hubspotTaskId: null,
    },
  ],
  snoozedUntil: '2026-12-10T03:00:00.000Z',
};

/** A risk playbook cancelled a week ago, with its reason. */
export const cancelledRiskRun: PlaybookRunWire = {
  ...renewalRun,
  id: 490,
  playbook: 'risk',
  status: 'cancelled',
  completedSteps: 1,
  steps: [
    {
      index: 0,
      title: 'Call the sponsor',
      status: 'completed',
      ownerId: '77',
      dueAt: '2026-11-22T12:00:00.000Z',
      completedAt: '2026-11-21T15:00:00.000Z',
      hubspotTaskId: '8001',
    },
    {
      index: 1,
      title: 'Executive business review',
      status: 'cancelled',
      ownerId: null,
      dueAt: null,
      completedAt: null,
      hubspotTaskId: null,
    },
  ],
  endedAt: '2026-11-26T12:00:00.000Z',
  cancelReason: 'Sponsor replaced; restarting after the handover',
};

/** The account is at risk; its plan was never reviewed and has not moved in over a week. */
export const staleRiskPlan: PlanSummaryWire = {
  kind: 'at_risk',
  nextSteps: [
    {
      title: 'Usage check-in call',
      playbookRunId: 502,
      dueAt: '2026-12-01T12:00:00.000Z',
      overdue: true,
      hubspotTaskId: '8201',
    },
    {
      title: 'Review open risks with the champion',
      playbookRunId: 501,
      dueAt: '2026-12-08T12:00:00.000Z',
      overdue: false,
      hubspotTaskId: '8103',
    },
  ],
  lastReviewedAt: null,
  lastUpdatedAt: '2026-11-24T15:00:00.000Z',
  stale: true,
};

/** The sliding company with its signals, two running playbooks, one ended, and its plan. */
export const playbooksView: CompanyViewWire = {
  ...signalsView,
  playbooks: [renewalRun, snoozedAdoptionRun, cancelledRiskRun],
  plan: staleRiskPlan,
};
