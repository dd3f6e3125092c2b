import type { ReportBuilder } from '../report-kinds.ts';
import { buildCohortReport } from './build-cohort-report.ts';
import { renderCohortReport } from './render-cohort-report.ts';

/** `harbor report cohorts`: the cohort report of one portal in every format. */
export const cohortReportBuilder: ReportBuilder = async ({ db, logger, portalId, now }, query) =>
  renderCohortReport(await buildCohortReport(db, logger, portalId, query, now));
