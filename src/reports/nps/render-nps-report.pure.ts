import type { NpsReportWire, NpsRowWire, NpsShareWire } from '@harbor/wire';

import { cell, renderTable } from '../../cli/terminal/text-table.ts';

const percent = (share: number | null): string => (share === null ? '-' : cell(share * 100, 0));

/** "NPS 32 (±12, n = 64)", or why there is no figure. */
export function npsInWords(row: Pick<NpsRowWire, 'nps'>, minimum: number): string {
  const { nps } = row;
  if (nps.score === null) {
    return nps.n === 0 ? 'no NPS answers' : `hidden: n = ${nps.n}, fewer than ${minimum}`;
  }
  return `NPS ${cell(nps.score, 0)} (±${cell(nps.marginOfError, 0)}, n = ${nps.n})`;
}

function shareWithCi(share: NpsShareWire, n: number): string {
  if (share.share === null) return n === 0 ? '-' : `hidden (n = ${n})`;
  return `${percent(share.share)} % (${percent(share.low)}–${percent(share.high)}, n = ${n})`;
}

const head = [
  'period',
  'segment',
  'NPS',
  'promoters %',
  'passives %',
  'detractors %',
  'CSAT % satisfied',
  'CES mean',
  'CES easy %',
];

function cells(row: NpsRowWire, minimum: number): string[] {
  return [
    `${row.periodLabel}${row.complete ? '' : '*'}`,
    row.segment,
    npsInWords(row, minimum),
    percent(row.nps.promoters.share),
    percent(row.nps.passives.share),
    percent(row.nps.detractors.share),
    shareWithCi(row.csat.satisfied, row.csat.n),
    row.ces.mean === null
      ? row.ces.n === 0
        ? '-'
        : `hidden (n = ${row.ces.n})`
      : `${cell(row.ces.mean, 2)} (n = ${row.ces.n})`,
    percent(row.ces.easy.share),
  ];
}

function title(report: NpsReportWire): string {
  return `NPS, CSAT and CES by ${report.period}, ${report.from} to ${report.to}, portal ${report.portalId}`;
}

const legend =
  'NPS = % promoters (9–10) − % detractors (0–6), ± its 95 % margin (1.96 standard errors). CSAT on HubSpot’s ' +
  '0–2 scale: % of 2s with its 95 % Wilson interval. CES on 1–7; easy = 6–7. * the current period, so far.';

function surveyDueLines(report: NpsReportWire): string[] {
  const due = report.surveyDue;
  return [
    `Survey due (${due.cadence}, no answer since ${due.answeredSince.slice(0, 10)}): ${due.due} of ${due.customers} customers, ${due.dueContacts} contacts; list "${due.listName}".`,
  ];
}

function loopLines(report: NpsReportWire): string[] {
  const loop = report.detractorLoop;
  if (loop.detractorAnswers === 0) return ['Detractor loop: no detractor answers in this window.'];
  const median = loop.medianDaysToClose === null ? 'none closed' : `${cell(loop.medianDaysToClose, 1)} days`;
  return [
    `Detractor loop: ${loop.detractorAnswers} detractor answers, ${loop.withFollowUp} with a follow-up task, ` +
      `${loop.closed} closed (closed-loop rate ${percent(loop.closedLoopRate)} %), median time to close ${median}, ` +
      `${loop.closedWithinTwoBusinessDays} closed within 2 business days.`,
  ];
}

export function npsTable(report: NpsReportWire): string {
  const rows = report.rows.map((row) => cells(row, report.minimumResponses));
  return [
    title(report),
    renderTable(head, rows),
    legend,
    '',
    ...surveyDueLines(report),
    ...loopLines(report),
    '',
  ].join('\n');
}

const csvColumns = [
  'segment',
  'periodStart',
  'periodEnd',
  'periodLabel',
  'complete',
  'npsN',
  'nps',
  'npsLow',
  'npsHigh',
  'promoters',
  'passives',
  'detractors',
  'csatN',
  'csatSatisfied',
  'csatLow',
  'csatHigh',
  'csatNeutral',
  'csatUnsatisfied',
  'cesN',
  'cesMean',
  'cesEasy',
  'cesNeutral',
  'cesHard',
  'hiddenBelowMinimum',
];

const value = (field: number | null): string => (field === null ? '' : String(field));

/** One line per row; shares as fractions, NPS on −100…100; an empty field is a hidden or missing value. */
export function npsCsv(report: NpsReportWire): string {
  const lines = report.rows.map((row) =>
    [
      /[",\r\n]/.test(row.segment) ? `"${row.segment.replaceAll('"', '""')}"` : row.segment,
      row.periodStart,
      row.periodEnd,
      row.periodLabel,
      String(row.complete),
      String(row.nps.n),
      value(row.nps.score),
      value(row.nps.low),
      value(row.nps.high),
      value(row.nps.promoters.share),
      value(row.nps.passives.share),
      value(row.nps.detractors.share),
      String(row.csat.n),
      value(row.csat.satisfied.share),
      value(row.csat.satisfied.low),
      value(row.csat.satisfied.high),
      value(row.csat.neutral.share),
      value(row.csat.unsatisfied.share),
      String(row.ces.n),
      value(row.ces.mean),
      value(row.ces.easy.share),
      value(row.ces.neutral.share),
      value(row.ces.hard.share),
      String(row.nps.hiddenBelowMinimum || row.csat.hiddenBelowMinimum || row.ces.hiddenBelowMinimum),
    ].join(','),
  );
  return `${[csvColumns.join(','), ...lines].join('\n')}\n`;
}

export function npsMarkdown(report: NpsReportWire): string {
  const escape = (text: string) => text.replaceAll('|', '\\|');
  const rows = report.rows.map((row) => `| ${cells(row, report.minimumResponses).map(escape).join(' | ')} |`);
  return [
    `## ${title(report)}`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    legend,
    '',
    ...surveyDueLines(report),
    '',
    ...loopLines(report),
    '',
  ].join('\n');
}
