import type { HealthScoreSummaryWire, HealthScoreWire } from '@harbor/wire';

import type { HealthScoreRecord } from '../store/repositories/health-scores-repository.ts';

/**
 * Stored scores as the health score API sends them to the cards, home page and settings page. The shapes
 * live in @harbor/wire, shared with the UI; here only the mapping (times as ISO strings).
 */

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
