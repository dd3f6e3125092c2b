import { formatNumber, formatPercent, type FormatOptions, type Translate } from '@harbor/i18n';
import type {
  ReportPeriod,
  StrategyMetric,
  StrategyMetricWire,
  StrategyStatus,
  StrategyTrend,
} from '@harbor/wire';

/** A period as a lead names it: "2026 Q3" ("2026 T3" in Portuguese), "Sep 2026", "2026". */
export function periodLabel(
  periodStart: string,
  period: ReportPeriod,
  t: Translate,
  format: FormatOptions,
): string {
  const year = periodStart.slice(0, 4);
  const month = Number(periodStart.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter')
    return t('retention.period.quarterLabel', { year, quarter: Math.floor((month - 1) / 3) + 1 });
  // Formatted in UTC: the day is a calendar day, not a moment in the portal's zone.
  return new Intl.DateTimeFormat(format.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${periodStart}T00:00:00.000Z`),
  );
}

export function segmentName(segment: string, t: Translate): string {
  return segment === 'all' ? t('retention.segment.all') : segment;
}

export function metricName(metric: StrategyMetric, t: Translate): string {
  return t(`retention.metric.${metric}`);
}

/** A figure of a metric: retention ratios as percentages, NPS as its score on −100…100. */
export function valueText(
  metric: StrategyMetric,
  value: number | null,
  t: Translate,
  format: FormatOptions,
): string {
  if (value === null) return t('retention.value.none');
  return metric === 'nps' ? formatNumber(value, format) : formatPercent(value, format, 1);
}

/** "Now": the figure, and for NPS the answers behind it. */
export function nowText(metric: StrategyMetricWire, t: Translate, format: FormatOptions): string {
  const value = valueText(metric.metric, metric.now, t, format);
  if (metric.metric !== 'nps' || metric.now === null || metric.answers === null) return value;
  return t('retention.nps.now', { score: value, count: metric.answers });
}

/** "at least 90.0 %" / "at most 3.0 %", marked when the segment borrows the whole book's target. */
export function targetText(metric: StrategyMetricWire, t: Translate, format: FormatOptions): string {
  if (metric.target === null) return t('retention.target.none');
  const value = valueText(metric.metric, metric.target, t, format);
  const side = metric.higherIsBetter
    ? t('retention.target.atLeast', { value })
    : t('retention.target.atMost', { value });
  return metric.targetFrom === 'all' ? t('retention.target.book', { target: side }) : side;
}

export function statusText(metric: StrategyMetricWire, t: Translate): string {
  // NPS without a figure lacks answers, not customers.
  if (metric.metric === 'nps' && metric.status === 'no_data') return t('retention.status.no_answers');
  return t(`retention.status.${metric.status}`);
}

/** StatusTag colours: a met target is good news, a missed one is the thing to act on. */
export const statusVariant = {
  met: 'success',
  missed: 'danger',
  no_target: 'default',
  no_data: 'default',
  too_few_answers: 'default',
} as const satisfies Record<StrategyStatus, 'success' | 'danger' | 'default'>;

export function trendText(trend: StrategyTrend | null, t: Translate): string {
  return trend === null ? t('retention.trend.none') : t(`retention.trend.${trend}`);
}

export const trendVariant = {
  better: 'success',
  worse: 'danger',
  flat: 'default',
} as const satisfies Record<StrategyTrend, 'success' | 'danger' | 'default'>;
