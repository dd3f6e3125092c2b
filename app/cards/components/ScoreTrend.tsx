import type { HealthScoreWire, HistoryPointWire } from '@harbor/wire';
import {
  Flex,
  Heading,
  LineChart,
  Statistics,
  StatisticsItem,
  StatisticsTrend,
  Text,
} from '@hubspot/ui-extensions';

import { trendProps, type TextTools } from './company-text.ts';

/** The 7/30/90-day changes and the 90-day line of daily snapshots. */
export function ScoreTrend({
  trend,
  history,
  tools,
}: {
  trend: HealthScoreWire['trend'];
  history: readonly HistoryPointWire[];
  tools: TextTools;
}) {
  const { t, format } = tools;
  const periods = [
    ['d7', t('company.trend.d7')],
    ['d30', t('company.trend.d30')],
    ['d90', t('company.trend.d90')],
  ] as const;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('company.trend.title')}</Heading>
      <Statistics>
        {periods.map(([period, label]) => {
          const change = trend[period];
          return (
            <StatisticsItem
              key={period}
              label={label}
              number={change === null ? '—' : trendProps(change, format).value}
              testId={`trend-${period}`}
            >
              {change === null ? (
                <Text variant="microcopy">{t('company.trend.noHistory')}</Text>
              ) : change === 0 ? (
                <Text variant="microcopy">{t('company.trend.noChange')}</Text>
              ) : (
                <StatisticsTrend {...trendProps(change, format)} />
              )}
            </StatisticsItem>
          );
        })}
      </Statistics>
      {history.length >= 2 ? (
        <LineChart
          data={history.map((point) => ({ day: point.day, score: point.score }))}
          axes={{
            x: { field: 'day', fieldType: 'datetime', label: t('company.trend.axisDay') },
            y: { field: 'score', fieldType: 'linear', label: t('company.trend.axisScore') },
          }}
          options={{ title: t('company.trend.chartTitle'), showTooltips: true }}
          testId="history-chart"
        />
      ) : (
        <Text variant="microcopy">{t('company.trend.noHistory')}</Text>
      )}
    </Flex>
  );
}
