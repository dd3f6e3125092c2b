import type { CompanyViewWire, HealthScoreWire, SignalWire } from '@harbor/wire';

/**
 * Example view answers for the card tests and the browser preview: a healthy company, one at risk that is
 * about to change tier, and the no-score cases. Every one must parse with companyViewWire (the tests say so).
 */

const generatedAt = '2026-12-03T12:00:00.000Z';

const healthyScore: HealthScoreWire = {
  companyId: '4242',
  modelVersion: 3,
  segment: 'MID_MARKET',
  score: 78.4,
  tier: 'healthy',
  tierSince: '2026-10-01T12:00:00.000Z',
  pendingTier: null,
  confidence: 86,
  churnProbability: 0.062,
  topDriver: {
    indicator: 'seat_utilisation',
    component: 'usage',
    label: 'Seat utilisation',
    value: 0.42,
    pointsLost: 8.6,
  },
  trend: { d7: 2.5, d30: -1.2, d90: 6 },
  computedAt: '2026-12-03T06:00:00.000Z',
  components: [
    {
      id: 'usage',
      score: 66.3,
      weight: 0.4,
      contribution: 26.52,
      potential: 40,
      indicators: [
        {
          id: 'seat_utilisation',
          component: 'usage',
          label: 'Seat utilisation',
          value: 0.42,
          points: 35,
          weight: 14,
        },
        { id: 'login_trend', component: 'usage', label: 'Login trend', value: 1.1, points: 90, weight: 10 },
        {
          id: 'feature_breadth',
          component: 'usage',
          label: 'Features used',
          value: 9,
          points: 71.3,
          weight: 8,
        },
        {
          id: 'days_since_last_activity',
          component: 'usage',
          label: 'Days since last activity',
          value: 2,
          points: 92.5,
          weight: 8,
        },
      ],
    },
    {
      id: 'support',
      score: 100,
      weight: 0.25,
      contribution: 25,
      potential: 25,
      indicators: [
        { id: 'open_tickets', component: 'support', label: 'Open tickets', value: 0, points: 100, weight: 6 },
      ],
    },
    {
      id: 'payment',
      score: null,
      weight: 0,
      contribution: 0,
      potential: 0,
      indicators: [
        {
          id: 'days_past_due',
          component: 'payment',
          label: 'Days past due',
          value: null,
          points: null,
          weight: 10,
        },
      ],
    },
    {
      id: 'sentiment',
      score: 80,
      weight: 0.35,
      contribution: 28,
      potential: 35,
      indicators: [
        {
          id: 'nps',
          component: 'sentiment',
          label: 'NPS',
          value: 8.4,
          points: 80,
          weight: 8,
          detail: { responses: 4, nps: 25 },
        },
      ],
    },
  ],
  changes: [
    { component: 'usage', delta: 1.8 },
    { component: 'sentiment', delta: -0.7 },
  ],
};

const model: CompanyViewWire['model'] = {
  modelVersion: 3,
  segment: 'MID_MARKET',
  components: [
    {
      id: 'usage',
      weight: 0.4,
      indicators: [
        { id: 'seat_utilisation', label: 'Seat utilisation', weight: 0.35 },
        { id: 'login_trend', label: 'Login trend', weight: 0.25 },
        { id: 'feature_breadth', label: 'Features used', weight: 0.2 },
        { id: 'days_since_last_activity', label: 'Days since last activity', weight: 0.2 },
      ],
    },
    { id: 'support', weight: 0.25, indicators: [{ id: 'open_tickets', label: 'Open tickets', weight: 1 }] },
    { id: 'sentiment', weight: 0.35, indicators: [{ id: 'nps', label: 'NPS', weight: 1 }] },
  ],
  tiers: { healthy: { enter: 70, exit: 65 }, atRisk: { enter: 45, exit: 50 } },
  minDwellDays: 7,
};

const feedback: CompanyViewWire['feedback'] = {
  windowDays: 365,
  nps: { score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 },
  csat: { average: 1.5, responses: 2, scaleMin: 0, scaleMax: 2 },
  ces: { average: 6, responses: 1, scaleMin: 1, scaleMax: 7 },
  latestComment: {
    kind: 'NPS',
    text: 'Onboarding was slow',
    value: 3,
    submittedAt: '2026-11-28T15:00:00.000Z',
  },
};

export const healthyView: CompanyViewWire = {
  company: {
    id: '4242',
    name: 'Acme Corp',
    domain: 'acme.example',
    owner: { id: '77', name: 'Ana Lima', email: 'ana@harbor.example' },
    segment: 'MID_MARKET',
    contractValue: { amount: 42_000, currency: null },
    renewalDate: '2027-01-02',
  },
  score: healthyScore,
  noScoreReason: null,
  dataGaps: [{ component: 'payment', reason: 'not_mapped' }],
  history: [
    { day: '2026-09-04', score: 72.4, tier: 'healthy' },
    { day: '2026-11-03', score: 79.6, tier: 'healthy' },
    { day: '2026-11-26', score: 75.9, tier: 'healthy' },
    { day: '2026-12-03', score: 78.4, tier: 'healthy' },
  ],
  feedback,
  model,
  lastSyncAt: '2026-12-03T05:30:00.000Z',
  signals: [],
  playbooks: [],
  plan: null,
  generatedAt,
};

export const atRiskView: CompanyViewWire = {
  ...healthyView,
  score: {
    ...healthyScore,
    score: 41.2,
    tier: 'watch',
    tierSince: '2026-11-20T00:00:00.000Z',
    pendingTier: 'at_risk',
    churnProbability: 0.31,
    trend: { d7: -9.5, d30: -14, d90: null },
    topDriver: {
      indicator: 'days_since_csm_touch',
      component: 'engagement',
      label: 'Days since CSM touch',
      value: 64,
      pointsLost: 12.4,
    },
    changes: [{ component: 'engagement', delta: -6.2 }],
  },
};

/** A view without a score, for each reason. */
export function unscoredView(reason: NonNullable<CompanyViewWire['noScoreReason']>): CompanyViewWire {
  return {
    ...healthyView,
    score: null,
    noScoreReason: reason,
    dataGaps:
      reason === 'no_data'
        ? [
            { component: 'usage', reason: 'not_mapped' },
            { component: 'sentiment', reason: 'no_answers' },
          ]
        : [],
    history: [],
    lastSyncAt: reason === 'not_synced' ? null : healthyView.lastSyncAt,
  };
}

/** A usage-drop risk, open and due in 3 days, whose defined action is the adoption playbook. */
export const usageDropSignal: SignalWire = {
  id: 31,
  companyId: '4242',
  type: 'usage_drop',
  kind: 'risk',
  severity: 'high',
  status: 'open',
  evidence: [
    { key: 'logins', value: 40 },
    { key: 'logins_previous', value: 120 },
    { key: 'login_drop_share', value: 0.667 },
    { key: 'active_users', value: 6 },
    { key: 'seats', value: 20 },
    { key: 'seat_utilisation', value: 0.3 },
  ],
  ownerId: '77',
  action: { kind: 'playbook', playbook: 'adoption' },
  openedAt: '2026-12-01T06:00:00.000Z',
  dueAt: '2026-12-06T06:00:00.000Z',
  overdue: false,
  actionStartedAt: null,
  escalatedAt: null,
  snoozedUntil: null,
  closedAt: null,
  closeReason: null,
};

/** A renewal opportunity the CSM has acknowledged: the renewal is a month out. */
export const renewalSignal: SignalWire = {
  ...usageDropSignal,
  id: 32,
  type: 'renewal_window',
  kind: 'opportunity',
  severity: 'medium',
  status: 'acknowledged',
  evidence: [
    { key: 'renewal_date', value: null, at: '2027-01-02T00:00:00.000Z' },
    { key: 'days_to_renewal', value: 30 },
    { key: 'health_tier', value: 'watch' },
  ],
  action: { kind: 'playbook', playbook: 'renewal' },
  dueAt: '2026-12-17T06:00:00.000Z',
};

/** A critical ticket past its due date with no action started: escalated to the CS lead. */
export const escalatedTicketSignal: SignalWire = {
  ...usageDropSignal,
  id: 33,
  type: 'critical_ticket',
  severity: 'critical',
  evidence: [
    { key: 'ticket_id', value: '9001' },
    { key: 'ticket_subject', value: 'Exports fail' },
    { key: 'ticket_opened', value: null, at: '2026-11-28T13:00:00.000Z' },
    { key: 'ticket_hours_open', value: 119.5 },
    { key: 'ticket_escalated', value: 'true' },
  ],
  action: { kind: 'task' },
  dueAt: '2026-11-30T13:00:00.000Z',
  overdue: true,
  escalatedAt: '2026-12-01T13:00:00.000Z',
};

/** The sliding company with a risk and an opportunity open, risks first as the service sends them. */
export const signalsView: CompanyViewWire = {
  ...atRiskView,
  signals: [usageDropSignal, renewalSignal],
};
