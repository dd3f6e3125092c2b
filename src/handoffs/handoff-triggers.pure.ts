import type { HandoffFacts } from './handoff-task-text.pure.ts';
import { marketingHandoffKey, supportHandoffKey } from './handoff-keys.pure.ts';

type Evidence = readonly { key: string; value: number | string | null; at?: string | undefined }[];

export interface TriggeredHandoff {
  kind: 'support' | 'marketing';
  key: string;
  companyId: string;
  ticketId?: string;
  reason: string;
  facts: HandoffFacts;
}

function valueOf(evidence: Evidence, key: string): number | string | null {
  return evidence.find((item) => item.key === key)?.value ?? null;
}

function atOf(evidence: Evidence, key: string): string | null {
  return evidence.find((item) => item.key === key)?.at ?? null;
}

/**
 * A critical ticket signal on an at-risk account → a support hand-off for the ticket its evidence names (the
 * worst one). Without a ticket id there is nothing to link, so no hand-off (the signal itself stays open).
 */
export function supportHandoffFor(signal: {
  companyId: string;
  evidence: Evidence;
}): TriggeredHandoff | null {
  const ticketId = valueOf(signal.evidence, 'ticket_id');
  if (ticketId === null || !/^\d+$/.test(String(ticketId))) return null;
  const subject = valueOf(signal.evidence, 'ticket_subject');
  const hours = valueOf(signal.evidence, 'ticket_hours_open');
  const escalated = valueOf(signal.evidence, 'ticket_escalated') === 'true';
  const ticketSubject = subject === null ? null : String(subject);
  return {
    kind: 'support',
    key: supportHandoffKey(String(ticketId)),
    companyId: signal.companyId,
    ticketId: String(ticketId),
    reason: `Critical ticket ${ticketSubject === null ? `#${ticketId}` : `"${ticketSubject}"`} on an at-risk account`,
    facts: {
      kind: 'support',
      ticketId: String(ticketId),
      ticketSubject,
      hoursOpen: typeof hours === 'number' ? hours : null,
      escalated,
    },
  };
}

/** An advocacy signal (a promoter) on a healthy account → a reference candidate, once per company per quarter. */
export function marketingHandoffFor(
  signal: { companyId: string; evidence: Evidence },
  now: Date,
): TriggeredHandoff {
  const value = valueOf(signal.evidence, 'answer_value');
  const submitted = atOf(signal.evidence, 'answer_submitted');
  const npsScore = typeof value === 'number' ? value : null;
  return {
    kind: 'marketing',
    key: marketingHandoffKey(signal.companyId, now),
    companyId: signal.companyId,
    reason: `Promoter${npsScore === null ? '' : ` (NPS ${npsScore})`} in the healthy tier: reference candidate`,
    facts: { kind: 'marketing', npsScore, answeredOn: submitted === null ? null : submitted.slice(0, 10) },
  };
}
