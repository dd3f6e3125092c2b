import type { SignalSettings } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { DAY_MS, readNumber } from '../health/engine/property-values.pure.ts';
import { loadUsageFacts } from '../ingest/usage-facts.ts';
import { resolveSegment } from '../health/engine/segment.pure.ts';
import type { HealthModel } from '../health/model/health-model-schema.ts';
import { toFeedbackFact, toTicketFact } from '../health/scoring/health-inputs.ts';
import type { Database, PropertyHistoryEntry } from '../store/database-schema.ts';
import { loadCompaniesByIds } from '../store/repositories/health-inputs-repository.ts';
import { loadCompanyPropertyHistory } from '../store/repositories/health-property-history-repository.ts';
import {
  loadSignalFeedbackRows,
  loadSignalHealthRows,
  loadSignalTicketRows,
} from '../store/repositories/signal-inputs-repository.ts';
import type { SignalFeedback, SignalHealth, SignalInputs, SignalTicket } from './signal-types.ts';

/**
 * What the signal rules read about these companies (live ones; archived or unknown ids are left out), in
 * company-id order. Tickets and answers are read as the health score reads them (see health-inputs.ts), plus
 * ids, subjects, the answering contact's job title and the executive flag; the health is the stored score.
 */
export async function loadSignalInputs(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  model: HealthModel,
  settings: SignalSettings,
  now: number,
): Promise<SignalInputs[]> {
  const companies = await loadCompaniesByIds(db, portalId, companyIds);
  const ids = companies.map((company) => company.id);
  const [ticketRows, feedbackRows, healthRows, histories, usage] = await Promise.all([
    loadSignalTicketRows(
      db,
      portalId,
      ids,
      model.support.escalationProperty,
      settings.executiveTicketProperty,
    ),
    loadSignalFeedbackRows(db, portalId, ids),
    loadSignalHealthRows(db, portalId, ids),
    model.properties.activeUsers === null
      ? Promise.resolve(new Map<string, never>())
      : loadCompanyPropertyHistory(db, portalId, ids),
    loadUsageFacts(db, portalId, ids, now),
  ]);

  const tickets = new Map<string, SignalTicket[]>();
  for (const row of ticketRows) {
    const fact = toTicketFact(row);
    if (fact === null) continue;
    const ticket: SignalTicket = { id: row.id, ...fact };
    if (row.subject !== null && row.subject !== '') ticket.subject = row.subject;
    if (row.executive !== null) ticket.executiveFlag = row.executive;
    push(tickets, row.company_id, ticket);
  }

  const feedback = new Map<string, SignalFeedback[]>();
  for (const row of feedbackRows) {
    const fact = toFeedbackFact(row);
    if (fact === null) continue;
    push(feedback, row.company_id, {
      id: row.id,
      ...fact,
      contactJobTitle: row.job_title,
      comment: row.comment,
    });
  }

  const health = new Map<string, { segment: string; health: SignalHealth | null }>();
  for (const row of healthRows) {
    health.set(row.company_id, {
      segment: row.segment,
      health:
        row.score === null || row.tier === null
          ? null
          : {
              score: row.score,
              tier: row.tier,
              previousTier: row.previous_tier,
              tierChangedAt: row.previous_tier === null ? null : (row.tier_since?.getTime() ?? null),
            },
    });
  }

  return companies.map((company) => {
    const stored = health.get(company.id);
    const ingested = usage.get(company.id);
    const activeUsersHistory =
      model.properties.activeUsers === null
        ? undefined
        : histories.get(company.id)?.history[model.properties.activeUsers];
    return {
      companyId: company.id,
      properties: company.properties,
      segment: stored?.segment ?? resolveSegment(model, company.properties).name,
      tickets: tickets.get(company.id) ?? [],
      feedback: feedback.get(company.id) ?? [],
      health: stored?.health ?? null,
      model,
      previousActiveUsers: ingested?.activeUsersMonthAgo ?? valueAsOf(activeUsersHistory, now - 30 * DAY_MS),
      usage: ingested,
    };
  });
}

/** The newest history value at or before `time` as a count; null when the history does not reach back. */
function valueAsOf(history: readonly PropertyHistoryEntry[] | undefined, time: number): number | null {
  const entry = history?.find((version) => version.timestamp <= time);
  const value = readNumber(entry?.value);
  return value !== null && value >= 0 ? value : null;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
