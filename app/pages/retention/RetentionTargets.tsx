import { StatusTag, Text } from '@hubspot/ui-extensions';
import { formatNumber } from '@harbor/i18n';
import type { RetentionStrategyWire, StrategyMetric, StrategyMetricWire } from '@harbor/wire';

import { SectionTable, type SectionColumn } from '../components/SectionTable.tsx';
import type { Speech } from '../portfolio/portfolio-format.ts';
import {
  metricName,
  nowText,
  periodLabel,
  segmentName,
  statusText,
  statusVariant,
  targetText,
  trendText,
} from './retention-format.ts';

/** The three figures the page holds against targets; the strategy page shows the revenue churns too. */
export const pageMetrics = ['grr', 'nrr', 'logoChurn'] as const satisfies readonly StrategyMetric[];

interface TargetRow {
  segment: string;
  customersStart: number;
  metric: StrategyMetricWire;
}

/** Each segment's GRR, NRR and logo churn in the last complete period against its targets. */
export function RetentionTargets({ strategy, t, format }: { strategy: RetentionStrategyWire } & Speech) {
  const rows: TargetRow[] = strategy.segments.flatMap((segment) =>
    segment.metrics
      .filter((metric) => (pageMetrics as readonly StrategyMetric[]).includes(metric.metric))
      .map((metric) => ({ segment: segment.segment, customersStart: segment.customersStart, metric })),
  );
  const columns: SectionColumn<TargetRow>[] = [
    { header: t('retention.column.segment'), cell: (row) => segmentName(row.segment, t) },
    { header: t('retention.column.metric'), cell: (row) => metricName(row.metric.metric, t) },
    {
      header: t('retention.column.customers'),
      align: 'right',
      cell: (row) => formatNumber(row.customersStart, format),
    },
    {
      header: t('retention.column.now'),
      align: 'right',
      cell: (row) => nowText(row.metric, t, format),
    },
    { header: t('retention.column.target'), cell: (row) => targetText(row.metric, t, format) },
    {
      header: t('retention.column.status'),
      cell: (row) => (
        <StatusTag variant={statusVariant[row.metric.status]}>{statusText(row.metric, t)}</StatusTag>
      ),
    },
    { header: t('retention.column.trend'), cell: (row) => trendText(row.metric.trend, t) },
  ];
  const last = strategy.lastComplete;
  return (
    <SectionTable
      title={
        last === null
          ? t('retention.targets.titleNone')
          : t('retention.targets.title', {
              period: periodLabel(last.periodStart, strategy.period, t, format),
            })
      }
      emptyText={t('retention.targets.noComplete')}
      isEmpty={last === null}
      intro={<Text>{t('retention.targets.intro')}</Text>}
      testId="retention-targets"
      columns={columns}
      rows={rows}
      rowKey={(row) => `${row.segment}:${row.metric.metric}`}
    />
  );
}
