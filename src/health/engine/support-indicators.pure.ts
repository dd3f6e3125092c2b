import { curveReading, missing, type IndicatorReading, type ScoringContext } from './indicator-reading.ts';
import { DAY_MS, lookUp, roundTo } from './property-values.pure.ts';

const HOUR_MS = 3_600_000;

/**
 * Open tickets now, and over the look-back window: the urgent/high share, time to close against the SLA, and
 * escalations. Tickets created after `now` do not exist yet and a ticket closed after `now` was still open,
 * so the same tickets scored as of a past date read as they did then.
 */
export function supportIndicators({ inputs, model, now }: ScoringContext): IndicatorReading[] {
  const { lookbackDays, slaHours, urgentPriorities } = model.support;
  const since = now - lookbackDays * DAY_MS;
  let open = 0;
  let openUrgent = 0;
  let recent = 0;
  let recentUrgent = 0;
  let escalated = 0;
  const slaRatios: number[] = [];
  for (const ticket of inputs.tickets) {
    // Also skips a ticket with no readable creation time (NaN), which would turn the SLA median into NaN.
    if (!(ticket.createdAt <= now)) continue;
    const isOpen = ticket.closedAt === undefined || ticket.closedAt > now;
    const urgent = ticket.priority !== undefined && urgentPriorities.includes(ticket.priority);
    const sla = lookUp(slaHours, ticket.priority ?? 'default') ?? slaHours.default;
    if (isOpen) {
      open += 1;
      if (urgent) openUrgent += 1;
      // An open ticket already past its SLA counts against time to close as it stands.
      const age = (now - ticket.createdAt) / HOUR_MS;
      if (sla !== undefined && age > sla) slaRatios.push(age / sla);
    } else if (ticket.closedAt !== undefined && ticket.closedAt >= since && sla !== undefined) {
      slaRatios.push((ticket.closedAt - ticket.createdAt) / HOUR_MS / sla);
    }
    if (ticket.createdAt >= since) {
      recent += 1;
      if (urgent) recentUrgent += 1;
      if (ticket.escalated) escalated += 1;
    }
  }
  const { curves } = model;
  const openReading = curveReading('open_tickets', open, curves.open_tickets);
  openReading.detail = { urgent: openUrgent };
  const share = recent === 0 ? null : roundTo(recentUrgent / recent, 3);
  const shareReading = curveReading('urgent_share', share, curves.urgent_share);
  if (share !== null) shareReading.detail = { tickets: recent };
  return [
    openReading,
    shareReading,
    slaRatios.length === 0
      ? missing('time_to_close_vs_sla')
      : curveReading('time_to_close_vs_sla', roundTo(median(slaRatios), 2), curves.time_to_close_vs_sla),
    curveReading('escalated_tickets', escalated, curves.escalated_tickets),
  ];
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1
    ? (values[middle] ?? 0)
    : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}
