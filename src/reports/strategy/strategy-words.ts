import type {
  AutomationTrigger,
  PlaybookType,
  ReportPeriod,
  StrategyMetric,
  StrategyMetricWire,
  StrategyStatus,
  StrategyThresholdsWire,
  StrategyTrend,
  StrategyTriggerWire,
} from '@harbor/wire';
import { strategyTriggerOffReasons } from '@harbor/wire';

/**
 * The retention strategy in English words for the CLI's table, CSV and Markdown (the home page speaks the
 * user's language from the message catalogue). Figures print as a CS lead writes them: percentages with
 * one decimal, counts and amounts with thousands separators.
 */

export const metricNames: Record<StrategyMetric, string> = {
  grr: 'Gross revenue retention (GRR)',
  nrr: 'Net revenue retention (NRR)',
  logoChurn: 'Logo churn',
  grossRevenueChurn: 'Gross revenue churn',
  netRevenueChurn: 'Net revenue churn',
  nps: 'NPS',
};

export const triggerNames: Record<AutomationTrigger, string> = {
  low_health: 'Low health score',
  renewal_window: 'Renewal window',
  detractor: 'Detractor answer',
  large_onboarding: 'Large onboarding',
  expansion: 'Expansion opportunity',
  usage_drop: 'Usage drop',
  critical_ticket: 'Critical ticket',
  late_payment: 'Late payment',
};

const playbookNames: Record<PlaybookType, string> = {
  onboarding: 'Onboarding',
  adoption: 'Adoption',
  expansion: 'Expansion',
  renewal: 'Renewal',
  risk: 'Risk',
  detractor_follow_up: 'Detractor follow-up',
};

export const statusWords: Record<StrategyStatus, string> = {
  met: 'met',
  missed: 'missed',
  no_target: 'no target',
  no_data: 'no customers',
  too_few_answers: 'too few answers',
};

export const trendWords: Record<StrategyTrend, string> = {
  better: 'better',
  worse: 'worse',
  flat: 'flat',
};

const offWords: Record<(typeof strategyTriggerOffReasons)[number], string> = {
  automation_off: 'its automation is off',
  rule_off: 'its signal rule is off in this segment',
  no_renewal_date: 'no renewal-date property is set, so the rule has nothing to read',
};

const periodNames: Record<ReportPeriod, string> = { month: 'month', quarter: 'quarter', year: 'year' };

export function periodName(period: ReportPeriod): string {
  return periodNames[period];
}

/** A period as its start names it: `2026-09`, `2026 Q3`, `2026`. */
export function periodLabel(periodStart: string, period: ReportPeriod): string {
  const year = periodStart.slice(0, 4);
  if (period === 'year') return year;
  if (period === 'month') return periodStart.slice(0, 7);
  return `${year} Q${String(Math.floor((Number(periodStart.slice(5, 7)) - 1) / 3) + 1)}`;
}

export function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

/** A figure of a metric: ratios as percentages, NPS as its score. */
export function valueWords(metric: StrategyMetricWire, value: number | null): string {
  if (metric.metric !== 'nps') return percent(value);
  return value === null ? '-' : String(Math.round(value));
}

/** "Now" with, for NPS, the answers behind it. */
export function nowWords(metric: StrategyMetricWire): string {
  const value = valueWords(metric, metric.now);
  if (metric.metric !== 'nps' || metric.now === null || metric.answers === null) return value;
  return `${value} (n = ${String(metric.answers)})`;
}

/** The status in words; NPS without a figure lacks answers, not customers. */
export function statusWordsFor(metric: StrategyMetricWire): string {
  return metric.metric === 'nps' && metric.status === 'no_data' ? 'no answers' : statusWords[metric.status];
}

export function amount(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
}

/** "at least 90.0%" / "at most 3.0%", and whose target it is when it is the book's. */
export function targetWords(metric: StrategyMetricWire): string {
  if (metric.target === null) return 'none';
  const side = metric.higherIsBetter ? 'at least' : 'at most';
  const whose = metric.targetFrom === 'all' ? ' (whole book)' : '';
  return `${side} ${valueWords(metric, metric.target)}${whose}`;
}

/** The metrics a lead talks about first: a missed target, or a trend going the wrong way. */
export function attentionWords(metrics: readonly StrategyMetricWire[]): string | null {
  const items = metrics.flatMap((metric) => {
    const missed = metric.status === 'missed';
    const worse = metric.trend === 'worse';
    if (!missed && !worse) return [];
    const parts = [
      ...(missed ? [`missed its target (${nowWords(metric)} against ${targetWords(metric)})`] : []),
      ...(worse ? ['is getting worse'] : []),
    ];
    return [`${metricNames[metric.metric]} ${parts.join(' and ')}`];
  });
  return items.length === 0 ? null : `${items.join('; ')}.`;
}

export function trendWord(trend: StrategyTrend | null): string {
  return trend === null ? 'too few periods' : trendWords[trend];
}

function share(value: number): string {
  return `${String(Math.round(value * 100))}%`;
}

/** When the trigger fires, in the rule's own terms. */
export function thresholdWords(thresholds: StrategyThresholdsWire): string {
  switch (thresholds.trigger) {
    case 'low_health':
      return `the health score is below ${String(thresholds.belowScore)}, or the tier dropped to at risk in the last ${String(thresholds.tierDropWithinDays)} days`;
    case 'renewal_window':
      return `the renewal date is ${String(thresholds.fromDays)} to ${String(thresholds.toDays)} days ahead`;
    case 'detractor':
      return `a contact answers NPS ${String(thresholds.maxNps)} or lower (answers of the last ${String(thresholds.withinDays)} days)`;
    case 'large_onboarding':
      return thresholds.wholeSegment
        ? `a company of this segment was created in the last ${String(thresholds.withinDays)} days (every new one counts here, whatever its contract value)`
        : `a company created in the last ${String(thresholds.withinDays)} days has a contract value of at least ${amount(thresholds.minContractValue)}`;
    case 'expansion':
      return `a healthy account uses at least ${share(thresholds.minSeatUtilisation)} of its seats, or its logins grew ${share(thresholds.minLoginGrowth)} or more against the 30 days before (from at least ${amount(thresholds.minPreviousLogins)} logins)`;
    case 'usage_drop':
      return `logins or active users fell ${share(thresholds.minDropShare)} or more against the 30 days before (from at least ${amount(thresholds.minPreviousLogins)} logins), or fewer than ${share(thresholds.minSeatUtilisation)} of the seats are in use`;
    case 'critical_ticket':
      return `${String(thresholds.minOpenTickets)} or more open urgent tickets are past ${String(thresholds.slaMultiple)}× their SLA${thresholds.escalated ? ' or escalated' : ''}`;
    case 'late_payment':
      return thresholds.invoiceStatuses.length === 0
        ? `an invoice is ${String(thresholds.minDaysPastDue)} or more days past due`
        : `an invoice is ${String(thresholds.minDaysPastDue)} or more days past due, or the invoice status is ${thresholds.invoiceStatuses.join(' or ')}`;
  }
}

/** What Harbor does when it fires. */
export function actionWords(trigger: StrategyTriggerWire): string {
  const { action, playbook } = trigger;
  if (action.kind === 'open_signal') return 'opens the signal; its owner chooses the action by the due date';
  if (action.kind === 'create_task') return 'creates one HubSpot task for the signal’s owner';
  const name = playbookNames[action.playbook];
  if (playbook?.enabled !== true)
    return `would start the ${name} playbook, but it is off in this segment, so only the signal opens`;
  return `starts the ${name} playbook (${String(playbook.steps.length)} ${playbook.steps.length === 1 ? 'step' : 'steps'})`;
}

/** A playbook's steps as a lead reads them: each task is due its days after Harbor creates it. */
export function stepWords(step: { title: string; dueInDays: number }): string {
  const days =
    step.dueInDays === 0
      ? 'due the day it is created'
      : `due ${String(step.dueInDays)} ${step.dueInDays === 1 ? 'day' : 'days'} after it is created`;
  return `${step.title} (${days})`;
}

export function offWordsFor(reason: (typeof strategyTriggerOffReasons)[number]): string {
  return offWords[reason];
}
