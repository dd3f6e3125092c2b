import type { ReportBuilder, ReportKind } from './report-kinds.ts';

/** Each report's builder; a report lives in its own folder under src/reports and is listed here once. */
export const reportBuilders: Partial<Record<ReportKind, ReportBuilder>> = {};
