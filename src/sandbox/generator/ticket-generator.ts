import type { SandboxStore } from '../store/sandbox-store.ts';
import { sigmoid } from './churn-model.ts';
import type { GeneratedContact } from './contact-generator.ts';
import type { CompanyPlan } from './company-plan.ts';
import { SUPPORT_PIPELINE, ticketStages } from './pipelines.ts';
import type { Prng } from './prng.ts';
import { insertGenerated } from './record-insert.ts';
import { annualTicketRate, daysPastDue, openUrgentTicketMean } from './signal-maps.ts';
import { ticketBodies, ticketSubjects, type TicketCategory } from './text-templates.ts';
import { DAY_MS, HOUR_MS, wireBoolean, wireDateTime, wireNumber } from './wire-values.ts';

type Priority = 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';

interface TicketDraft {
  createdAt: number;
  /** Undefined while the ticket is open. */
  closedAt: number | undefined;
  priority: Priority;
  category: TicketCategory;
  escalated: boolean;
}

const ticketsPerYear = { SMB: 2, MID_MARKET: 4, ENTERPRISE: 7 } as const;
const medianHoursToClose: Record<Priority, number> = { URGENT: 6, HIGH: 20, MEDIUM: 60, LOW: 110 };
const priorities: readonly Priority[] = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];
const categories: readonly TicketCategory[] = [
  'PRODUCT_ISSUE',
  'BILLING_ISSUE',
  'FEATURE_REQUEST',
  'GENERAL_INQUIRY',
];
const openStages = [ticketStages.new, ticketStages.waitingOnContact, ticketStages.waitingOnUs];
const YEAR_MS = 365 * DAY_MS;

/**
 * Support tickets over the last year (and over the two months before a past prediction point): the ticket
 * volume signal sets how many, the urgent-ticket signal how many are urgent; on top, the urgent tickets open
 * at the prediction point (open today for upcoming renewals, closed weeks later for past ones). Returns how many were written.
 */
export function generateTickets(
  plan: CompanyPlan,
  contacts: readonly GeneratedContact[],
  rng: Prng,
  store: SandboxStore,
  now: number,
): number {
  const from = Math.min(now - YEAR_MS, plan.predictionAt - 60 * DAY_MS);
  const to = plan.activeUntil;
  const volume = plan.signals.ticket_volume;
  const urgency = plan.signals.open_urgent_tickets;
  const isLatePayer = daysPastDue(plan.signals.days_past_due) > 0;
  const count = rng.poisson((annualTicketRate(ticketsPerYear[plan.segment], volume) * (to - from)) / YEAR_MS);
  for (let i = 0; i < count; i += 1) {
    const createdAt = from + Math.floor(rng.float() * (to - from));
    const pUrgent = sigmoid(-3 + 0.6 * urgency);
    const pHigh = sigmoid(-1.4 + 0.4 * volume);
    const priority = rng.weightedPick(priorities, [
      pUrgent,
      pHigh * (1 - pUrgent),
      0.6 * (1 - pHigh) * (1 - pUrgent),
      0.4 * (1 - pHigh) * (1 - pUrgent),
    ]);
    const category = rng.weightedPick(categories, [0.4, isLatePayer ? 0.32 : 0.12, 0.2, 0.28]);
    const hours = medianHoursToClose[priority] * Math.exp(0.9 * rng.normal() + 0.2 * volume);
    const closeAt = createdAt + Math.round(hours * HOUR_MS);
    const escalation =
      { URGENT: 0.5, HIGH: 0.15, MEDIUM: 0.02, LOW: 0.01 }[priority] * (urgency > 1 ? 1.5 : 1);
    const draft = { createdAt, closedAt: closeAt <= now ? closeAt : undefined, priority, category };
    writeTicket(store, plan, contacts, { ...draft, escalated: rng.chance(escalation) }, rng, now);
  }
  const openUrgent = rng.poisson(openUrgentTicketMean(urgency));
  for (let i = 0; i < openUrgent; i += 1) {
    const createdAt = plan.predictionAt - Math.round(rng.range(0.5, 20) * DAY_MS);
    const closedAt = plan.outcomeKnown
      ? plan.predictionAt + Math.round(rng.range(1, 30) * DAY_MS)
      : undefined;
    const category = rng.chance(0.8) ? 'PRODUCT_ISSUE' : 'BILLING_ISSUE';
    const draft = { createdAt, closedAt, priority: 'URGENT', category, escalated: rng.chance(0.7) } as const;
    writeTicket(store, plan, contacts, draft, rng, now);
  }
  return count + openUrgent;
}

function writeTicket(
  store: SandboxStore,
  plan: CompanyPlan,
  contacts: readonly GeneratedContact[],
  draft: TicketDraft,
  rng: Prng,
  now: number,
): void {
  const id = store.tables.tickets.allocateId();
  const contact = rng.pick(contacts);
  const updatedAt = draft.closedAt ?? Math.max(draft.createdAt, now - Math.round(rng.range(0, 3) * DAY_MS));
  const created = wireDateTime(draft.createdAt);
  const modified = updatedAt === draft.createdAt ? created : wireDateTime(updatedAt);
  const properties: Record<string, string> = {
    content: rng.pick(ticketBodies[draft.category][contact.locale]),
    createdate: created,
    escalated: wireBoolean(draft.escalated),
    hs_lastmodifieddate: modified,
    hs_object_id: id,
    hs_pipeline: SUPPORT_PIPELINE,
    hs_pipeline_stage: draft.closedAt === undefined ? rng.pick(openStages) : ticketStages.closed,
    hs_ticket_category: draft.category,
    hs_ticket_priority: draft.priority,
    subject: rng.pick(ticketSubjects[draft.category][contact.locale]),
  };
  if (draft.closedAt !== undefined) {
    // A closed ticket was last modified when it was closed.
    properties.closed_date = modified;
    properties.time_to_close = wireNumber(draft.closedAt - draft.createdAt);
  }
  insertGenerated(store, 'tickets', id, properties, draft.createdAt, updatedAt);
  store.associations.add('tickets', id, 'companies', plan.id);
  store.associations.add('tickets', id, 'contacts', contact.id);
}
