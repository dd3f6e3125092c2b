import { formatDate, formatNumber, formatPercent, type Translate } from '@harbor/i18n';
import type { PortfolioAlertsWire, PortfolioAlertWire, ReportPeriod } from '@harbor/wire';
import { Flex, StatusTag, Text } from '@hubspot/ui-extensions';

import { SectionTable } from '../components/SectionTable.tsx';
import type { Speech } from './portfolio-format.ts';

/** 2026-07-01 → 2026-07 (month), 2026-Q3 (quarter), 2026 (year): how reports name their periods. */
export function periodLabel(period: ReportPeriod, periodStart: string): string {
  const year = periodStart.slice(0, 4);
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.floor((Number(periodStart.slice(5, 7)) - 1) / 3) + 1}`;
  return periodStart.slice(0, 7);
}

/** Ratios and shares as percentages with one decimal, NPS in points. */
function alertValue(alert: PortfolioAlertWire, value: number, { format }: Speech): string {
  return alert.metric === 'nps' ? formatNumber(value, format, 0) : formatPercent(value, format, 1);
}

export function alertText(alert: PortfolioAlertWire, speech: Speech): string {
  const { t } = speech;
  return t(`alerts.kind.${alert.kind}`, {
    metric: t(`alerts.metric.${alert.metric}`),
    value: alertValue(alert, alert.value, speech),
    reference: alertValue(alert, alert.reference, speech),
  });
}

const segmentName = (segment: string, t: Translate) =>
  segment === 'all' ? t('alerts.segment.all') : segment;

const taskVariant = {
  created: 'success',
  waiting: 'info',
  not_routed: 'warning',
  no_company: 'warning',
} as const;

/**
 * The portfolio's trend alerts: what breached in which segment since which period and whether the CS lead
 * has the task, then the alerts cleared lately, so a recovery is seen as well as a breach.
 */
export function PortfolioAlerts({ alerts, ...speech }: { alerts: PortfolioAlertsWire } & Speech) {
  const { t, format } = speech;
  return (
    <Flex direction="column" gap="sm">
      <SectionTable
        title={t('alerts.title')}
        emptyText={t('alerts.empty')}
        testId="portfolio-alerts"
        intro={<Text variant="microcopy">{t('alerts.intro')}</Text>}
        columns={[
          { header: t('alerts.column.segment'), cell: (alert) => segmentName(alert.segment, t) },
          { header: t('alerts.column.alert'), cell: (alert) => alertText(alert, speech) },
          {
            header: t('alerts.column.since'),
            cell: (alert) =>
              alert.lastPeriodStart === alert.periodStart
                ? periodLabel(alert.period, alert.periodStart)
                : t('alerts.since', {
                    first: periodLabel(alert.period, alert.periodStart),
                    last: periodLabel(alert.period, alert.lastPeriodStart),
                  }),
          },
          {
            header: t('alerts.column.task'),
            cell: (alert) => (
              <StatusTag variant={taskVariant[alert.task]} testId={`alert-task-${alert.id}`}>
                {t(`alerts.task.${alert.task}`)}
              </StatusTag>
            ),
          },
        ]}
        rows={alerts.open}
        rowKey={(alert) => String(alert.id)}
        footer={
          alerts.openTotal > alerts.open.length ? (
            <Text variant="microcopy">
              {t('alerts.more', { shown: alerts.open.length, total: alerts.openTotal })}
            </Text>
          ) : undefined
        }
      />
      {alerts.cleared.length > 0 && (
        <SectionTable
          title={t('alerts.cleared.title')}
          emptyText=""
          testId="portfolio-alerts-cleared"
          columns={[
            { header: t('alerts.column.segment'), cell: (alert) => segmentName(alert.segment, t) },
            { header: t('alerts.column.alert'), cell: (alert) => alertText(alert, speech) },
            {
              header: t('alerts.column.cleared'),
              cell: (alert) => (alert.closedAt === null ? '' : formatDate(alert.closedAt, format)),
            },
          ]}
          rows={alerts.cleared}
          rowKey={(alert) => String(alert.id)}
        />
      )}
    </Flex>
  );
}
