import { z } from 'zod';

import type { HealthScoreRecord } from '../store/repositories/health-scores-repository.ts';
import { componentIds, tierIds } from './model/health-model-schema.ts';

/**
 * What the health score API sends to the cards, home page and settings page: the wire shapes, checked on
 * every answer (times as ISO strings). Lists carry summaries; one company's answer carries the explanation.
 */

const component = z.enum(componentIds);
const tier = z.enum(tierIds);
const isoTime = z.iso.datetime();
const rawValue = z.union([z.number(), z.string(), z.null()]);

export const healthDriverWire = z.strictObject({
  indicator: z.string(),
  component,
  label: z.string(),
  value: rawValue,
  pointsLost: z.number(),
});

const indicatorWire = z.strictObject({
  id: z.string(),
  component,
  label: z.string(),
  value: rawValue,
  points: z.number().nullable(),
  weight: z.number(),
  detail: z.record(z.string(), z.number()).optional(),
});

const componentWire = z.strictObject({
  id: component,
  score: z.number().nullable(),
  weight: z.number(),
  contribution: z.number(),
  potential: z.number(),
  indicators: z.array(indicatorWire),
});

const trendWire = z.strictObject({
  d7: z.number().nullable(),
  d30: z.number().nullable(),
  d90: z.number().nullable(),
});

export const healthScoreSummaryWire = z.strictObject({
  companyId: z.string(),
  modelVersion: z.number().int(),
  segment: z.string(),
  score: z.number().nullable(),
  tier: tier.nullable(),
  tierSince: isoTime.nullable(),
  pendingTier: tier.nullable(),
  confidence: z.number(),
  churnProbability: z.number().nullable(),
  topDriver: healthDriverWire.nullable(),
  trend: trendWire,
  computedAt: isoTime,
});

export const healthScoreWire = healthScoreSummaryWire.extend({
  components: z.array(componentWire),
  changes: z.array(z.strictObject({ component, delta: z.number() })),
});

export const healthScorePageWire = z.strictObject({
  results: z.array(healthScoreSummaryWire),
  /** Pass as `after` for the next page; null on the last page. */
  after: z.string().nullable(),
});

export type HealthScoreWire = z.infer<typeof healthScoreWire>;
export type HealthScoreSummaryWire = z.infer<typeof healthScoreSummaryWire>;

export function toScoreSummaryWire(record: HealthScoreRecord): HealthScoreSummaryWire {
  return {
    companyId: record.companyId,
    modelVersion: record.modelVersion,
    segment: record.segment,
    score: record.score,
    tier: record.tier,
    tierSince: record.tierSince?.toISOString() ?? null,
    pendingTier: record.pendingTier,
    confidence: record.confidence,
    churnProbability: record.churnProbability,
    topDriver: record.topDriver,
    trend: record.trend,
    computedAt: record.computedAt.toISOString(),
  };
}

export function toScoreWire(record: HealthScoreRecord): HealthScoreWire {
  return {
    ...toScoreSummaryWire(record),
    components: record.components.map((entry) => ({
      ...entry,
      indicators: entry.indicators.map((indicator) => ({
        ...indicator,
        ...(indicator.detail === undefined ? {} : { detail: { ...indicator.detail } }),
      })),
    })),
    changes: record.changes,
  };
}
