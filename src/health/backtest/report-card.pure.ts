import { auc, brier, falseGreenRate, topDecileLift } from '../../calibration/metrics.pure.ts';
import type { Tier } from '../model/health-model-schema.ts';

export interface ScoredOutcome {
  segment: string;
  churned: boolean;
  /** The score as of the scoring date; null when the company had no data then. */
  score: number | null;
  tier: Tier | null;
  churnProbability: number | null;
}

export interface SegmentCard {
  segment: string;
  accounts: number;
  churned: number;
  /** Accounts left out because they had no score at the scoring date. */
  unscored: number;
  /** How well a low score ranks churners first (0.5 = chance, 1 = perfect). */
  auc: number | null;
  /** Churn rate among the 10 % lowest scores over the overall churn rate. */
  topDecileLift: number | null;
  /** Mean squared error of the churn probability (lower is better). */
  brier: number | null;
  /** Share of churned accounts that were in the healthy tier at the scoring date. */
  falseGreenRate: number | null;
}

export interface ReportCard {
  overall: SegmentCard;
  segments: SegmentCard[];
}

/** The score report card: per segment (largest first) and overall, from outcomes and what the score said. */
export function reportCard(rows: readonly ScoredOutcome[]): ReportCard {
  const bySegment = new Map<string, ScoredOutcome[]>();
  for (const row of rows) {
    const list = bySegment.get(row.segment);
    if (list === undefined) bySegment.set(row.segment, [row]);
    else list.push(row);
  }
  const segments = [...bySegment.entries()]
    .map(([segment, list]) => card(segment, list))
    .sort((a, b) => b.accounts - a.accounts || a.segment.localeCompare(b.segment));
  return { overall: card('all', rows), segments };
}

function card(segment: string, rows: readonly ScoredOutcome[]): SegmentCard {
  const scored = rows.filter((row) => row.score !== null);
  const risk = scored.map((row) => 100 - (row.score ?? 0));
  const labels = scored.map((row) => row.churned);
  const probabilities = scored.map((row) => row.churnProbability ?? 0);
  const round = (value: number | null, digits: number): number | null =>
    value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    segment,
    accounts: rows.length,
    churned: rows.filter((row) => row.churned).length,
    unscored: rows.length - scored.length,
    auc: round(auc(risk, labels), 3),
    topDecileLift: round(topDecileLift(risk, labels), 2),
    brier: round(brier(probabilities, labels), 4),
    falseGreenRate: round(
      falseGreenRate(
        labels,
        scored.map((row) => row.tier === 'healthy'),
      ),
      3,
    ),
  };
}
