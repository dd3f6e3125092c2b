import type { CohortReportWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import { healthModelSchema } from '../../health/model/health-model-schema.ts';
import type { Logger } from '../../shared/logger.ts';
import { loadSignalSettings } from '../../signals/signal-settings-store.ts';
import type { Database } from '../../store/database-schema.ts';
import { findCurrentHealthModel } from '../../store/repositories/health-models-repository.ts';
import { listPipelineStages } from '../../store/repositories/pipeline-stages-repository.ts';
import type { ReportQuery } from '../report-kinds.ts';
import { companyRevenueFacts } from '../retention/company-revenue.pure.ts';
import { reportPeriodsFor } from '../retention/report-periods.pure.ts';
import { loadRetentionCompanies, loadRetentionDeals } from '../retention/retention-loader.ts';
import { revenueTimeline } from '../retention/revenue-timeline.pure.ts';
import { cohortReport, type CohortCompany } from './cohort-survival.pure.ts';

/** Companies Harbor has not scored have no model segment: the retention report's name for them. */
const unsegmented = 'unsegmented';

/** The renewal-pipeline text of the portal's model, read-only (the scorer saves models, never a report). */
async function renewalPipelineText(db: Kysely<Database>, portalId: number): Promise<string> {
  const stored = await findCurrentHealthModel(db, portalId);
  const parsed = stored === undefined ? undefined : healthModelSchema.safeParse(stored.model);
  return parsed?.success === true
    ? parsed.data.outcomes.renewalPipelineLabel
    : defaultHealthModel.outcomes.renewalPipelineLabel;
}

/**
 * The cohort report of one portal (docs/reports.md, "Cohorts"): the same revenue timelines as the retention
 * report — same deals, same start and churn instants — grouped by start period and read as lifetimes.
 */
export async function buildCohortReport(
  db: Kysely<Database>,
  logger: Logger,
  portalId: number,
  query: ReportQuery,
  now: Date,
): Promise<CohortReportWire> {
  const periods = reportPeriodsFor(query.period, query, now);
  const settings = await loadSignalSettings(db, logger, portalId);
  const [renewalText, companies, deals, stages] = await Promise.all([
    renewalPipelineText(db, portalId),
    loadRetentionCompanies(db, portalId, settings.properties.contractValue),
    loadRetentionDeals(db, portalId),
    listPipelineStages(db, portalId, 'deals'),
  ]);
  const facts = companyRevenueFacts(companies, deals, stages, renewalText);
  const cohortCompanies: CohortCompany[] = [];
  for (const company of companies) {
    if (query.ownerId !== undefined && company.owner_id !== query.ownerId) continue;
    const segment = company.segment ?? unsegmented;
    if (query.segment !== undefined && segment !== query.segment) continue;
    const companyFacts = facts.get(company.id);
    if (companyFacts === undefined) continue;
    cohortCompanies.push({ segment, steps: revenueTimeline(companyFacts) });
  }
  return cohortReport(cohortCompanies, {
    portalId,
    period: query.period,
    segment: query.segment ?? 'all',
    periods,
    now: now.getTime(),
  });
}
