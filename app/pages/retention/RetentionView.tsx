import { Button, EmptyState, Flex, Text } from '@hubspot/ui-extensions';
import type { ReportPeriod, RetentionReportWire, RetentionStrategyWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { periodLabel } from './retention-format.ts';
import { RetentionTargets } from './RetentionTargets.tsx';
import { RetentionTrendCharts } from './RetentionTrendCharts.tsx';

export interface RetentionViewProps extends Speech {
  report: RetentionReportWire;
  strategy: RetentionStrategyWire;
  period: ReportPeriod;
  onPeriodChange: (period: ReportPeriod) => void;
  reload: () => void;
}

/** The retention page from one pair of answers: the period under way, the targets, then the trends. */
export function RetentionView({
  report,
  strategy,
  period,
  onPeriodChange,
  reload,
  t,
  format,
}: RetentionViewProps) {
  // No period of the window started with a customer: nothing to measure, whatever the period picked.
  if (report.rows.every((row) => row.customersStart === 0)) {
    return (
      <EmptyState title={t('retention.empty.title')} imageName="emptyStateCharts" layout="vertical">
        <Flex direction="column" gap="sm">
          <Text>{t('retention.empty.body')}</Text>
          <Button onClick={reload}>{t('retention.empty.retry')}</Button>
        </Flex>
      </EmptyState>
    );
  }
  const partial = report.rows.find((row) => !row.complete);
  const last = strategy.lastComplete;
  const label = (start: string) => periodLabel(start, report.period, t, format);
  return (
    <Flex direction="column" gap="md">
      <Text>{t('retention.intro')}</Text>
      <PeriodPicker period={period} onChange={onPeriodChange} t={t} testId="retention-period" />
      {partial !== undefined && (
        <Text variant="microcopy" testId="retention-partial">
          {last === null
            ? t('retention.partialNoComplete', { period: label(partial.periodStart) })
            : t('retention.partial', { period: label(partial.periodStart), last: label(last.periodStart) })}
        </Text>
      )}
      <RetentionTargets strategy={strategy} t={t} format={format} />
      <RetentionTrendCharts report={report} t={t} format={format} />
    </Flex>
  );
}
