import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import {
  loadFeedbackRows,
  loadTicketRows,
  type FeedbackRow,
  type TicketRow,
} from '../../store/repositories/health-inputs-repository.ts';
import type { FeedbackFact, SurveyType, TicketFact } from '../health-types.ts';
import { readTime } from '../engine/property-values.pure.ts';

/** The support facts of these companies' live tickets (see toTicketFact). */
export async function loadTicketFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  escalationProperty: string | null,
): Promise<Map<string, TicketFact[]>> {
  const facts = new Map<string, TicketFact[]>();
  for (const row of await loadTicketRows(db, portalId, companyIds, escalationProperty)) {
    const fact = toTicketFact(row);
    if (fact !== null) push(facts, row.company_id, fact);
  }
  return facts;
}

/**
 * One ticket row as the support facts read it; null when it has no readable creation time. A ticket in a
 * closed stage without a closed date (HubSpot sets one when a ticket closes; an import may not) counts as
 * closed when it was last modified.
 */
export function toTicketFact(row: Omit<TicketRow, 'company_id'>): TicketFact | null {
  const createdAt = readTime(row.created);
  if (createdAt === null) return null;
  const closedAt = readTime(row.closed) ?? (row.stage_closed === true ? row.modified_at.getTime() : null);
  const fact: TicketFact = { createdAt, escalated: row.escalated === 'true' };
  if (closedAt !== null) fact.closedAt = closedAt;
  if (row.priority !== null && row.priority !== '') fact.priority = row.priority;
  return fact;
}

const surveyTypes: ReadonlySet<string> = new Set<SurveyType>(['NPS', 'CSAT', 'CES']);

/** Survey answers attributed to these companies (through the submitting contact, see the sync). */
export async function loadFeedbackFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, FeedbackFact[]>> {
  const facts = new Map<string, FeedbackFact[]>();
  for (const row of await loadFeedbackRows(db, portalId, companyIds)) {
    const fact = toFeedbackFact(row);
    if (fact !== null) push(facts, row.company_id, fact);
  }
  return facts;
}

/** One survey answer row as a fact; null when its type is not NPS, CSAT or CES, or its value or time is unreadable. */
export function toFeedbackFact(row: Omit<FeedbackRow, 'company_id'>): FeedbackFact | null {
  const type = row.type?.toUpperCase();
  const value = row.value === null || row.value === '' ? Number.NaN : Number(row.value);
  const submittedAt = readTime(row.submitted);
  if (type === undefined || !surveyTypes.has(type) || !Number.isFinite(value) || submittedAt === null)
    return null;
  return { type: type as SurveyType, value, submittedAt };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
