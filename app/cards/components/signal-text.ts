import {
  catalogue,
  dayInZone,
  daysUntil,
  formatCurrency,
  formatDate,
  formatNumber,
  formatPercent,
  type MessageKey,
} from '@harbor/i18n';
import type { SignalCommandWire, SignalWire, Tier } from '@harbor/wire';

import { points, tierLabel, type TextTools } from './company-text.ts';

/** How the cards word a signal: pure, so the preview and the tests read exactly what the card shows. */

type Evidence = SignalWire['evidence'][number];

const shareKeys = new Set([
  'login_drop_share',
  'active_user_drop_share',
  'seat_utilisation',
  'login_growth_share',
]);
const countKeys = new Set([
  'logins',
  'logins_previous',
  'active_users',
  'active_users_previous',
  'seats',
  'open_critical_tickets',
]);
const dayKeys = new Set(['days_past_due', 'days_to_renewal']);
const hourKeys = new Set(['ticket_hours_open', 'ticket_sla_hours']);
const pointKeys = new Set(['health_score', 'health_threshold']);
const tierKeys = new Set(['health_tier', 'previous_tier']);
const calendarDayKeys = new Set(['renewal_date']);
const tiers = new Set<string>(['healthy', 'watch', 'at_risk']);

/** Risks red when they hurt most, amber otherwise; opportunities green when strong, blue otherwise. */
export function signalTagVariant(
  signal: Pick<SignalWire, 'kind' | 'severity'>,
): 'error' | 'warning' | 'success' | 'info' {
  const strong = signal.severity === 'high' || signal.severity === 'critical';
  if (signal.kind === 'risk') return strong ? 'error' : 'warning';
  return strong ? 'success' : 'info';
}

export function signalTypeLabel(signal: Pick<SignalWire, 'type'>, { t }: TextTools): string {
  return t(`signal.type.${signal.type}`);
}

/** "Risk · High severity · Open" (the bare severity labels are for lists and filters). */
export function signalSummary(signal: SignalWire, { t }: TextTools): string {
  return t('signal.summary', {
    kind: t(`signal.kind.${signal.kind}`),
    severity: t(`signal.severityPhrase.${signal.severity}`),
    status: t(`signal.status.${signal.status}`),
  });
}

/** The action the signal type is defined to get, in words ("Risk playbook", "One task for the owner"). */
export function signalActionLabel(action: SignalWire['action'], { t }: TextTools): string {
  return action.kind === 'playbook' ? t(`signal.playbook.${action.playbook}`) : t('signal.action.task');
}

/**
 * Where the signal stands in time, as of `now`: snoozed, its action started, overdue, or due in N days
 * (whole calendar days in the portal's zone, as the renewal countdown counts them).
 */
export function signalTiming(signal: SignalWire, now: Date, tools: TextTools): string {
  const { t, format } = tools;
  if (signal.snoozedUntil !== null && Date.parse(signal.snoozedUntil) > now.getTime())
    return t('signal.snoozedUntil', { date: formatDate(signal.snoozedUntil, format) });
  if (signal.actionStartedAt !== null)
    return t('signal.actionStarted', { date: formatDate(signal.actionStartedAt, format) });
  if (signal.overdue) return t('signal.due.overdue', { date: formatDate(signal.dueAt, format) });
  const days = daysUntil(dayInZone(new Date(signal.dueAt), format.timeZone), now, format.timeZone);
  return days <= 0 ? t('signal.due.today') : t('signal.due.in', { count: days });
}

function evidenceLabel(key: string, { t }: TextTools): string {
  const id = `signal.evidence.${key}`;
  // A key newer than this card's catalogue still shows, under its own name, rather than breaking the card.
  return id in catalogue.en ? t(id as MessageKey) : key;
}

function evidenceValue(item: Evidence, currency: string | null, tools: TextTools): string {
  const { t, format } = tools;
  const { key, value } = item;
  if (value === null) {
    if (item.at === undefined) return '—';
    // HubSpot stores a date property as midnight UTC: in the portal's zone it would show the day before.
    return formatDate(item.at, calendarDayKeys.has(key) ? { ...format, timeZone: 'UTC' } : format);
  }
  if (typeof value === 'string') {
    if (tierKeys.has(key) && tiers.has(value)) return tierLabel(value as Tier, tools);
    if (key === 'ticket_escalated') return t(value === 'true' ? 'signal.value.yes' : 'signal.value.no');
    if (key === 'answer_comment') return `“${value}”`;
    return value;
  }
  if (shareKeys.has(key)) return formatPercent(value, format);
  if (countKeys.has(key)) return formatNumber(value, format);
  if (dayKeys.has(key)) return t('company.value.days', { count: value });
  if (hourKeys.has(key))
    return t('signal.value.hours', {
      count: value,
      hours: formatNumber(value, format, Number.isInteger(value) ? 0 : 1),
    });
  if (pointKeys.has(key)) return points(value, format);
  if (key === 'contract_value')
    return currency === null ? formatNumber(value, format) : formatCurrency(value, currency, format);
  return formatNumber(value, format, Number.isInteger(value) ? 0 : 1);
}

/** One evidence item as a short line: "Drop in logins: 62%", "Ticket opened: Dec 1, 2026". */
export function evidenceLine(item: Evidence, currency: string | null, tools: TextTools): string {
  return tools.t('signal.evidence.line', {
    label: evidenceLabel(item.key, tools),
    value: evidenceValue(item, currency, tools),
  });
}

/** The sidebar's one line: "2 risk signals, 1 opportunity"; null when the company has none. */
export function signalCountLine(
  signals: readonly Pick<SignalWire, 'kind'>[],
  { t }: TextTools,
): string | null {
  const risks = signals.filter((signal) => signal.kind === 'risk').length;
  const opportunities = signals.length - risks;
  const riskText = t('signal.sidebar.risks', { count: risks });
  const opportunityText = t('signal.sidebar.opportunities', { count: opportunities });
  if (risks > 0 && opportunities > 0)
    return t('signal.sidebar.both', { risks: riskText, opportunities: opportunityText });
  if (risks > 0) return riskText;
  return opportunities > 0 ? opportunityText : null;
}

/** The confirmation after the service accepted a command; `updated` is the signal as the service answered it. */
export function commandDoneMessage(
  kind: SignalCommandWire['kind'],
  updated: SignalWire,
  tools: TextTools,
): string {
  const { t, format } = tools;
  switch (kind) {
    case 'start_action':
      return updated.action.kind === 'playbook'
        ? t('signal.done.start_playbook', { playbook: signalActionLabel(updated.action, tools) })
        : t('signal.done.start_action');
    case 'snooze':
      return t('signal.done.snooze', {
        date: updated.snoozedUntil === null ? '—' : formatDate(updated.snoozedUntil, format),
      });
    default:
      return t(`signal.done.${kind}`);
  }
}
