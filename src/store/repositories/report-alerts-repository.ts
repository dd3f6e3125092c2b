import type { AlertKind, AlertMetric, AlertTaskState, PortfolioAlertWire, ReportPeriod } from '@harbor/wire';
import { sql, type Kysely, type Selectable } from 'kysely';

import type { Database, ReportAlertsTable } from '../database-schema.ts';
import type { OpenAlert, Verdict } from '../../reports/alerts/alert-rules.pure.ts';

export type AlertRow = Selectable<ReportAlertsTable>;
export type CloseReason = 'recovered' | 'target_removed' | 'period_changed';

export function toOpenAlert(row: AlertRow): OpenAlert & { period: string; taskState: string } {
  return {
    id: row.id,
    segment: row.segment,
    metric: row.metric as AlertMetric,
    kind: row.kind as AlertKind,
    lastPeriodStart: row.last_period_start,
    period: row.period,
    taskState: row.task_state,
  };
}

export async function listOpenAlerts(db: Kysely<Database>, portalId: number): Promise<AlertRow[]> {
  return db
    .selectFrom('report_alerts')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('closed_at', 'is', null)
    .orderBy('id')
    .execute();
}

/**
 * Raises the alert of a breach, once: the breach's key (portal, segment, metric, kind, period and its first
 * period) makes a second insert — a rerun, another instance — a no-op while the alert is open.
 */
export async function raiseAlert(
  db: Kysely<Database>,
  portalId: number,
  period: ReportPeriod,
  breach: Verdict & { state: 'breach' },
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('report_alerts')
    .values({
      portal_id: portalId,
      segment: breach.segment,
      metric: breach.metric,
      kind: breach.kind,
      period,
      period_start: breach.periodStart,
      last_period_start: breach.periodStart,
      value: breach.value,
      reference: breach.reference,
      raised_at: now,
    })
    // The same breach seen again after its alert closed (its target was removed and set again, or late deals
    // put the period back in breach) reopens that alert: still one alert, and one task, per breach.
    .onConflict((conflict) =>
      conflict
        .columns(['portal_id', 'segment', 'metric', 'kind', 'period', 'period_start'])
        .doUpdateSet({
          closed_at: null,
          closed_reason: null,
          value: breach.value,
          reference: breach.reference,
        })
        .where('report_alerts.closed_at', 'is not', null),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function followAlert(
  db: Kysely<Database>,
  portalId: number,
  change: { id: number; lastPeriodStart: string; value: number; reference: number },
): Promise<void> {
  await db
    .updateTable('report_alerts')
    .set({ last_period_start: change.lastPeriodStart, value: change.value, reference: change.reference })
    .where('portal_id', '=', portalId)
    .where('id', '=', change.id)
    .where('closed_at', 'is', null)
    .execute();
}

export async function closeAlert(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  reason: CloseReason,
  now: Date,
): Promise<void> {
  await db
    .updateTable('report_alerts')
    .set({ closed_at: now, closed_reason: reason })
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

export async function setAlertTask(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  state: AlertTaskState,
  taskKey: string | null,
): Promise<void> {
  await db
    .updateTable('report_alerts')
    .set({ task_state: state, task_key: taskKey })
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .execute();
}

/**
 * The record a segment's alert task hangs off (HubSpot tasks belong to a record): the segment's scored,
 * unarchived company with the largest contract value, the account a CS lead looks at first. `all` takes the
 * whole book.
 */
export async function findAnchorCompany(
  db: Kysely<Database>,
  portalId: number,
  segment: string,
  contractValueProperty: string | null,
): Promise<string | undefined> {
  const raw = sql`c.properties->>${contractValueProperty ?? 'contract_value'}`;
  const value = sql`case when ${raw} ~ '^[0-9]{1,30}(\\.[0-9]{1,30})?$' then (${raw})::numeric end`;
  let query = db
    .selectFrom('health_scores as s')
    .innerJoin('companies as c', (join) =>
      join.onRef('c.portal_id', '=', 's.portal_id').onRef('c.id', '=', 's.company_id'),
    )
    .select('s.company_id')
    .where('s.portal_id', '=', portalId)
    .where('c.archived', '=', false);
  if (segment !== 'all') query = query.where('s.segment', '=', segment);
  const row = await query
    .orderBy(sql`${value} desc nulls last`)
    .orderBy('s.company_id')
    .limit(1)
    .executeTakeFirst();
  return row?.company_id;
}

const day = 86_400_000;

function toWire(row: AlertRow): PortfolioAlertWire {
  return {
    id: row.id,
    segment: row.segment,
    metric: row.metric as PortfolioAlertWire['metric'],
    kind: row.kind as PortfolioAlertWire['kind'],
    period: row.period as ReportPeriod,
    periodStart: row.period_start,
    lastPeriodStart: row.last_period_start,
    value: row.value,
    reference: row.reference,
    raisedAt: row.raised_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    task: row.task_state as AlertTaskState,
  };
}

/** The portfolio page's alerts: the open ones (newest first, at most 50) and those cleared in 30 days. */
export async function listPortfolioAlerts(
  db: Kysely<Database>,
  portalId: number,
  now: Date,
): Promise<{ open: PortfolioAlertWire[]; openTotal: number; cleared: PortfolioAlertWire[] }> {
  const [open, total, cleared] = await Promise.all([
    db
      .selectFrom('report_alerts')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('closed_at', 'is', null)
      .orderBy('raised_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('report_alerts')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('portal_id', '=', portalId)
      .where('closed_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('report_alerts')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('closed_at', '>=', new Date(now.getTime() - 30 * day))
      .orderBy('closed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(20)
      .execute(),
  ]);
  return { open: open.map(toWire), openTotal: Number(total?.count ?? 0), cleared: cleared.map(toWire) };
}
