import type { RetentionReportWire } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { pino } from 'pino';

import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import { healthModelSchema } from '../../health/model/health-model-schema.ts';
import type { Logger } from '../../shared/logger.ts';
import { loadSignalSettings } from '../../signals/signal-settings-store.ts';
import type { Database } from '../../store/database-schema.ts';
import { findCurrentHealthModel } from '../../store/repositories/health-models-repository.ts';
import { listPipelineStages } from '../../store/repositories/pipeline-stages-repository.ts';
import type { ReportQuery } from '../report-kinds.ts';
import { reportPeriodsFor } from './report-periods.pure.ts';
import { loadRetentionCompanies, loadRetentionDeals } from './retention-loader.ts';
import { retentionReport } from './retention-report.pure.ts';

const silent = pino({ level: 'silent' });

/** Read-only: the report never saves a default model (the scorer does), it falls back to the default's text. */
async function renewalPipelineText(db: Kysely<Database>, portalId: number): Promise<string> {
  const stored = await findCurrentHealthModel(db, portalId);
  const parsed = stored === undefined ? undefined : healthModelSchema.safeParse(stored.model);
  return parsed?.success === true
    ? parsed.data.outcomes.renewalPipelineLabel
    : defaultHealthModel.outcomes.renewalPipelineLabel;
}

/** The retention report of one portal (docs/reports.md, "Retention"); `now` is the report's today. */
export async function buildRetentionReport(
  db: Kysely<Database>,
  portalId: number,
  query: ReportQuery,
  now: Date,
  logger: Logger = silent,
): Promise<RetentionReportWire> {
  // A window too long fails before any query runs.
  reportPeriodsFor(query.period, query, now);
  const settings = await loadSignalSettings(db, logger, portalId);
  const [text, companies, deals, stages] = await Promise.all([
    renewalPipelineText(db, portalId),
    loadRetentionCompanies(db, portalId, settings.properties.contractValue),
    loadRetentionDeals(db, portalId),
    listPipelineStages(db, portalId, 'deals'),
  ]);
  return retentionReport({ portalId, companies, deals, stages, renewalPipelineText: text }, query, now);
}
