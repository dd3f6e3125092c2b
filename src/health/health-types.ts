import type { ComponentId, Tier } from './model/health-model-schema.ts';

/**
 * What computeHealth reads about one company, all plain data. Times are epoch milliseconds. The caller
 * decides what "now" is, so the same inputs scored as of a past date give that day's score (the backtest).
 */
export interface CompanyHealthInputs {
  companyId: string;
  /** Company property values as HubSpot sends them (strings; null or absent when unset). */
  properties: Readonly<Record<string, string | null | undefined>>;
  tickets: readonly TicketFact[];
  feedback: readonly FeedbackFact[];
  /** The stored state from the last scoring, for hysteresis and dwell; absent the first time. */
  previous?: PreviousHealth | undefined;
  /** Daily snapshots about 7, 30 and 90 days back (any order; the nearest on or before each day is used). */
  history?: readonly HealthSnapshotFact[] | undefined;
  /** Usage the customer's product pushed (src/ingest/); a null fact falls back to the mapped property. */
  usage?: UsageFacts | undefined;
}

/** Usage facts from ingested daily rows: counts, and the last active day as epoch ms (UTC midnight). */
export interface UsageFacts {
  activeUsers: number | null;
  seats: number | null;
  /** Logins in the last 30 days and in the 30 before. */
  logins: number | null;
  loginsPrevious: number | null;
  featuresUsed: number | null;
  lastActivityAt: number | null;
  /** Active users about a month ago (30–44 days back), the usage-drop rule's base. */
  activeUsersMonthAgo: number | null;
}

export interface TicketFact {
  createdAt: number;
  /** Undefined while open. */
  closedAt?: number | undefined;
  /** HubSpot's hs_ticket_priority (LOW, MEDIUM, HIGH, URGENT in most portals). */
  priority?: string | undefined;
  escalated: boolean;
}

export type SurveyType = 'NPS' | 'CSAT' | 'CES';

export interface FeedbackFact {
  type: SurveyType;
  /** NPS 0–10; CSAT on HubSpot's 3-point scale 0–2; CES 1–7. */
  value: number;
  submittedAt: number;
}

export interface PreviousHealth {
  tier: Tier;
  /** When the company entered `tier`. */
  tierSince: number;
}

export interface HealthSnapshotFact {
  /** Start of the snapshot's UTC day. */
  day: number;
  score: number;
  /** Component scores (null when the component had no data). */
  components: Readonly<Partial<Record<ComponentId, number | null>>>;
}

/** One indicator's reading: the raw value, its points, and its share of the score. */
export interface IndicatorResult {
  id: string;
  component: ComponentId;
  label: string;
  /** The raw value the points came from (a ratio, a count, days…), null when missing. */
  value: number | string | null;
  /** 0–100, null when missing. */
  points: number | null;
  /** The indicator's weight in this segment, before redistribution. */
  weight: number;
  /** Extra facts for the explanation, such as the number of survey answers behind a sentiment value. */
  detail?: Readonly<Record<string, number>>;
}

export interface ComponentResult {
  id: ComponentId;
  /** 0–100, null when none of its indicators had data (the component is dropped). */
  score: number | null;
  /** Share of the total weight after redistribution (0–1); 0 when dropped. */
  weight: number;
  /** Points it adds to the score: weight × score. */
  contribution: number;
  /** Points it could add at 100: weight × 100. */
  potential: number;
  indicators: IndicatorResult[];
}

export interface HealthDriver {
  indicator: string;
  component: ComponentId;
  label: string;
  value: number | string | null;
  /** Points of score lost against the indicator's potential (positive = costs points). */
  pointsLost: number;
}

export interface HealthChange {
  component: ComponentId;
  /** Change of the component's contribution since about a week ago, in score points. */
  delta: number;
}

export interface HealthResult {
  companyId: string;
  segment: string;
  /** 0–100, one decimal; null when no component had data. */
  score: number | null;
  tier: Tier | null;
  /** When the company entered `tier`. */
  tierSince: number | null;
  /** A tier the score points to but that the dwell time holds back. */
  pendingTier: Tier | null;
  /** 0–100: how much of the model's weight had data. */
  confidence: number;
  /** Churn probability at the next renewal from the segment's probability map; null without a score. */
  churnProbability: number | null;
  trend: { d7: number | null; d30: number | null; d90: number | null };
  components: ComponentResult[];
  topDriver: HealthDriver | null;
  changes: HealthChange[];
}
