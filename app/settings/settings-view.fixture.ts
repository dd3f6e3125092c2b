import type { HealthModel, SettingsViewWire } from '@harbor/wire';

/**
 * A settings view as the service answers it, for the page's tests and its browser preview: two segments
 * whose weights add up to 100, one pending calibration proposal with a report card, three model versions.
 */

const weights = {
  seat_utilisation: 20,
  login_trend: 10,
  open_tickets: 15,
  days_past_due: 10,
  invoice_status: 5,
  days_since_csm_touch: 20,
  nps: 20,
};

export const fixtureModel: HealthModel = {
  segmentation: {
    kind: 'values',
    property: 'plan_tier',
    values: { starter: 'SMB', enterprise: 'ENTERPRISE' },
  },
  defaultSegment: 'SMB',
  segments: {
    SMB: {
      weights,
      tiers: { healthy: { enter: 70, exit: 65 }, atRisk: { enter: 45, exit: 50 } },
      probability: { intercept: 3, slope: -0.07 },
    },
    ENTERPRISE: {
      weights: { ...weights, seat_utilisation: 10, days_since_csm_touch: 30 },
      tiers: { healthy: { enter: 75, exit: 70 }, atRisk: { enter: 40, exit: 45 } },
      probability: { intercept: 2.5, slope: -0.07 },
    },
  },
  properties: {
    seats: 'seats_purchased',
    activeUsers: 'active_users_30d',
    logins: 'logins_30d',
    loginsPrevious: 'logins_prev_30d',
    featuresUsed: null,
    lastActivity: 'last_login_date',
    daysPastDue: 'days_past_due',
    invoiceStatus: 'invoice_status',
    lastCsmTouch: 'notes_last_contacted',
    lastMeeting: null,
    lastReply: null,
  },
  curves: {
    seat_utilisation: [
      [0.2, 0],
      [0.9, 100],
    ],
    login_trend: [
      [0.5, 0],
      [1.3, 100],
    ],
    open_tickets: [
      [0, 100],
      [6, 0],
    ],
    days_past_due: [
      [0, 100],
      [60, 0],
    ],
    days_since_csm_touch: [
      [7, 100],
      [90, 0],
    ],
    nps: [
      [-100, 0],
      [50, 100],
    ],
  },
  customIndicators: [
    {
      kind: 'enumeration',
      id: 'onboarding',
      label: 'Onboarding stage',
      property: 'onboarding_stage',
      points: { done: 100, started: 50, not_started: 0 },
    },
  ],
  support: {
    lookbackDays: 90,
    slaHours: { HIGH: 8, default: 48 },
    urgentPriorities: ['HIGH'],
    escalationProperty: null,
  },
  payment: { invoiceStatusPoints: { paid: 100, open: 60, overdue: 0 } },
  sentiment: { halfLifeDays: 90, maxAgeDays: 365, fullConfidenceResponses: 3 },
  outcomes: { churnFlag: null, churnDateProperty: null, renewalPipelineLabel: 'Renewal', leadDays: 90 },
  minDwellDays: 14,
};

const card = (segment: string, auc: number, falseGreenRate: number) => ({
  segment,
  accounts: 240,
  churned: 31,
  unscored: 3,
  auc,
  topDecileLift: 2.1,
  brier: 0.094,
  falseGreenRate,
});

export function fixtureView(overrides: Partial<SettingsViewWire> = {}): SettingsViewWire {
  return {
    active: {
      version: 3,
      model: fixtureModel,
      source: 'admin',
      createdBy: 'hubspot-user:7001',
      createdAt: '2026-11-30T14:05:00.000Z',
    },
    mappedProperties: { companies: ['plan_tier', 'seats_purchased', 'onboarding_stage'], tickets: [] },
    companyProperties: {
      source: 'hubspot',
      truncated: false,
      properties: [
        { name: 'company_size', label: 'Company size', type: 'enumeration', options: [] },
        {
          name: 'plan_tier',
          label: 'Plan tier',
          type: 'enumeration',
          options: [
            { label: 'Starter', value: 'starter' },
            { label: 'Enterprise', value: 'enterprise' },
          ],
        },
      ],
    },
    proposals: [
      {
        id: 12,
        createdAt: '2026-12-01T09:00:00.000Z',
        createdBy: 'hubspot-user:7001',
        createdByName: 'Ana Souza',
        baseModelVersion: 3,
        status: 'proposed',
        decidedBy: null,
        decidedAt: null,
        report: {
          leadDays: 90,
          outcomes: 160,
          cases: 480,
          heldOutCases: 120,
          current: { overall: card('all', 0.68, 0.14), segments: [card('SMB', 0.66, 0.16)] },
          proposed: { overall: card('all', 0.74, 0.09), segments: [card('SMB', 0.73, 0.1)] },
          weights: { SMB: { usage: 35, support: 15, payment: 15, engagement: 15, sentiment: 20, custom: 0 } },
          recommendation: { apply: true, reason: 'Ranks churners better on held-out companies.' },
        },
      },
    ],
    history: {
      versions: [
        {
          version: 3,
          source: 'admin',
          createdBy: 'hubspot-user:7001',
          createdByName: 'Ana Souza',
          createdAt: '2026-11-30T14:05:00.000Z',
          changes: [{ path: 'segments.SMB.tiers.healthy.enter', before: '72', after: '70' }],
          moreChanges: 0,
        },
        {
          version: 2,
          source: 'calibration',
          createdBy: 'hubspot-user:7001',
          createdByName: 'Ana Souza',
          createdAt: '2026-11-20T10:00:00.000Z',
          changes: [{ path: 'segments.SMB.weights.nps', before: '15', after: '20' }],
          moreChanges: 3,
        },
      ],
      before: '2',
    },
    canEdit: true,
    ...overrides,
  };
}
