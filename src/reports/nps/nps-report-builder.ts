import type { ReportBuilder } from '../report-kinds.ts';
import { buildNpsReport } from './build-nps-report.ts';
import { npsCsv, npsMarkdown, npsTable } from './render-nps-report.pure.ts';

/** `harbor report nps`: the wire object as json, and the same rows as a table, CSV and Markdown. */
export const npsReportBuilder: ReportBuilder = async (context, query) => {
  const report = await buildNpsReport(context, query);
  return { json: report, table: npsTable(report), csv: npsCsv(report), md: npsMarkdown(report) };
};
