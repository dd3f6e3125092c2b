import type { ReportPeriod } from '@harbor/wire';

import { buildRetentionReport } from '../../reports/retention/build-retention-report.ts';
import type { ExportColumn, ExportRow } from '../export-columns.ts';
import type { DatasetContext, ExportDataset } from './export-dataset.ts';

/** Quarters first: the figures CS leaders report; months for the trend charts a BI tool draws. */
const exportedPeriods: readonly ReportPeriod[] = ['quarter', 'month'];

const ratio = (formula: string): string => `${formula}, as a fraction (0.93, not 93); empty when start is 0`;

const columns: readonly ExportColumn[] = [
  { name: 'portal_id', type: 'bigint', meaning: 'HubSpot portal (account) id' },
  { name: 'period', type: 'text', meaning: 'quarter or month' },
  { name: 'segment', type: 'text', meaning: '"all" (the whole book) or one segment of the health model' },
  { name: 'period_start', type: 'date', meaning: 'first day of the period' },
  { name: 'period_end', type: 'date', meaning: 'last day of the period (inclusive)' },
  { name: 'complete', type: 'boolean', meaning: 'false for the period that contains the export day' },
  { name: 'customers_start', type: 'integer', meaning: 'customers active on period_start' },
  {
    name: 'customers_churned',
    type: 'integer',
    meaning: 'of those, customers whose recurring revenue fell to 0',
  },
  {
    name: 'starting_revenue',
    type: 'number',
    meaning: 'recurring revenue (ARR) of those customers at the start',
  },
  { name: 'churned_revenue', type: 'number', meaning: 'ARR lost to churned customers' },
  { name: 'contraction_revenue', type: 'number', meaning: 'ARR lost to downgrades of customers who stayed' },
  { name: 'expansion_revenue', type: 'number', meaning: 'ARR gained from customers active at the start' },
  {
    name: 'grr',
    type: 'number',
    meaning: ratio('gross revenue retention (start − churned − contraction) / start'),
  },
  {
    name: 'nrr',
    type: 'number',
    meaning: ratio('net revenue retention (start + expansion − contraction − churned) / start'),
  },
  { name: 'logo_churn', type: 'number', meaning: ratio('customers_churned / customers_start') },
  { name: 'gross_revenue_churn', type: 'number', meaning: ratio('(churned + contraction) / start') },
  {
    name: 'net_revenue_churn',
    type: 'number',
    meaning: ratio('(churned + contraction − expansion) / start'),
  },
];

/**
 * The retention report (docs/reports.md, "Retention") per quarter and per month over its default window; a
 * report is bounded (one row per segment and period), so each period's report is one batch.
 */
export const retentionDataset: ExportDataset = {
  name: 'retention_metrics',
  description:
    'Retention metrics per segment and period (quarterly and monthly rows), as `harbor report retention`.',
  source: 'harbor report retention --period quarter and --period month',
  columns,
  async *batches(context: DatasetContext): AsyncIterable<readonly ExportRow[]> {
    for (const period of exportedPeriods) {
      const report = await buildRetentionReport(context.db, context.portalId, { period }, context.now);
      const rows = report.rows.map((row): ExportRow => ({
        portal_id: report.portalId,
        period: report.period,
        segment: row.segment,
        period_start: row.periodStart,
        period_end: row.periodEnd,
        complete: row.complete,
        customers_start: row.customersStart,
        customers_churned: row.customersChurned,
        starting_revenue: row.startingRevenue,
        churned_revenue: row.churnedRevenue,
        contraction_revenue: row.contractionRevenue,
        expansion_revenue: row.expansionRevenue,
        grr: row.grr,
        nrr: row.nrr,
        logo_churn: row.logoChurn,
        gross_revenue_churn: row.grossRevenueChurn,
        net_revenue_churn: row.netRevenueChurn,
      }));
      for (let start = 0; start < rows.length; start += context.batchSize) {
        yield rows.slice(start, start + context.batchSize);
      }
    }
  },
};
