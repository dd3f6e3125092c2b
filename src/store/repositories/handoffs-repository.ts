import type { HandoffKind, HandoffOutcome } from '@harbor/wire';
import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';
import type { HandoffAssignee } from '../../handoffs/handoff-routing.pure.ts';

export interface HandoffRow {
  portalId: number;
  id: number;
  key: string;
  kind: HandoffKind;
  companyId: string;
  dealId: string | null;
  ticketId: string | null;
  reason: string;
  note: string | null;
  requestedBy: string;
  destination: Record<string, string> | null;
  assignee: HandoffAssignee | null;
  outcome: HandoffOutcome;
  detail: string | null;
  hubspotTaskId: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewHandoff {
  key: string;
  kind: HandoffKind;
  companyId: string;
  dealId: string | null;
  ticketId: string | null;
  reason: string;
  note: string | null;
  requestedBy: string;
}

type Selected = Awaited<ReturnType<typeof selectByKey>>;

function selectByKey(db: Kysely<Database>, portalId: number, key: string) {
  return db
    .selectFrom('handoffs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('handoff_key', '=', key)
    .executeTakeFirst();
}

function toRow(row: NonNullable<Selected>): HandoffRow {
  return {
    portalId: row.portal_id,
    id: row.id,
    key: row.handoff_key,
    kind: row.kind,
    companyId: row.company_id,
    dealId: row.deal_id,
    ticketId: row.ticket_id,
    reason: row.reason,
    note: row.note,
    requestedBy: row.requested_by,
    destination: row.destination,
    assignee: row.assignee as HandoffAssignee | null,
    outcome: row.outcome,
    detail: row.detail,
    hubspotTaskId: row.hubspot_task_id,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The hand-off for `input.key`, recorded as pending when it is new; an existing one is returned as it is. */
export async function recordHandoff(
  db: Kysely<Database>,
  portalId: number,
  input: NewHandoff,
  now: Date,
): Promise<{ row: HandoffRow; isNew: boolean }> {
  const inserted = await db
    .insertInto('handoffs')
    .values({
      portal_id: portalId,
      handoff_key: input.key,
      kind: input.kind,
      company_id: input.companyId,
      deal_id: input.dealId,
      ticket_id: input.ticketId,
      reason: input.reason,
      note: input.note,
      requested_by: input.requestedBy,
      outcome: 'pending',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'handoff_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const row = await selectByKey(db, portalId, input.key);
  if (row === undefined) throw new Error(`hand-off ${input.key} vanished after its insert`);
  return { row: toRow(row), isNew: inserted !== undefined };
}

export interface HandoffAttempt {
  outcome: HandoffOutcome;
  destination: Record<string, string> | null;
  assignee: HandoffAssignee | null;
  detail: string | null;
  hubspotTaskId: string | null;
}

/** Records an attempt's outcome (each attempt counts); a created hand-off is never changed again. */
export async function recordHandoffAttempt(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  attempt: HandoffAttempt,
  now: Date,
): Promise<HandoffRow> {
  await db
    .updateTable('handoffs')
    .set((eb) => ({
      outcome: attempt.outcome,
      destination: attempt.destination === null ? null : JSON.stringify(attempt.destination),
      assignee: attempt.assignee === null ? null : JSON.stringify(attempt.assignee),
      detail: attempt.detail,
      hubspot_task_id: attempt.hubspotTaskId,
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .where('outcome', '!=', 'created')
    .execute();
  const row = await db
    .selectFrom('handoffs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

/** The company's hand-offs, newest first. */
export async function listCompanyHandoffs(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
  limit = 200,
): Promise<HandoffRow[]> {
  const rows = await db
    .selectFrom('handoffs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('company_id', '=', companyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

/** Active owners in the HubSpot team (as the last owners sync saw them). */
export async function listTeamMemberIds(
  db: Kysely<Database>,
  portalId: number,
  teamId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('owners')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('archived', '=', false)
    .where(sql<boolean>`team_ids @> ${JSON.stringify([teamId])}::jsonb`)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Stores the owners' team ids (the owners themselves are upserted by the owners sync just before). */
export async function saveOwnerTeams(
  db: Kysely<Database>,
  portalId: number,
  owners: readonly { id: string; teams: readonly { id: string }[] }[],
): Promise<void> {
  if (owners.length === 0) return;
  const values = sql.join(
    owners.map((owner) => sql`(${owner.id}, ${JSON.stringify(owner.teams.map((team) => team.id))})`),
  );
  await sql`
    update owners o set team_ids = v.team_ids::jsonb
      from (values ${values}) as v(id, team_ids)
     where o.portal_id = ${portalId} and o.id = v.id`.execute(db);
}

export async function loadCompanyName(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('companies')
    .select(sql<string | null>`properties->>'name'`.as('name'))
    .where('portal_id', '=', portalId)
    .where('id', '=', companyId)
    .where('archived', '=', false)
    .executeTakeFirst();
  return row === undefined ? undefined : row.name;
}

export interface OpenDealRow {
  id: string;
  name: string | null;
  closeDate: string | null;
  isRenewal: boolean;
}

/**
 * The company's deals that are not in a closed stage, renewals first (a pipeline labelled "renewal", or the
 * deal type "existingbusiness"), then by close date. A deal whose stage Harbor has not synced counts as open.
 */
export async function listOpenCompanyDeals(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
): Promise<OpenDealRow[]> {
  const result = await sql<{
    id: string;
    name: string | null;
    close_date: string | null;
    is_renewal: boolean;
  }>`
    select d.id, d.properties->>'dealname' as name, d.properties->>'closedate' as close_date,
           (coalesce(lower(ps.pipeline_label), '') similar to '%(renew|renova)%'
             or coalesce(d.properties->>'dealtype', '') = 'existingbusiness') as is_renewal
      from company_associations ca
      join deals d on d.portal_id = ca.portal_id and d.id = ca.object_id and not d.archived
      left join pipeline_stages ps on ps.portal_id = d.portal_id and ps.object_type = 'deals'
           and ps.pipeline_id = d.properties->>'pipeline' and ps.stage_id = d.properties->>'dealstage'
     where ca.portal_id = ${portalId} and ca.company_id = ${companyId} and ca.object_type = 'deals'
       and coalesce(ps.is_closed, false) = false
     order by is_renewal desc, d.properties->>'closedate' nulls last, d.id
     limit 100`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    closeDate: row.close_date,
    isRenewal: row.is_renewal,
  }));
}

export interface SignalCandidate {
  signalId: number;
  companyId: string;
  evidence: { key: string; value: number | string | null; at?: string | undefined }[];
}

/**
 * Signals of `type` that are open, acknowledged or in progress on companies whose current tier is `tier`:
 * critical tickets on at-risk accounts (support), advocacy on healthy ones (marketing).
 */
export async function listSignalCandidates(
  db: Kysely<Database>,
  portalId: number,
  type: 'critical_ticket' | 'advocacy',
  tier: 'at_risk' | 'healthy',
): Promise<SignalCandidate[]> {
  const rows = await db
    .selectFrom('signals as s')
    .innerJoin('health_scores as h', (join) =>
      join.onRef('h.portal_id', '=', 's.portal_id').onRef('h.company_id', '=', 's.company_id'),
    )
    .select(['s.id', 's.company_id', 's.evidence'])
    .where('s.portal_id', '=', portalId)
    .where('s.type', '=', type)
    .where('s.status', 'in', ['open', 'acknowledged', 'in_progress'])
    .where('h.tier', '=', tier)
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({ signalId: row.id, companyId: row.company_id, evidence: row.evidence }));
}
