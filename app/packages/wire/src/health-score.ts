import { z } from 'zod';

/**
 * A company's health score as the service sends it: the same shape in the score API, the company view and
 * every list (lists carry the summary; one company's answer carries the explanation). Times are ISO strings.
 */

export const componentIds = ['usage', 'support', 'payment', 'engagement', 'sentiment', 'custom'] as const;
export const tierIds = ['healthy', 'watch', 'at_risk'] as const;

export const componentIdWire = z.enum(componentIds);
export const tierWire = z.enum(tierIds);
export const isoTimeWire = z.iso.datetime();
/** An indicator's raw reading: a number, a text (an enumeration's value), or nothing. */
export const rawValueWire = z.union([z.number(), z.string(), z.null()]);

export const healthDriverWire = z.strictObject({
  indicator: z.string(),
  component: componentIdWire,
  label: z.string(),
  value: rawValueWire,
  pointsLost: z.number(),
});

export const indicatorWire = z.strictObject({
  id: z.string(),
  component: componentIdWire,
  label: z.string(),
  value: rawValueWire,
  /** 0–100, or null when the indicator had no data (it then counts for nothing). */
  points: z.number().nullable(),
  weight: z.number(),
  detail: z.record(z.string(), z.number()).optional(),
});

export const componentWire = z.strictObject({
  id: componentIdWire,
  /** 0–100, or null when no indicator of it had data: the component is dropped and its weight spread. */
  score: z.number().nullable(),
  weight: z.number(),
  contribution: z.number(),
  potential: z.number(),
  indicators: z.array(indicatorWire),
});

export const scoreTrendWire = z.strictObject({
  d7: z.number().nullable(),
  d30: z.number().nullable(),
  d90: z.number().nullable(),
});

export const healthScoreSummaryWire = z.strictObject({
  companyId: z.string(),
  modelVersion: z.number().int(),
  segment: z.string(),
  score: z.number().nullable(),
  tier: tierWire.nullable(),
  tierSince: isoTimeWire.nullable(),
  pendingTier: tierWire.nullable(),
  confidence: z.number(),
  churnProbability: z.number().nullable(),
  topDriver: healthDriverWire.nullable(),
  trend: scoreTrendWire,
  computedAt: isoTimeWire,
});

export const healthScoreWire = healthScoreSummaryWire.extend({
  components: z.array(componentWire),
  changes: z.array(z.strictObject({ component: componentIdWire, delta: z.number() })),
});

export const healthScorePageWire = z.strictObject({
  results: z.array(healthScoreSummaryWire),
  /** Pass as `after` for the next page; null on the last page. */
  after: z.string().nullable(),
});

export type ComponentId = z.infer<typeof componentIdWire>;
export type Tier = z.infer<typeof tierWire>;
export type HealthDriverWire = z.infer<typeof healthDriverWire>;
export type IndicatorWire = z.infer<typeof indicatorWire>;
export type ComponentWire = z.infer<typeof componentWire>;
export type HealthScoreWire = z.infer<typeof healthScoreWire>;
export type HealthScoreSummaryWire = z.infer<typeof healthScoreSummaryWire>;
export type HealthScorePageWire = z.infer<typeof healthScorePageWire>;
