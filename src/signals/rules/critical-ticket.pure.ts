import type { SignalThresholds } from '@harbor/wire';

import { lookUp } from '../../health/engine/property-values.pure.ts';
import type { SignalFiring, SignalInputs, SignalTicket } from '../signal-types.ts';
import { evidence, roundTo } from './rule-helpers.pure.ts';

type Thresholds = SignalThresholds['critical_ticket'];

const HOUR_MS = 3_600_000;

/**
 * At least `minOpenTickets` open tickets that each are urgent (a priority the model counts as urgent) and open
 * longer than `slaMultiple` × their priority's SLA hours, or (when `escalated` is on) escalated. The worst
 * such ticket is the evidence, with the count. Severity: critical when the worst is both escalated and past
 * its SLA, past three times its SLA, or there are more than `minOpenTickets`; high otherwise.
 */
export function criticalTicketRule(
  inputs: SignalInputs,
  thresholds: Thresholds,
  now: number,
): SignalFiring | null {
  const { slaHours, urgentPriorities } = inputs.model.support;
  let worst: { ticket: SignalTicket; ratio: number; past: boolean; rank: number } | null = null;
  let qualifying = 0;
  for (const ticket of inputs.tickets) {
    // A ticket not yet created (or with an unreadable time) or already closed as of `now` is not open.
    if (!(ticket.createdAt <= now) || (ticket.closedAt !== undefined && ticket.closedAt <= now)) continue;
    const urgent = ticket.priority !== undefined && urgentPriorities.includes(ticket.priority);
    const sla = lookUp(slaHours, ticket.priority ?? 'default') ?? slaHours.default;
    const ratio = sla === undefined ? 0 : (now - ticket.createdAt) / HOUR_MS / sla;
    const past = urgent && sla !== undefined && ratio > thresholds.slaMultiple;
    const escalated = thresholds.escalated && ticket.escalated;
    if (!past && !escalated) continue;
    qualifying += 1;
    const rank = (past ? 1 : 0) + (escalated ? 1 : 0) + ratio / 1_000;
    if (worst === null || rank > worst.rank) worst = { ticket, ratio, past, rank };
  }
  if (worst === null || qualifying < thresholds.minOpenTickets) return null;
  const { ticket, ratio, past } = worst;
  const sla = lookUp(slaHours, ticket.priority ?? 'default') ?? slaHours.default ?? null;
  const critical =
    (past && ticket.escalated) ||
    (past && ratio > 3 * thresholds.slaMultiple) ||
    qualifying > thresholds.minOpenTickets;
  return {
    type: 'critical_ticket',
    severity: critical ? 'critical' : 'high',
    evidence: [
      evidence('ticket_id', ticket.id),
      ...(ticket.subject === undefined ? [] : [evidence('ticket_subject', ticket.subject)]),
      evidence('ticket_priority', ticket.priority ?? null),
      evidence('ticket_opened', null, ticket.createdAt),
      evidence('ticket_hours_open', roundTo((now - ticket.createdAt) / HOUR_MS, 1)),
      evidence('ticket_sla_hours', sla),
      evidence('ticket_escalated', ticket.escalated ? 'true' : 'false'),
      evidence('open_critical_tickets', qualifying),
    ],
  };
}
