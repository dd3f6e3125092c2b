import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { loadFeedbackRows, loadTicketRows } from '../../store/repositories/health-inputs-repository.ts';
import type { FeedbackFact, SurveyType, TicketFact } from '../health-types.ts';
import { readTime } from '../engine/property-values.pure.ts';

/**
 * The support facts of these companies' live tickets. A ticket in a closed stage without a closed date
 * (HubSpot sets one when a ticket closes; an import may not) counts as closed when it was last modified.
 */
export async function loadTicketFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  escalationProperty: string | null,
): Promise<Map<string, TicketFact[]>> {
  const facts = new Map<string, TicketFact[]>();
  for (const row of await loadTicketRows(db, portalId, companyIds, escalationProperty)) {
    const createdAt = readTime(row.created);
    if (createdAt === null) continue;
    const closedAt = readTime(row.closed) ?? (row.stage_closed === true ? row.modified_at.getTime() : null);
    const fact: TicketFact = { createdAt, escalated: row.escalated === 'true' };
    if (closedAt !== null) fact.closedAt = closedAt;
    if (row.priority !== null && row.priority !== '') fact.priority = row.priority;
    push(facts, row.company_id, fact);
  }
  return facts;
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
    const type = row.type?.toUpperCase();
    const value = row.value === null || row.value === '' ? Number.NaN : Number(row.value);
    const submittedAt = readTime(row.submitted);
    if (type === undefined || !surveyTypes.has(type) || !Number.isFinite(value) || submittedAt === null)
      continue;
    push(facts, row.company_id, { type: type as SurveyType, value, submittedAt });
  }
  return facts;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
