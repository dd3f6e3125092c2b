import type { SurveyListResultWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { HubSpotRequestError } from '../../hubspot/hubspot-errors.ts';
import { contactObjectTypeId, type HubSpotList } from '../../hubspot/lists.ts';
import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { appendAudit } from '../../store/repositories/audit-log-repository.ts';
import { loadReportSettings } from '../report-settings-store.ts';
import { loadSurveyDue } from './load-survey-due.ts';

export type SurveyListGateway = Pick<PortalGateway, 'findListByName' | 'createManualList' | 'addListMembers'>;

export interface SurveyListDeps {
  db: Kysely<Database>;
  logger: Logger;
  /** The portal's HubSpot gateway (rate limit, token, retries), or a test's stand-in. */
  gatewayFor: (portalId: number) => SurveyListGateway;
}

/** Records per membership call; HubSpot's documented cap on one add is not stated in the spec, so stay small. */
const membersPerCall = 1_000;

/**
 * The period's list, found by name or created; a create that fails because another request created the same
 * name meanwhile is answered by finding it again. A list of that name that is not a static contact list is
 * someone else's: Harbor refuses rather than add contacts to a list it does not understand.
 */
async function periodList(
  gateway: SurveyListGateway,
  name: string,
): Promise<{ list: HubSpotList; created: boolean }> {
  const existing = await gateway.findListByName(contactObjectTypeId, name);
  if (existing !== null) return { list: existing, created: false };
  try {
    return { list: await gateway.createManualList(contactObjectTypeId, name), created: true };
  } catch (error) {
    if (!(error instanceof HubSpotRequestError)) throw error;
    const raced = await gateway.findListByName(contactObjectTypeId, name);
    if (raced === null) throw error;
    return { list: raced, created: false };
  }
}

/**
 * Puts the contacts (with an email) of every customer due a survey on the static contact list of the period
 * ("Harbor survey due 2026-Q4"): created once and reused, and adding a contact already on it adds nothing.
 * Audited under the user who asked.
 */
export async function buildSurveyList(
  deps: SurveyListDeps,
  portalId: number,
  actor: string,
  now: Date,
): Promise<SurveyListResultWire> {
  const settings = await loadReportSettings(deps.db, deps.logger, portalId);
  const {
    due,
    dueCompanyIds,
    dueContactIds: contactIds,
  } = await loadSurveyDue(deps.db, portalId, {
    cadence: settings.survey.cadence,
    now: now.getTime(),
  });
  const gateway = deps.gatewayFor(portalId);
  const { list, created } = await periodList(gateway, due.listName);
  if (list.processingType !== 'MANUAL' || list.objectTypeId !== contactObjectTypeId) {
    throw new AppError(
      'CONFLICT',
      `A HubSpot list named "${due.listName}" exists but is not a static contact list; rename it and try again`,
      { details: { listId: list.listId, processingType: list.processingType } },
    );
  }
  let added = 0;
  for (let start = 0; start < contactIds.length; start += membersPerCall) {
    const answer = await gateway.addListMembers(list.listId, contactIds.slice(start, start + membersPerCall));
    added += answer.recordsIdsAdded.length;
  }
  const result: SurveyListResultWire = {
    listId: list.listId,
    listName: due.listName,
    created,
    companies: dueCompanyIds.length,
    contacts: contactIds.length,
    added,
  };
  await appendAudit(deps.db, {
    portalId,
    actor,
    action: 'nps.survey_list',
    entity: `hubspot-list:${list.listId}`,
    before: null,
    after: result,
  });
  return result;
}
