import type { HealthModel, SegmentModel, TierBands } from './health-model-schema.ts';

/**
 * The model every portal starts with, before any calibration. Each choice is explained in
 * docs/health-score.md ("Defaults and why"); the short version sits beside each value.
 */

// Usage carries the most weight, as in published practitioner models (usage ~30–40 %, docs/cs-domain.md §3):
// what customers do predicts renewal better than what they say. Support, payment, engagement and sentiment
// share the rest; within a component the sharpest signal weighs most.
const baseWeights = {
  seat_utilisation: 14,
  login_trend: 10,
  feature_breadth: 8,
  days_since_last_activity: 8,
  open_tickets: 6,
  urgent_share: 3,
  time_to_close_vs_sla: 3,
  escalated_tickets: 3,
  days_past_due: 10,
  invoice_status: 5,
  days_since_csm_touch: 8,
  days_since_meeting: 4,
  days_since_reply: 3,
  nps: 8,
  csat: 4,
  ces: 3,
} as const;

// Healthy from 70, at risk below 45; leaving takes five more points (65 and 50), so a score that wobbles by a
// few points around a line keeps its tier.
const tiers: TierBands = {
  healthy: { enter: 70, exit: 65 },
  atRisk: { enter: 45, exit: 50 },
};

/**
 * Uncalibrated churn probability: about the segment's base rate at a score of 70, doubling in odds every 10
 * points lower. Calibration replaces it with a fitted one.
 */
function segmentModel(
  baseChurn: number,
  adjust: Partial<Record<keyof typeof baseWeights, number>>,
): SegmentModel {
  const slope = -Math.LN2 / 10;
  const intercept = Math.log(baseChurn / (1 - baseChurn)) - slope * 70;
  return {
    weights: { ...baseWeights, ...adjust },
    tiers,
    probability: { intercept, slope },
  };
}

export const defaultHealthModel: HealthModel = {
  // Size band from annual contract value: the usual SMB / mid-market / enterprise cut.
  segmentation: {
    kind: 'bands',
    property: 'contract_value',
    bands: [
      { below: 15_000, segment: 'SMB' },
      { below: 100_000, segment: 'MID_MARKET' },
    ],
    top: 'ENTERPRISE',
  },
  defaultSegment: 'MID_MARKET',
  segments: {
    // Small accounts are bought and left on usage; few have a CSM relationship to lose.
    SMB: segmentModel(0.15, {
      seat_utilisation: 16,
      login_trend: 12,
      feature_breadth: 9,
      days_since_csm_touch: 5,
      days_since_meeting: 2,
    }),
    MID_MARKET: segmentModel(0.1, {}),
    // Enterprise renewals ride on relationships and support as much as on usage; usage gives up what they gain,
    // so every segment's weights still sum to 100.
    ENTERPRISE: segmentModel(0.06, {
      login_trend: 7,
      feature_breadth: 6,
      days_since_last_activity: 6,
      days_since_csm_touch: 10,
      days_since_meeting: 6,
      open_tickets: 8,
      escalated_tickets: 4,
    }),
  },
  properties: {
    seats: 'seats_purchased',
    activeUsers: 'active_users_30d',
    logins: 'logins_30d',
    loginsPrevious: 'logins_prev_30d',
    featuresUsed: 'features_used',
    lastActivity: 'last_login_date',
    daysPastDue: 'days_past_due',
    invoiceStatus: 'invoice_status',
    lastCsmTouch: 'notes_last_contacted',
    lastMeeting: 'hs_last_booked_meeting_date',
    lastReply: 'hs_last_sales_activity_timestamp',
  },
  curves: {
    // Under a fifth of seats in use is an account that never rolled out; four fifths is a healthy one.
    seat_utilisation: [
      [0.2, 0],
      [0.4, 35],
      [0.6, 65],
      [0.8, 90],
      [0.9, 100],
    ],
    // Logins this month against last: a third fewer is a warning, growth is good.
    login_trend: [
      [0.5, 0],
      [0.75, 35],
      [0.95, 70],
      [1.1, 90],
      [1.3, 100],
    ],
    // Breadth of features used: one or two is shallow adoption, a dozen is a product that is hard to leave.
    feature_breadth: [
      [1, 0],
      [4, 35],
      [8, 65],
      [12, 90],
      [15, 100],
    ],
    // Days since anyone logged in: steep over the first week, nothing left after a month.
    days_since_last_activity: [
      [1, 100],
      [3, 85],
      [7, 60],
      [14, 30],
      [30, 0],
    ],
    open_tickets: [
      [0, 100],
      [1, 75],
      [2, 50],
      [4, 15],
      [6, 0],
    ],
    urgent_share: [
      [0, 100],
      [0.2, 75],
      [0.4, 40],
      [0.7, 0],
    ],
    // Median time to close over the SLA: within it is fine, three times it is a broken promise.
    time_to_close_vs_sla: [
      [0.5, 100],
      [1, 80],
      [2, 40],
      [3, 0],
    ],
    escalated_tickets: [
      [0, 100],
      [1, 60],
      [2, 30],
      [4, 0],
    ],
    // Payment: a week late happens; a month late is a signal; two months is a customer on the way out.
    days_past_due: [
      [0, 100],
      [7, 80],
      [30, 35],
      [60, 0],
    ],
    // A CSM touch every two weeks is normal cadence; a quarter of silence is a lost relationship.
    days_since_csm_touch: [
      [7, 100],
      [14, 90],
      [30, 65],
      [60, 30],
      [90, 0],
    ],
    days_since_meeting: [
      [14, 100],
      [30, 85],
      [60, 55],
      [120, 15],
      [180, 0],
    ],
    days_since_reply: [
      [7, 100],
      [14, 85],
      [30, 60],
      [60, 25],
      [90, 0],
    ],
    // Recency-weighted mean NPS answer: 9+ is a promoter, 6 or less a detractor.
    nps: [
      [3, 0],
      [6, 35],
      [7, 55],
      [8, 75],
      [9, 95],
      [10, 100],
    ],
    // HubSpot's 3-point CSAT: 0 unhappy, 1 neutral, 2 happy.
    csat: [
      [0, 0],
      [1, 50],
      [2, 100],
    ],
    // CES 1–7 (7 = very easy): HubSpot's buckets 1–3 hard, 4–5 neutral, 6–7 easy.
    ces: [
      [1, 0],
      [3, 25],
      [4, 50],
      [5, 70],
      [6, 90],
      [7, 100],
    ],
  },
  customIndicators: [],
  support: {
    lookbackDays: 90,
    slaHours: { URGENT: 8, HIGH: 24, MEDIUM: 72, LOW: 120, default: 72 },
    urgentPriorities: ['URGENT', 'HIGH'],
    escalationProperty: 'escalated',
  },
  payment: {
    invoiceStatusPoints: { paid: 100, open: 85, overdue: 0 },
  },
  sentiment: {
    halfLifeDays: 90,
    maxAgeDays: 365,
    fullConfidenceResponses: 3,
  },
  outcomes: {
    churnFlag: { property: 'customer_status', values: ['churned'] },
    churnDateProperty: 'churn_date',
    renewalPipelineLabel: 'renewal',
    // The middle of the 60–90-day window in which a CS team can still act before a renewal.
    leadDays: 75,
  },
  // A weekly review cadence: a tier holds at least a week before it may change.
  minDwellDays: 7,
};
