import {
  strategyTrendPeriods,
  type NpsReportWire,
  type RetentionReportWire,
  type RetentionStrategyWire,
} from '@harbor/wire';
import type { Kysely } from 'kysely';

import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import { healthModelSchema } from '../../health/model/health-model-schema.ts';
import { loadActionSettings } from '../../signals/signal-settings-store.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { findCurrentHealthModel } from '../../store/repositories/health-models-repository.ts';
import { buildNpsReport } from '../nps/build-nps-report.ts';
import type { ReportContext, ReportQuery } from '../report-kinds.ts';
import { loadReportSettings } from '../report-settings-store.ts';
import { buildRetentionReport } from '../retention/build-retention-report.ts';
import { buildRetentionStrategy } from './retention-strategy.pure.ts';
import { periodsOf, strategyWindow } from './strategy-window.pure.ts';

/** Where the strategy's figures come from: the retention report (a test may hand it a fixed one). */
export type RetentionSource = (
  db: Kysely<Database>,
  portalId: number,
  query: ReportQuery,
  now: Date,
  logger: Logger,
) => Promise<RetentionReportWire>;

/** Where the NPS figures come from: the NPS report. */
export type NpsSource = (context: ReportContext, query: ReportQuery) => Promise<NpsReportWire>;

export interface StrategySources {
  retention: RetentionSource;
  nps: NpsSource;
}

const reportSources: StrategySources = { retention: buildRetentionReport, nps: buildNpsReport };

/**
 * The day the strategy is "as of": today, or the day after `--to` when that is earlier, so that a period
 * ending on `--to` counts as complete.
 */
export function strategyAsOf(now: Date, to: string | undefined): string {
  const today = now.toISOString().slice(0, 10);
  if (to === undefined) return today;
  const after = shiftDay(to);
  return after < today ? after : today;
}

function shiftDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The portal's retention strategy: the retention and NPS reports over the last four complete periods (the
 * segment and owner filters passed on), the report and action settings, and the segments to present — the
 * health model's, any others the reports or the targets name. `--from` is not used: the trend spans four.
 */
export async function loadRetentionStrategy(
  context: ReportContext,
  query: ReportQuery,
  sources: StrategySources = reportSources,
): Promise<RetentionStrategyWire> {
  const { db, logger, portalId, now } = context;
  const window = strategyWindow(strategyAsOf(now, query.to), query.period, strategyTrendPeriods);
  const asked = query.segment;
  const windowQuery: ReportQuery = {
    period: query.period,
    // `all` is the book, which the reports give without a segment filter.
    segment: asked === 'all' ? undefined : asked,
    ownerId: query.ownerId,
    from: window.from,
    to: window.to,
  };
  const [report, nps, reportSettings, actionSettings, model] = await Promise.all([
    sources.retention(db, portalId, windowQuery, now, logger),
    sources.nps(context, windowQuery),
    loadReportSettings(db, logger, portalId),
    loadActionSettings(db, logger, portalId),
    findCurrentHealthModel(db, portalId),
  ]);
  const parsedModel = healthModelSchema.safeParse(model?.model);
  const modelSegments = Object.keys((parsedModel.success ? parsedModel.data : defaultHealthModel).segments);
  const segments =
    asked === undefined
      ? [
          ...modelSegments,
          ...report.rows.map((row) => row.segment),
          ...nps.rows.map((row) => row.segment),
          ...reportSettings.targets.map((target) => target.segment),
        ]
      : asked === 'all'
        ? []
        : [asked];
  return buildRetentionStrategy({
    portalId,
    period: query.period,
    periods: periodsOf(window, query.period),
    segments,
    withBook: asked === undefined || asked === 'all',
    retention: report,
    npsRows: nps.rows,
    reportSettings,
    actionSettings,
  });
}
