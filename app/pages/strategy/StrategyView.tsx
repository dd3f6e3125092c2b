import { Button, EmptyState, Flex, Text } from '@hubspot/ui-extensions';
import type { ReportPeriod, RetentionStrategyWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { PeriodPicker } from '../retention/PeriodPicker.tsx';
import { periodLabel } from '../retention/retention-format.ts';
import { StrategySegment } from './StrategySegment.tsx';

export interface StrategyViewProps extends Speech {
  strategy: RetentionStrategyWire;
  period: ReportPeriod;
  onPeriodChange: (period: ReportPeriod) => void;
  reload: () => void;
}

/** The plan, segment by segment, the whole book first. */
export function StrategyView({ strategy, period, onPeriodChange, reload, t, format }: StrategyViewProps) {
  const last = strategy.lastComplete;
  const measured = strategy.segments.some((segment) => segment.metrics.some((metric) => metric.now !== null));
  return (
    <Flex direction="column" gap="md">
      <Text>{t('retention.strategy.intro')}</Text>
      <PeriodPicker period={period} onChange={onPeriodChange} t={t} testId="strategy-period" />
      <Text variant="microcopy" testId="strategy-as-of">
        {last === null
          ? t('retention.strategy.noComplete')
          : t('retention.strategy.asOf', {
              period: periodLabel(last.periodStart, strategy.period, t, format),
            })}
      </Text>
      {!measured && (
        // The plan still shows what Harbor will do; only the figures wait for customers.
        <EmptyState title={t('retention.empty.title')} imageName="target" layout="horizontal">
          <Flex direction="column" gap="sm">
            <Text>{t('retention.empty.body')}</Text>
            <Button onClick={reload}>{t('retention.empty.retry')}</Button>
          </Flex>
        </EmptyState>
      )}
      {strategy.segments.map((segment) => (
        <StrategySegment key={segment.segment} strategy={strategy} segment={segment} t={t} format={format} />
      ))}
    </Flex>
  );
}
