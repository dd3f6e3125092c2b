import type { RetentionReportWire } from '@harbor/wire';

import type { ReportQuery } from '../report-kinds.ts';
import { companyRevenueFacts, type StageFacts } from './company-revenue.pure.ts';
import { reportPeriodsFor } from './report-periods.pure.ts';
import type { RetentionCompanyRow, RetentionDealRow } from './retention-loader.ts';
import { retentionRows, type CompanyTimeline } from './retention-metrics.pure.ts';
import { revenueTimeline } from './revenue-timeline.pure.ts';

/** Companies Harbor has not scored yet have no model segment; they are reported under this name. */
export const unsegmented = 'unsegmented';

/** What the report is computed from: the loader's rows and the portal's renewal-pipeline text. */
export interface RetentionInputs {
  portalId: number;
  companies: readonly RetentionCompanyRow[];
  deals: readonly RetentionDealRow[];
  stages: readonly StageFacts[];
  renewalPipelineText: string;
}

/** The retention report from loaded rows (docs/reports.md, "Retention"); `now` is the report's today. */
export function retentionReport(inputs: RetentionInputs, query: ReportQuery, now: Date): RetentionReportWire {
  const periods = reportPeriodsFor(query.period, query, now);
  const facts = companyRevenueFacts(
    inputs.companies,
    inputs.deals,
    inputs.stages,
    inputs.renewalPipelineText,
  );
  const timelines: CompanyTimeline[] = [];
  for (const company of inputs.companies) {
    if (query.ownerId !== undefined && company.owner_id !== query.ownerId) continue;
    const segment = company.segment ?? unsegmented;
    if (query.segment !== undefined && segment !== query.segment) continue;
    const companyFacts = facts.get(company.id);
    const steps = companyFacts === undefined ? [] : revenueTimeline(companyFacts);
    if (steps.length > 0) timelines.push({ segment, steps });
  }
  const segments =
    query.segment === undefined
      ? [...new Set(timelines.map((timeline) => timeline.segment))].sort()
      : [query.segment];
  const rows = retentionRows(timelines, periods, segments, { withAll: query.segment === undefined, now });
  const today = now.toISOString().slice(0, 10);
  return {
    portalId: inputs.portalId,
    period: query.period,
    from: periods[0]?.startDay ?? query.from ?? today,
    to: periods.at(-1)?.endDay ?? query.to ?? today,
    rows,
  };
}
