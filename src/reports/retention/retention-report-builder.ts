import type { ReportBuilder } from '../report-kinds.ts';
import { buildRetentionReport } from './build-retention-report.ts';
import { retentionCsv, retentionMarkdown, retentionTable } from './render-retention-report.pure.ts';

/** `harbor report retention`: the wire object as json, and the same rows as a table, CSV and Markdown. */
export const retentionReportBuilder: ReportBuilder = async (context, query) => {
  const report = await buildRetentionReport(context.db, context.portalId, query, context.now, context.logger);
  return {
    json: report,
    table: retentionTable(report),
    csv: retentionCsv(report),
    md: retentionMarkdown(report),
  };
};
