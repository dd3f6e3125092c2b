import { Flex, Heading, LineChart, Text, Tile } from '@hubspot/ui-extensions';
import type { RetentionReportWire, RetentionRowWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { metricName, periodLabel, segmentName } from './retention-format.ts';
import { pageMetrics } from './RetentionTargets.tsx';

/** A period's label on the axis; the one under way says so, as its figures can still change. */
function axisLabel(row: RetentionRowWire, report: RetentionReportWire, speech: Speech): string {
  const label = periodLabel(row.periodStart, report.period, speech.t, speech.format);
  return row.complete ? label : speech.t('retention.period.partial', { period: label });
}

/**
 * One line chart per metric over the report's periods (12 by default), one line per segment, in percent.
 * Periods without customers at their start have no figure and so no point.
 */
export function RetentionTrendCharts({ report, t, format }: { report: RetentionReportWire } & Speech) {
  const rows = report.rows.toSorted(
    (a, b) => a.periodStart.localeCompare(b.periodStart) || compareSegments(a.segment, b.segment),
  );
  return (
    <Tile>
      <Flex direction="column" gap="sm">
        <Heading>{t('retention.charts.title')}</Heading>
        <Text>{t('retention.charts.intro')}</Text>
        {pageMetrics.map((metric) => {
          const points = rows.flatMap((row) => {
            const value = row[metric];
            return value === null
              ? []
              : [
                  {
                    period: axisLabel(row, report, { t, format }),
                    segment: segmentName(row.segment, t),
                    percent: Math.round(value * 1000) / 10,
                  },
                ];
          });
          const periods = new Set(points.map((point) => point.period));
          return periods.size >= 2 ? (
            <LineChart
              key={metric}
              testId={`retention-chart-${metric}`}
              data={points}
              axes={{
                x: { field: 'period', fieldType: 'category', label: t('retention.charts.axisPeriod') },
                y: { field: 'percent', fieldType: 'linear', label: t('retention.charts.axisPercent') },
                options: { groupFieldByColor: 'segment' },
              }}
              options={{ title: metricName(metric, t), showLegend: true, showTooltips: true }}
            />
          ) : (
            <Text key={metric} variant="microcopy" testId={`retention-chart-${metric}-few`}>
              {`${metricName(metric, t)}: ${t('retention.charts.few')}`}
            </Text>
          );
        })}
      </Flex>
    </Tile>
  );
}

/** `all` first, then the segments by name, as the report lists them. */
function compareSegments(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'all') return -1;
  if (b === 'all') return 1;
  return a.localeCompare(b);
}
