import type { CohortReportWire } from '@harbor/wire';

import { cell, renderTable } from '../../cli/terminal/text-table.ts';
import type { RenderedReport } from '../report-kinds.ts';

const head = [
  'cohort',
  'n',
  'age (quarters)',
  'at risk',
  'churned',
  'censored',
  'logo survival',
  'revenue at risk',
  'revenue lost',
  'revenue survival',
] as const;

const csvHead = [
  'cohort',
  'startsFrom',
  'startsTo',
  'customers',
  'active',
  'startingRevenue',
  'medianLifetimeQuarters',
  'revenueMedianLifetimeQuarters',
  'age',
  'atRisk',
  'events',
  'censored',
  'logoSurvival',
  'revenueAtRisk',
  'revenueLost',
  'revenueSurvival',
] as const;

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

function quarters(value: number | null): string {
  return value === null ? 'not reached' : `${value} quarters`;
}

/** One line per cohort and age: the table behind the chart. */
function ageRows(report: CohortReportWire): string[][] {
  return report.cohorts.flatMap((cohort) =>
    cohort.ages.map((row) => [
      cohort.cohort,
      String(cohort.customers),
      String(row.age),
      String(row.atRisk),
      String(row.events),
      String(row.censored),
      percent(row.logoSurvival),
      cell(row.revenueAtRisk),
      cell(row.revenueLost),
      percent(row.revenueSurvival),
    ]),
  );
}

function summaryLines(report: CohortReportWire): string[] {
  return report.cohorts.map(
    (cohort) =>
      `${cohort.cohort}: ${cohort.customers} customers (${cohort.active} still active), median lifetime ` +
      `${quarters(cohort.medianLifetimeQuarters)} (logos), ${quarters(cohort.revenueMedianLifetimeQuarters)} (revenue)`,
  );
}

function csvValue(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The cohort report in every format `harbor report cohorts` prints. */
export function renderCohortReport(report: CohortReportWire): RenderedReport {
  const heading =
    `Cohorts of portal ${report.portalId}, segment ${report.segment}: customers who started ` +
    `${report.from} to ${report.to}, by start ${report.period}; Kaplan–Meier survival by age in quarters, ` +
    `still-active customers censored at ${report.asOf}.`;
  const rows = ageRows(report);
  const empty = 'No customer started in this window.';
  const table =
    report.cohorts.length === 0
      ? `${heading}\n${empty}\n`
      : `${heading}\n${summaryLines(report).join('\n')}\n\n${renderTable(head, rows)}\n`;
  const md =
    report.cohorts.length === 0
      ? `# Cohorts\n\n${heading}\n\n${empty}\n`
      : [
          '# Cohorts',
          '',
          heading,
          '',
          ...summaryLines(report).map((line) => `- ${line}`),
          '',
          `| ${head.join(' | ')} |`,
          `| ${head.map(() => '---').join(' | ')} |`,
          ...rows.map((row) => `| ${row.join(' | ')} |`),
          '',
        ].join('\n');
  const csvRows = report.cohorts.flatMap((cohort) =>
    cohort.ages.map((row) =>
      [
        cohort.cohort,
        cohort.startsFrom,
        cohort.startsTo,
        cohort.customers,
        cohort.active,
        cohort.startingRevenue,
        cohort.medianLifetimeQuarters,
        cohort.revenueMedianLifetimeQuarters,
        row.age,
        row.atRisk,
        row.events,
        row.censored,
        row.logoSurvival,
        row.revenueAtRisk,
        row.revenueLost,
        row.revenueSurvival,
      ]
        .map(csvValue)
        .join(','),
    ),
  );
  const csv = `${[csvHead.join(','), ...csvRows].join('\n')}\n`;
  return { json: report, table, csv, md };
}
