import type { ReportCard } from '../../health/backtest/report-card.pure.ts';
import { cell, renderTable } from '../terminal/text-table.ts';

/** A report card as a table: overall first, then each segment. */
export function renderReportCard(card: ReportCard): string {
  const head = [
    'segment',
    'accounts',
    'churned',
    'AUC',
    'top-decile lift',
    'Brier',
    'false green',
    'no score',
  ];
  const rows = [card.overall, ...card.segments].map((segment) => [
    segment.segment,
    String(segment.accounts),
    String(segment.churned),
    cell(segment.auc, 3),
    cell(segment.topDecileLift, 2),
    cell(segment.brier, 4),
    segment.falseGreenRate === null ? '-' : `${(100 * segment.falseGreenRate).toFixed(1)}%`,
    String(segment.unscored),
  ]);
  return renderTable(head, rows);
}
