import type { SignalThresholds } from '@harbor/wire';

import type { SignalEvidenceItem, SignalFiring, SignalInputs } from '../signal-types.ts';
import { isExecutiveTitle } from './executive-title.pure.ts';
import { evidence, withinDays } from './rule-helpers.pure.ts';
import { isLowAnswer } from './survey-answers.pure.ts';

type Thresholds = SignalThresholds['executive_complaint'] & {
  executiveTitles: readonly string[];
};

/**
 * Within `withinDays`: a low survey answer (NPS ≤ `maxNps`, CSAT 0, CES 1–3) from a contact whose job title
 * matches the executive list, a ticket raised by such a contact, or a ticket whose mapped executive flag reads
 * true. Evidence is the newest one. Severity: high; critical when there are two or more, or the executive's
 * NPS is 3 or lower (a sponsor this unhappy is a renewal at stake).
 */
export function executiveComplaintRule(
  inputs: SignalInputs,
  thresholds: Thresholds,
  now: number,
): SignalFiring | null {
  const found: { at: number; items: SignalEvidenceItem[]; severe: boolean }[] = [];
  for (const answer of inputs.feedback) {
    if (!withinDays(answer.submittedAt, now, thresholds.withinDays)) continue;
    if (!isLowAnswer(answer, thresholds.maxNps)) continue;
    if (!isExecutiveTitle(answer.contactJobTitle, thresholds.executiveTitles)) continue;
    found.push({
      at: answer.submittedAt,
      severe: answer.type === 'NPS' && answer.value <= 3,
      items: [
        evidence('answer_id', answer.id),
        evidence('survey_type', answer.type),
        evidence('answer_value', answer.value),
        evidence('answer_submitted', null, answer.submittedAt),
        evidence('contact_job_title', answer.contactJobTitle ?? null),
        ...(answer.comment === null || answer.comment === undefined
          ? []
          : [evidence('answer_comment', answer.comment)]),
      ],
    });
  }
  for (const ticket of inputs.tickets) {
    if (!withinDays(ticket.createdAt, now, thresholds.withinDays)) continue;
    const flagged = ticket.executiveFlag?.trim().toLowerCase() === 'true';
    const fromExecutive = isExecutiveTitle(ticket.contactJobTitle, thresholds.executiveTitles);
    if (!flagged && !fromExecutive) continue;
    found.push({
      at: ticket.createdAt,
      severe: false,
      items: [
        evidence('ticket_id', ticket.id),
        ...(ticket.subject === undefined ? [] : [evidence('ticket_subject', ticket.subject)]),
        evidence('ticket_opened', null, ticket.createdAt),
        ...(fromExecutive ? [evidence('contact_job_title', ticket.contactJobTitle ?? null)] : []),
      ],
    });
  }
  if (found.length === 0) return null;
  found.sort((a, b) => b.at - a.at);
  const newest = found[0];
  if (newest === undefined) return null;
  const critical = found.length > 1 || found.some((item) => item.severe);
  return { type: 'executive_complaint', severity: critical ? 'critical' : 'high', evidence: newest.items };
}
