import type { RetentionReportWire, RetentionRowWire } from '@harbor/wire';

import { cell, renderTable } from '../../cli/terminal/text-table.ts';

/** The json's row fields in order: the CSV's columns, so a spreadsheet and a script read the same thing. */
const csvColumns = [
  'segment',
  'periodStart',
  'periodEnd',
  'complete',
  'customersStart',
  'customersChurned',
  'startingRevenue',
  'churnedRevenue',
  'contractionRevenue',
  'expansionRevenue',
  'grr',
  'nrr',
  'logoChurn',
  'grossRevenueChurn',
  'netRevenueChurn',
] as const satisfies readonly (keyof RetentionRowWire)[];

const head = [
  'period',
  'segment',
  'customers at start',
  'churned',
  'starting ARR',
  'churned ARR',
  'contraction',
  'expansion',
  'GRR %',
  'NRR %',
  'logo churn %',
  'gross churn %',
  'net churn %',
];

function percent(value: number | null): string {
  return value === null ? '-' : cell(value * 100, 1);
}

function money(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

function cells(row: RetentionRowWire): string[] {
  return [
    `${row.periodStart}${row.complete ? '' : '*'}`,
    row.segment,
    String(row.customersStart),
    String(row.customersChurned),
    money(row.startingRevenue),
    money(row.churnedRevenue),
    money(row.contractionRevenue),
    money(row.expansionRevenue),
    percent(row.grr),
    percent(row.nrr),
    percent(row.logoChurn),
    percent(row.grossRevenueChurn),
    percent(row.netRevenueChurn),
  ];
}

function title(report: RetentionReportWire): string {
  return `Retention by ${report.period}, ${report.from} to ${report.to}, portal ${report.portalId}`;
}

const legend =
  'Customers active at each period start only (new logos excluded); ARR = annual recurring revenue from deals. ' +
  'A dash: no revenue at the start. * the current period, measured up to today.';

export function retentionTable(report: RetentionReportWire): string {
  if (report.rows.length === 0)
    return `${title(report)}\nNo customers with recurring revenue in this window.\n`;
  return `${title(report)}\n${renderTable(head, report.rows.map(cells))}\n${legend}\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function retentionCsv(report: RetentionReportWire): string {
  const lines = [csvColumns.join(',')];
  for (const row of report.rows) {
    lines.push(
      csvColumns.map((column) => csvField(row[column] === null ? '' : String(row[column]))).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function mdCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

export function retentionMarkdown(report: RetentionReportWire): string {
  const lines = [`# ${title(report)}`, '', legend, ''];
  if (report.rows.length === 0) {
    lines.push('No customers with recurring revenue in this window.');
  } else {
    lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const row of report.rows) lines.push(`| ${cells(row).map(mdCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
