import { cohortReportBuilder } from './cohorts/cohort-report-builder.ts';
import { digestReportBuilder } from './digest/digest-report-builder.ts';
import { npsReportBuilder } from './nps/nps-report-builder.ts';
import type { ReportBuilder, ReportKind } from './report-kinds.ts';
import { retentionReportBuilder } from './retention/retention-report-builder.ts';
import { strategyReport } from './strategy/strategy-report.ts';

/** Each report's builder; a report lives in its own folder under src/reports and is listed here once. */
export const reportBuilders: Readonly<Record<ReportKind, ReportBuilder>> = {
  retention: retentionReportBuilder,
  cohorts: cohortReportBuilder,
  strategy: strategyReport,
  nps: npsReportBuilder,
  digest: digestReportBuilder,
};
