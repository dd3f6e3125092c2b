import { sql, type Kysely } from 'kysely';

import type { Tier } from '../../health/model/health-model-schema.ts';
import type { Database } from '../database-schema.ts';

/**
 * What account action plans read besides signals and playbooks: the companies that have one, their owners,
 * their last reviews, the last thing a person did about them, and the weekly reviews already made.
 */

const activeStatuses = ['open', 'acknowledged', 'in_progress', 'recovered'] as const;

/** Task keys that are not steps of a plan: the review tasks themselves. */
const reviewKeyPattern = 'review:%';
const playbookKeyPattern = 'playbook:%';

export interface PlanCompanyRow {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  ownerFirstName: string | null;
  ownerLastName: string | null;
  ownerEmail: string | null;
  score: number | null;
  tier: Tier | null;
  tierSince: Date | null;
}

/**
 * Companies that may have a plan: scored at risk (and not archived), or with an active risk signal or an
 * active expansion signal. The pure rules decide; this only keeps the rest of the portal out.
 */
export async function listPlanCompanyIds(db: Kysely<Database>, portalId: number): Promise<string[]> {
  const result = await sql<{ company_id: string }>`
    select s.company_id from health_scores s
      left join companies c on c.portal_id = s.portal_id and c.id = s.company_id
      where s.portal_id = ${portalId} and s.tier = 'at_risk' and coalesce(c.archived, false) = false
    union
    select g.company_id from signals g
      where g.portal_id = ${portalId} and g.status in (${sql.join([...activeStatuses])})
        and (g.kind = 'risk' or g.type = 'expansion')
    order by 1`.execute(db);
  return result.rows.map((row) => row.company_id);
}

/** The companies' names, owners (with the owners table's names) and current scores. */
export async function loadPlanCompanies(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<PlanCompanyRow[]> {
  if (companyIds.length === 0) return [];
  const ids = [...companyIds];
  const [companies, scores] = await Promise.all([
    db
      .selectFrom('companies as c')
      .leftJoin('owners as o', (join) =>
        join
          .onRef('o.portal_id', '=', 'c.portal_id')
          .on((eb) => eb('o.id', '=', sql<string>`c.properties->>'hubspot_owner_id'`)),
      )
      .select([
        'c.id',
        sql<string | null>`c.properties->>'name'`.as('name'),
        sql<string | null>`nullif(c.properties->>'hubspot_owner_id', '')`.as('owner_id'),
        'o.first_name',
        'o.last_name',
        'o.email',
      ])
      .where('c.portal_id', '=', portalId)
      .where('c.id', 'in', ids)
      .execute(),
    db
      .selectFrom('health_scores')
      .select(['company_id', 'score', 'tier', 'tier_since'])
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', ids)
      .execute(),
  ]);
  const companyById = new Map(companies.map((row) => [row.id, row]));
  const scoreById = new Map(scores.map((row) => [row.company_id, row]));
  return [...new Set(ids)].sort().map((companyId) => {
    const company = companyById.get(companyId);
    const score = scoreById.get(companyId);
    return {
      companyId,
      name: company?.name ?? null,
      ownerId: company?.owner_id ?? null,
      ownerFirstName: company?.first_name ?? null,
      ownerLastName: company?.last_name ?? null,
      ownerEmail: company?.email ?? null,
      score: score?.score ?? null,
      tier: score?.tier ?? null,
      tierSince: score?.tier_since ?? null,
    };
  });
}

/** Each company's latest plan review. */
export async function latestPlanReviews(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, Date>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan_reviews')
    .select(['company_id', (eb) => eb.fn.max('reviewed_at').as('at')])
    .where('portal_id', '=', portalId)
    .where('company_id', 'in', [...companyIds])
    .groupBy('company_id')
    .execute();
  return new Map(rows.map((row) => [row.company_id, new Date(row.at as Date | string)]));
}

/** Each company's latest signal event made by a person (anything but Harbor's own rules and jobs). */
export async function latestPersonSignalEvents(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, Date>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('signal_events as e')
    .innerJoin('signals as g', (join) =>
      join.onRef('g.portal_id', '=', 'e.portal_id').onRef('g.id', '=', 'e.signal_id'),
    )
    .select(['g.company_id', (eb) => eb.fn.max('e.at').as('at')])
    .where('e.portal_id', '=', portalId)
    .where('g.company_id', 'in', [...companyIds])
    .where('e.actor', '<>', 'harbor')
    .groupBy('g.company_id')
    .execute();
  return new Map(rows.map((row) => [row.company_id, new Date(row.at as Date | string)]));
}

export interface PlanTaskRow {
  companyId: string;
  key: string;
  subject: string;
  dueAt: Date;
  hubspotTaskId: string | null;
  status: string;
  completedAt: Date | null;
}

/**
 * The companies' Harbor tasks that belong to their plans (every key but the review tasks'): the open ones
 * outside playbooks (a signal's task, an escalation) become next steps, and the completed ones say when the
 * plan last moved.
 */
export async function listPlanTasks(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<{ open: PlanTaskRow[]; lastCompletedAt: Map<string, Date> }> {
  if (companyIds.length === 0) return { open: [], lastCompletedAt: new Map() };
  const [open, completed] = await Promise.all([
    db
      .selectFrom('harbor_tasks')
      .select(['company_id', 'task_key', 'subject', 'due_at', 'hubspot_task_id', 'status', 'completed_at'])
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', [...companyIds])
      .where('status', '<>', 'COMPLETED')
      .where('task_key', 'not like', reviewKeyPattern)
      .where('task_key', 'not like', playbookKeyPattern)
      .orderBy('due_at')
      .execute(),
    db
      .selectFrom('harbor_tasks')
      .select(['company_id', (eb) => eb.fn.max('completed_at').as('at')])
      .where('portal_id', '=', portalId)
      .where('company_id', 'in', [...companyIds])
      .where('status', '=', 'COMPLETED')
      .where('completed_at', 'is not', null)
      .where('task_key', 'not like', reviewKeyPattern)
      .groupBy('company_id')
      .execute(),
  ]);
  return {
    open: open.map((row) => ({
      companyId: row.company_id,
      key: row.task_key,
      subject: row.subject,
      dueAt: row.due_at,
      hubspotTaskId: row.hubspot_task_id,
      status: row.status,
      completedAt: row.completed_at,
    })),
    lastCompletedAt: new Map(
      completed
        .filter((row) => row.at !== null)
        .map((row) => [row.company_id, new Date(row.at as Date | string)]),
    ),
  };
}

export async function insertPlanReview(
  db: Kysely<Database>,
  portalId: number,
  review: { companyId: string; reviewedBy: string; note: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('plan_reviews')
    .values({
      portal_id: portalId,
      company_id: review.companyId,
      reviewed_by: review.reviewedBy,
      note: review.note,
      reviewed_at: now,
    })
    .execute();
}

export async function findWeeklyReview(
  db: Kysely<Database>,
  portalId: number,
  week: string,
): Promise<{ week: string; createdAt: Date } | undefined> {
  const row = await db
    .selectFrom('weekly_reviews')
    .select(['week', 'created_at'])
    .where('portal_id', '=', portalId)
    .where('week', '=', week)
    .executeTakeFirst();
  return row === undefined ? undefined : { week: row.week, createdAt: row.created_at };
}

/** When the portal's last review tasks were made; undefined before the first review. */
export async function latestWeeklyReviewAt(
  db: Kysely<Database>,
  portalId: number,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('weekly_reviews')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  const at = row?.at as Date | string | null | undefined;
  return at === null || at === undefined ? undefined : new Date(at);
}

/** Records the week's review as made; a second instance recording the same week changes nothing. */
export async function recordWeeklyReview(
  db: Kysely<Database>,
  portalId: number,
  review: { week: string; owners: number; tasksCreated: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto('weekly_reviews')
    .values({
      portal_id: portalId,
      week: review.week,
      owners: review.owners,
      tasks_created: review.tasksCreated,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'week']).doNothing())
    .execute();
}

/** The companies' names as Harbor's copy of the CRM has them (absent: not synced, or no name). */
export async function loadCompanyNames(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<Map<string, string>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('companies')
    .select(['id', sql<string | null>`properties->>'name'`.as('name')])
    .where('portal_id', '=', portalId)
    .where('id', 'in', [...new Set(companyIds)])
    .execute();
  return new Map(
    rows.flatMap((row) => (row.name === null || row.name.trim() === '' ? [] : [[row.id, row.name.trim()]])),
  );
}

/** The owners' names (first and last, else the email). */
export async function loadOwnerNames(
  db: Kysely<Database>,
  portalId: number,
  ownerIds: readonly string[],
): Promise<Map<string, string>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('owners')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('portal_id', '=', portalId)
    .where('id', 'in', [...new Set(ownerIds)])
    .execute();
  const names = new Map<string, string>();
  for (const row of rows) {
    const full = [row.first_name, row.last_name]
      .map((part) => part?.trim() ?? '')
      .filter((part) => part !== '')
      .join(' ');
    const name = full === '' ? (row.email?.trim() ?? '') : full;
    if (name !== '') names.set(row.id, name);
  }
  return names;
}
