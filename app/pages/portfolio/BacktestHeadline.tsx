import { Flex, Heading, Statistics, StatisticsItem, Text, Tile } from '@hubspot/ui-extensions';
import { formatDate, formatNumber } from '@harbor/i18n';
import type { HomeBacktestWire } from '@harbor/wire';

import type { Speech } from './portfolio-format.ts';

/** How well the score in use told renewals from churn, when a calibration has measured it. */
export function BacktestHeadline({ backtest, t, format }: { backtest: HomeBacktestWire | null } & Speech) {
  const none = t('home.value.none');
  return (
    <Tile>
      <Flex direction="column" gap="sm">
        <Heading>{t('home.backtest.title')}</Heading>
        {backtest === null ? (
          <Text>{t('home.backtest.none')}</Text>
        ) : (
          <>
            <Statistics testId="backtest-figures">
              <StatisticsItem
                label={t('home.backtest.auc')}
                number={backtest.auc === null ? none : formatNumber(backtest.auc, format, 2)}
              />
              <StatisticsItem
                label={t('home.backtest.lift')}
                number={
                  backtest.topDecileLift === null
                    ? none
                    : t('home.backtest.liftValue', { value: formatNumber(backtest.topDecileLift, format, 1) })
                }
              />
              <StatisticsItem
                label={t('home.backtest.renewals')}
                number={formatNumber(backtest.renewals, format)}
              />
            </Statistics>
            <Text variant="microcopy">
              {t('home.backtest.measured', {
                count: formatNumber(backtest.heldOut, format),
                date: formatDate(backtest.measuredAt, format),
              })}
            </Text>
          </>
        )}
      </Flex>
    </Tile>
  );
}
