import {
  higherIsBetter,
  strategyMetrics,
  type NpsRowWire,
  type ReportSettings,
  type RetentionRowWire,
  type StrategyMetric,
  type StrategyMetricWire,
  type StrategyStatus,
} from '@harbor/wire';

import { flatBand, npsFlatBand, trendOf } from './strategy-trend.pure.ts';

/**
 * The target a segment is held to for a metric: its own, else the whole book's (a portal that set one
 * target for `all` means it for every segment until it sets a segment's own). The first listed wins when a
 * segment names a metric twice, as the settings page lists them.
 */
export function targetFor(
  targets: ReportSettings['targets'],
  segment: string,
  metric: StrategyMetric,
): { target: number; from: 'segment' | 'all' } | null {
  const own = targets.find((entry) => entry.segment === segment && entry.metric === metric);
  if (own !== undefined) return { target: own.target, from: 'segment' };
  const book = targets.find((entry) => entry.segment === 'all' && entry.metric === metric);
  return book === undefined ? null : { target: book.target, from: 'all' };
}

/** Met when the figure is on the good side of the target or on it (rounded, so 0.9 meets 0.9). */
export function meetsTarget(value: number, target: number, isHigherBetter: boolean): boolean {
  const gap = Math.round((value - target) * 1e9) / 1e9;
  return isHigherBetter ? gap >= 0 : gap <= 0;
}

/** One period's figure of a metric: the value, or why there is none. */
interface Figure {
  value: number | null;
  /** NPS: the answers in the period. */
  answers: number | null;
  /** NPS: answers there were, too few to show a score. */
  tooFew: boolean;
}

export interface SegmentFigures {
  /** The segment's complete retention rows (any segment's rows are ignored). */
  retention: readonly RetentionRowWire[];
  /** The segment's NPS rows. */
  nps: readonly NpsRowWire[];
}

function figureOf(metric: StrategyMetric, periodStart: string, rows: SegmentFiguresIndex): Figure {
  if (metric === 'nps') {
    const row = rows.nps.get(periodStart);
    if (row === undefined) return { value: null, answers: 0, tooFew: false };
    const { n, score, hiddenBelowMinimum } = row.nps;
    return { value: score, answers: n, tooFew: n > 0 && (hiddenBelowMinimum || score === null) };
  }
  return { value: rows.retention.get(periodStart)?.[metric] ?? null, answers: null, tooFew: false };
}

interface SegmentFiguresIndex {
  retention: ReadonlyMap<string, RetentionRowWire>;
  nps: ReadonlyMap<string, NpsRowWire>;
}

/**
 * A segment's metrics against their targets over `periods` (the starts of the last complete periods,
 * oldest first): "now" is the last of them, the trend runs over all of them. A period without the segment's
 * row (no customers at its start, no answers) has no figure.
 */
export function strategyMetricsOf(
  figures: SegmentFigures,
  periods: readonly string[],
  targets: ReportSettings['targets'],
  segment: string,
): StrategyMetricWire[] {
  const index: SegmentFiguresIndex = {
    retention: new Map(
      figures.retention
        .filter((row) => row.complete && row.segment === segment)
        .map((row) => [row.periodStart, row]),
    ),
    nps: new Map(
      figures.nps
        .filter((row) => row.complete && row.segment === segment)
        .map((row) => [row.periodStart, row]),
    ),
  };
  return strategyMetrics.map((metric) => {
    const isHigherBetter = higherIsBetter[metric];
    const applied = targetFor(targets, segment, metric);
    const series = periods.map((periodStart) => ({ periodStart, ...figureOf(metric, periodStart, index) }));
    const latest = series.at(-1);
    const now = latest?.value ?? null;
    const status: StrategyStatus =
      now === null
        ? latest?.tooFew === true
          ? 'too_few_answers'
          : 'no_data'
        : applied === null
          ? 'no_target'
          : meetsTarget(now, applied.target, isHigherBetter)
            ? 'met'
            : 'missed';
    const history = series.map((point) => ({ periodStart: point.periodStart, value: point.value }));
    return {
      metric,
      higherIsBetter: isHigherBetter,
      target: applied?.target ?? null,
      targetFrom: applied?.from ?? null,
      now,
      answers: metric === 'nps' ? (latest?.answers ?? 0) : null,
      status,
      trend: trendOf(
        history.map((point) => point.value),
        isHigherBetter,
        metric === 'nps' ? npsFlatBand : flatBand,
      ),
      history,
    };
  });
}
