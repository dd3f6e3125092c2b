import { Accordion, Flex, Heading, List, StatusTag, Text, Tile } from '@hubspot/ui-extensions';
import { formatNumber } from '@harbor/i18n';
import type { RetentionStrategyWire, StrategyMetricWire, StrategySegmentWire } from '@harbor/wire';

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
  trendVariant,
} from '../retention/retention-format.ts';
import { actionText, attentionText, whenText } from './strategy-words.ts';

export interface StrategySegmentProps extends Speech {
  strategy: RetentionStrategyWire;
  segment: StrategySegmentWire;
}

/** One segment's plan: where it stands, its metrics against the targets, and what Harbor does there. */
export function StrategySegment({ strategy, segment, t, format }: StrategySegmentProps) {
  const id = segment.segment;
  const last = strategy.lastComplete;
  const lastLabel = last === null ? null : periodLabel(last.periodStart, strategy.period, t, format);
  const measured = segment.metrics.some((metric) => metric.now !== null);
  const attention = attentionText(segment.metrics, t, format);
  const columns: SectionColumn<StrategyMetricWire>[] = [
    { header: t('retention.column.metric'), cell: (metric) => metricName(metric.metric, t) },
    { header: t('retention.column.target'), cell: (metric) => targetText(metric, t, format) },
    {
      header: t('retention.column.now'),
      align: 'right',
      cell: (metric) => nowText(metric, t, format),
    },
    {
      header: t('retention.column.status'),
      cell: (metric) => <StatusTag variant={statusVariant[metric.status]}>{statusText(metric, t)}</StatusTag>,
    },
    {
      header: t('retention.column.trend'),
      cell: (metric) =>
        metric.trend === null ? (
          trendText(null, t)
        ) : (
          <StatusTag variant={trendVariant[metric.trend]}>{trendText(metric.trend, t)}</StatusTag>
        ),
    },
  ];
  const standing =
    lastLabel === null
      ? null
      : measured
        ? t('retention.strategy.standing', {
            customers: formatNumber(segment.customersStart, format),
            revenue: formatNumber(segment.startingRevenue, format),
            period: lastLabel,
          })
        : t('retention.strategy.noCustomers', { period: lastLabel });
  return (
    <Flex direction="column" gap="sm">
      <SectionTable
        title={segmentName(id, t)}
        emptyText={t('retention.targets.noComplete')}
        isEmpty={last === null}
        intro={
          <Flex direction="column" gap="xs">
            {standing !== null && <Text testId={`strategy-standing-${id}`}>{standing}</Text>}
            {measured && (
              <Text format={{ fontWeight: 'bold' }} testId={`strategy-attention-${id}`}>
                {attention ?? t('retention.strategy.onTrack')}
              </Text>
            )}
          </Flex>
        }
        testId={`strategy-metrics-${id}`}
        columns={columns}
        rows={segment.metrics}
        rowKey={(metric) => metric.metric}
      />
      <Tile>
        <Flex direction="column" gap="sm">
          <Heading>{t('retention.strategy.actsTitle')}</Heading>
          {segment.triggers.length === 0 ? (
            <Text>{t('retention.strategy.actsNone')}</Text>
          ) : (
            <List variant="unordered-styled" testId={`strategy-triggers-${id}`}>
              {segment.triggers.map((trigger) => (
                <Flex key={trigger.trigger} direction="column" gap="xs">
                  <Text>
                    {t('retention.strategy.trigger', {
                      trigger: t(`retention.trigger.${trigger.trigger}`),
                      when: whenText(trigger.thresholds, t, format),
                      action: actionText(trigger, t),
                    })}
                  </Text>
                  {trigger.playbook?.enabled === true && (
                    // Folded: the sentence above says what starts; the steps are there for whoever asks.
                    <Accordion
                      title={t('retention.strategy.steps', {
                        playbook: t(`playbook.name.${trigger.playbook.playbook}`),
                        count: trigger.playbook.steps.length,
                      })}
                      size="xs"
                    >
                      <List variant="ordered" testId={`strategy-steps-${id}-${trigger.trigger}`}>
                        {trigger.playbook.steps.map((step, index) => (
                          <Text key={index} variant="microcopy">
                            {t('retention.strategy.step', { title: step.title, count: step.dueInDays })}
                          </Text>
                        ))}
                      </List>
                    </Accordion>
                  )}
                </Flex>
              ))}
            </List>
          )}
          {segment.triggersOff.length > 0 && (
            <>
              <Text format={{ fontWeight: 'demibold' }}>{t('retention.strategy.offTitle')}</Text>
              <List variant="unordered-styled" testId={`strategy-off-${id}`}>
                {segment.triggersOff.map((off) => (
                  <Text key={off.trigger}>
                    {t('retention.strategy.off', {
                      trigger: t(`retention.trigger.${off.trigger}`),
                      reason: t(`retention.off.${off.reason}`),
                    })}
                  </Text>
                ))}
              </List>
            </>
          )}
        </Flex>
      </Tile>
    </Flex>
  );
}
