import type { NpsReportWire, ReportPeriod, ReportSettings, RetentionReportWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Job } from '../../jobs/job.ts';
import { loadSignalSettings } from '../../signals/signal-settings-store.ts';
import type { Database } from '../../store/database-schema.ts';
import { listActivePortalIds } from '../../store/repositories/portals-repository.ts';
import { createTaskOnce } from '../../tasks/create-task-once.ts';
import type { TaskDeps } from '../../tasks/task-deps.ts';
import type { ReportQuery } from '../report-kinds.ts';
import { loadReportSettings } from '../report-settings-store.ts';
import {
  npsFigures,
  npsRowFigures,
  npsVerdicts,
  planAlertChanges,
  retentionFigures,
  targetVerdicts,
  type MetricFigure,
  type Verdict,
} from './alert-rules.pure.ts';
import { alertTask, alertTaskKey } from './alert-task.pure.ts';
import { alertWindow } from './alert-window.pure.ts';
import {
  closeAlert,
  findAnchorCompany,
  followAlert,
  listOpenAlerts,
  raiseAlert,
  setAlertTask,
  toOpenAlert,
  type AlertRow,
} from '../../store/repositories/report-alerts-repository.ts';

/** Every hour at minute 23 (UTC): off the minutes the syncs (0) and the weekly review (7) start on. */
export const defaultReportAlertsSchedule = '23 * * * *';

type ReportSource<Report> = (
  db: Kysely<Database>,
  portalId: number,
  query: ReportQuery,
  now: Date,
) => Promise<Report>;

/** Where the figures come from: the retention and NPS reports (a test gives its own). */
export interface AlertSources {
  retention: ReportSource<RetentionReportWire>;
  nps?: ReportSource<NpsReportWire> | undefined;
}

export type ReportAlertsDeps = TaskDeps & { now: () => Date; sources: AlertSources };

export interface ReportAlertsOutcome {
  raised: number;
  followed: number;
  closed: number;
  tasksCreated: number;
  /** Reports that could not be read this hour (their rules judged nothing). */
  unread: ('retention' | 'nps')[];
}

async function readFigures(
  deps: ReportAlertsDeps,
  portalId: number,
  settings: ReportSettings,
  now: Date,
): Promise<{ verdicts: Verdict[]; unread: ReportAlertsOutcome['unread'] }> {
  const query: ReportQuery = { period: settings.alertPeriod, ...alertWindow(settings.alertPeriod, now) };
  const unread: ReportAlertsOutcome['unread'] = [];
  const figures: MetricFigure[] = [];
  const verdicts: Verdict[] = [];
  try {
    figures.push(...retentionFigures((await deps.sources.retention(deps.db, portalId, query, now)).rows));
  } catch (error) {
    unread.push('retention');
    deps.logger.warn({ err: error, portalId }, 'the retention report could not be read; its alerts wait');
  }
  if (deps.sources.nps === undefined) unread.push('nps');
  else {
    try {
      const nps = npsRowFigures((await deps.sources.nps(deps.db, portalId, query, now)).rows);
      figures.push(...npsFigures(nps, settings.survey.minimumResponses));
      verdicts.push(...npsVerdicts(nps, settings.survey));
    } catch (error) {
      unread.push('nps');
      deps.logger.warn({ err: error, portalId }, 'the NPS report could not be read; its alerts wait');
    }
  }
  return { verdicts: [...targetVerdicts(figures, settings.targets), ...verdicts], unread };
}

/**
 * Gives each open alert without a task the CS lead's task. Without a CS lead the alert is logged as not
 * routed (it is still on the portfolio page), and it gets its task once one is set; a HubSpot failure
 * leaves it waiting for the next hour. The key is the alert's, so no alert ever gets two tasks.
 */
async function routeAlerts(
  deps: ReportAlertsDeps,
  portalId: number,
  open: readonly AlertRow[],
  now: Date,
): Promise<number> {
  const pending = open.filter((row) => row.task_state !== 'created');
  if (pending.length === 0) return 0;
  const signals = await loadSignalSettings(deps.db, deps.logger, portalId);
  const ownerId = signals.routing.escalationOwnerId;
  let created = 0;
  for (const row of pending) {
    if (ownerId === null) {
      if (row.task_state !== 'not_routed') {
        await setAlertTask(deps.db, portalId, row.id, 'not_routed', null);
        deps.logger.info(
          { portalId, alertId: row.id, segment: row.segment, metric: row.metric, kind: row.kind },
          'portfolio alert not routed: no CS lead (escalation owner) is set',
        );
      }
      continue;
    }
    const companyId = await findAnchorCompany(
      deps.db,
      portalId,
      row.segment,
      signals.properties.contractValue,
    );
    if (companyId === undefined) {
      if (row.task_state !== 'no_company') await setAlertTask(deps.db, portalId, row.id, 'no_company', null);
      continue;
    }
    const alert = {
      ...toOpenAlert(row),
      period: row.period as ReportPeriod,
      periodStart: row.period_start,
      value: row.value,
      reference: row.reference,
    };
    const request = alertTask(
      portalId,
      alert,
      { ownerId, companyId, language: signals.routing.taskLanguage },
      now.getTime(),
    );
    try {
      const result = await createTaskOnce(deps, request);
      if (result.outcome === 'in_progress') continue;
      await setAlertTask(deps.db, portalId, row.id, 'created', alertTaskKey(row.id));
      if (result.outcome === 'created') created += 1;
    } catch (error) {
      if (row.task_state !== 'waiting') await setAlertTask(deps.db, portalId, row.id, 'waiting', null);
      deps.logger.warn(
        { err: error, portalId, alertId: row.id },
        'an alert task was not made; retrying next hour',
      );
    }
  }
  return created;
}

/**
 * One pass of the trend alerts for a portal: read the figures of the alert period, judge them, raise the
 * new breaches, follow the ones that go on, clear the ones that recovered, then route the open alerts'
 * tasks. Every step is safe to repeat: breaches are keyed in the database, tasks by their alert.
 */
export async function runReportAlerts(
  deps: ReportAlertsDeps,
  portalId: number,
): Promise<ReportAlertsOutcome> {
  const now = deps.now();
  const reportSettings = await loadReportSettings(deps.db, deps.logger, portalId);
  const { verdicts, unread } = await readFigures(deps, portalId, reportSettings, now);

  const open = await listOpenAlerts(deps.db, portalId);
  let closed = 0;
  // Alerts of a period no longer watched are not judged any more: they close rather than linger.
  for (const row of open.filter((alert) => alert.period !== reportSettings.alertPeriod)) {
    await closeAlert(deps.db, portalId, row.id, 'period_changed', now);
    closed += 1;
  }
  const watched = open.filter((alert) => alert.period === reportSettings.alertPeriod).map(toOpenAlert);
  const changes = planAlertChanges(watched, verdicts, reportSettings.targets);
  for (const change of changes.close) await closeAlert(deps.db, portalId, change.id, change.reason, now);
  closed += changes.close.length;
  for (const change of changes.follow) await followAlert(deps.db, portalId, change);
  let raised = 0;
  for (const breach of changes.raise)
    if (await raiseAlert(deps.db, portalId, reportSettings.alertPeriod, breach, now)) raised += 1;

  const tasksCreated = await routeAlerts(deps, portalId, await listOpenAlerts(deps.db, portalId), now);
  const outcome = { raised, followed: changes.follow.length, closed, tasksCreated, unread };
  if (raised + closed + tasksCreated > 0) deps.logger.info({ portalId, ...outcome }, 'portfolio alerts pass');
  return outcome;
}

export interface ReportAlertsJobOptions {
  /** Holder of the alert tasks' claims (INSTANCE_ID). */
  instanceId: string;
  sources: AlertSources;
  schedule?: string;
}

/**
 * The trend alerts job, hourly per portal. It shares the `actions` lease with the signal actions (both make
 * Harbor's tasks in HubSpot), so one instance at a time judges a portal's alerts; the breach keys and the
 * task keys make even two side by side harmless.
 */
export function reportAlertsJob(options: ReportAlertsJobOptions): Job {
  return {
    name: 'report-alerts',
    schedule: options.schedule ?? defaultReportAlertsSchedule,
    lease: 'actions',
    portals: (deps) => listActivePortalIds(deps.db),
    async run(deps, context) {
      await runReportAlerts(
        {
          db: deps.db,
          gateway: deps.gateway,
          logger: context.logger,
          instanceId: options.instanceId,
          now: deps.now,
          sources: options.sources,
        },
        context.portalId,
      );
    },
  };
}
