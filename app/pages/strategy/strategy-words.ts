import { formatNumber, formatPercent, type FormatOptions, type Translate } from '@harbor/i18n';
import type { StrategyMetricWire, StrategyThresholdsWire, StrategyTriggerWire } from '@harbor/wire';

import { metricName, nowText, targetText } from '../retention/retention-format.ts';

/** When a trigger fires, in its signal rule's own terms and the user's language. */
export function whenText(thresholds: StrategyThresholdsWire, t: Translate, format: FormatOptions): string {
  const number = (value: number) => formatNumber(value, format);
  const share = (value: number) => formatPercent(value, format);
  switch (thresholds.trigger) {
    case 'low_health':
      return t('retention.when.low_health', {
        score: number(thresholds.belowScore),
        days: number(thresholds.tierDropWithinDays),
      });
    case 'renewal_window':
      return t('retention.when.renewal_window', {
        from: number(thresholds.fromDays),
        to: number(thresholds.toDays),
      });
    case 'detractor':
      return t('retention.when.detractor', {
        maxNps: number(thresholds.maxNps),
        days: number(thresholds.withinDays),
      });
    case 'large_onboarding':
      return thresholds.wholeSegment
        ? t('retention.when.large_onboarding_segment', { days: number(thresholds.withinDays) })
        : t('retention.when.large_onboarding', {
            days: number(thresholds.withinDays),
            value: number(thresholds.minContractValue),
          });
    case 'expansion':
      return t('retention.when.expansion', {
        seats: share(thresholds.minSeatUtilisation),
        growth: share(thresholds.minLoginGrowth),
        logins: number(thresholds.minPreviousLogins),
      });
    case 'usage_drop':
      return t('retention.when.usage_drop', {
        drop: share(thresholds.minDropShare),
        logins: number(thresholds.minPreviousLogins),
        seats: share(thresholds.minSeatUtilisation),
      });
    case 'critical_ticket':
      return t(
        thresholds.escalated ? 'retention.when.critical_ticket_escalated' : 'retention.when.critical_ticket',
        {
          tickets: number(thresholds.minOpenTickets),
          multiple: formatNumber(
            thresholds.slaMultiple,
            format,
            Number.isInteger(thresholds.slaMultiple) ? 0 : 1,
          ),
        },
      );
    case 'late_payment':
      return thresholds.invoiceStatuses.length === 0
        ? t('retention.when.late_payment', { days: number(thresholds.minDaysPastDue) })
        : t('retention.when.late_payment_status', {
            days: number(thresholds.minDaysPastDue),
            statuses: thresholds.invoiceStatuses.join(t('retention.when.or')),
          });
  }
}

/** What Harbor does when the trigger fires. */
export function actionText(trigger: StrategyTriggerWire, t: Translate): string {
  const { action, playbook } = trigger;
  if (action.kind !== 'start_playbook') return t(`retention.action.${action.kind}`);
  const name = t(`playbook.name.${action.playbook}`);
  if (playbook?.enabled !== true) return t('retention.action.playbookOff', { playbook: name });
  return t('retention.action.start_playbook', { playbook: name, count: playbook.steps.length });
}

/** The metrics to talk about first: a missed target, or a trend the wrong way; null when there are none. */
export function attentionText(
  metrics: readonly StrategyMetricWire[],
  t: Translate,
  format: FormatOptions,
): string | null {
  const items = metrics.flatMap((metric) => [
    ...(metric.status === 'missed'
      ? [
          t('retention.strategy.attentionMissed', {
            metric: metricName(metric.metric, t),
            now: nowText(metric, t, format),
            target: targetText(metric, t, format),
          }),
        ]
      : []),
    ...(metric.trend === 'worse'
      ? [t('retention.strategy.attentionWorse', { metric: metricName(metric.metric, t) })]
      : []),
  ]);
  return items.length === 0 ? null : t('retention.strategy.attention', { items: items.join('; ') });
}
