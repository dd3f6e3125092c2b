import { formatNumber } from '@harbor/i18n';
import type { UsageSeriesWire } from '@harbor/wire';
import { Flex, Heading, LineChart, Text } from '@hubspot/ui-extensions';

import type { TextTools } from './company-text.ts';

/**
 * The last 90 days of the usage the customer's product pushed: active users and logins per day, one line each,
 * with the seats last reported. Only accounts with ingested usage show it.
 */
export function UsageChart({ usage, tools }: { usage: UsageSeriesWire; tools: TextTools }) {
  const { t, format } = tools;
  const activeUsers = t('company.usage.activeUsers');
  const logins = t('company.usage.logins');
  const rows = usage.points.flatMap((point) => [
    ...(point.activeUsers === null
      ? []
      : [{ day: point.date, series: activeUsers, value: point.activeUsers }]),
    ...(point.logins === null ? [] : [{ day: point.date, series: logins, value: point.logins }]),
  ]);
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('company.usage.title')}</Heading>
      {usage.seats !== null && (
        <Text testId="usage-seats">
          {t('company.usage.seats', { seats: formatNumber(usage.seats, format) })}
        </Text>
      )}
      {usage.points.length >= 2 ? (
        <LineChart
          data={rows}
          axes={{
            x: { field: 'day', fieldType: 'datetime', label: t('company.usage.axisDay') },
            y: { field: 'value', fieldType: 'linear', label: t('company.usage.axisValue') },
            options: { groupFieldByColor: 'series' },
          }}
          options={{ title: t('company.usage.chartTitle'), showTooltips: true, showLegend: true }}
          testId="usage-chart"
        />
      ) : (
        <Text variant="microcopy" testId="usage-few-days">
          {t('company.usage.fewDays')}
        </Text>
      )}
    </Flex>
  );
}
