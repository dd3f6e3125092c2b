import {
  formatChange,
  formatNumber,
  formatPercent,
  type FormatOptions,
  type MessageKey,
  type Translate,
} from '@harbor/i18n';
import type { ComponentId, IndicatorWire, Tier } from '@harbor/wire';

/** How the cards word and format the view's values: pure, so the preview renders exactly the same. */

export interface TextTools {
  t: Translate;
  format: FormatOptions;
}

const indicatorLabels: Readonly<Record<string, MessageKey>> = {
  seat_utilisation: 'company.indicator.seat_utilisation',
  login_trend: 'company.indicator.login_trend',
  feature_breadth: 'company.indicator.feature_breadth',
  days_since_last_activity: 'company.indicator.days_since_last_activity',
  open_tickets: 'company.indicator.open_tickets',
  urgent_share: 'company.indicator.urgent_share',
  time_to_close_vs_sla: 'company.indicator.time_to_close_vs_sla',
  escalated_tickets: 'company.indicator.escalated_tickets',
  days_past_due: 'company.indicator.days_past_due',
  invoice_status: 'company.indicator.invoice_status',
  days_since_csm_touch: 'company.indicator.days_since_csm_touch',
  days_since_meeting: 'company.indicator.days_since_meeting',
  days_since_reply: 'company.indicator.days_since_reply',
  nps: 'company.indicator.nps',
  csat: 'company.indicator.csat',
  ces: 'company.indicator.ces',
};

const ratioIndicators = new Set(['seat_utilisation', 'login_trend', 'urgent_share']);
const dayIndicators = new Set([
  'days_since_last_activity',
  'days_past_due',
  'days_since_csm_touch',
  'days_since_meeting',
  'days_since_reply',
]);
const countIndicators = new Set(['open_tickets', 'escalated_tickets', 'feature_breadth']);

const componentKeys: Readonly<Record<ComponentId, MessageKey>> = {
  usage: 'component.usage',
  support: 'component.support',
  payment: 'component.payment',
  engagement: 'component.engagement',
  sentiment: 'component.sentiment',
  custom: 'component.custom',
};

const tierKeys: Readonly<Record<Tier, MessageKey>> = {
  healthy: 'tier.healthy',
  watch: 'tier.watch',
  at_risk: 'tier.at_risk',
};

/** A built-in indicator in the user's language; a custom one by the label the admin gave it. */
export function indicatorLabel(id: string, fallback: string, { t }: TextTools): string {
  const key = indicatorLabels[id];
  return key === undefined ? fallback : t(key);
}

export function componentLabel(id: ComponentId, { t }: TextTools): string {
  return t(componentKeys[id]);
}

export function tierLabel(tier: Tier, { t }: TextTools): string {
  return t(tierKeys[tier]);
}

export function tierVariant(tier: Tier): 'success' | 'warning' | 'error' {
  return tier === 'healthy' ? 'success' : tier === 'watch' ? 'warning' : 'error';
}

/** An indicator's raw reading as a CSM reads it: 42 %, 12 days, 1.5×, a count, or the property's text. */
export function indicatorValue(id: string, value: IndicatorWire['value'], tools: TextTools): string {
  const { t, format } = tools;
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (ratioIndicators.has(id)) return formatPercent(value, format);
  if (dayIndicators.has(id)) return t('company.value.days', { count: value });
  if (id === 'time_to_close_vs_sla')
    return t('company.value.times', { value: formatNumber(value, format, 1) });
  if (countIndicators.has(id)) return formatNumber(value, format);
  return formatNumber(value, format, Number.isInteger(value) ? 0 : 1);
}

/** A score change for StatisticsTrend: its text and arrow, green when the score rose. */
export function trendProps(
  change: number,
  format: FormatOptions,
): { value: string; direction: 'increase' | 'decrease'; color: 'green' | 'red' } {
  return {
    value: formatChange(change, format, Number.isInteger(change) ? 0 : 1),
    direction: change >= 0 ? 'increase' : 'decrease',
    color: change >= 0 ? 'green' : 'red',
  };
}

export function points(value: number, format: FormatOptions): string {
  return formatNumber(value, format, Number.isInteger(value) ? 0 : 1);
}
