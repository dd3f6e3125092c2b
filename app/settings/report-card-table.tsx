import type { ReportCardWire, SegmentCardWire } from '@harbor/wire';
import { formatNumber, formatPercent, type FormatOptions, type Translate } from '@harbor/i18n';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';

export interface ReportCardTableProps {
  current: ReportCardWire;
  proposed: ReportCardWire;
  testId?: string;
  t: Translate;
  format: FormatOptions;
}

type Metric = (card: SegmentCardWire) => string;

/** Current and proposed model side by side on the same held-out companies, per segment. */
export function ReportCardTable({ current, proposed, testId, t, format }: ReportCardTableProps) {
  const dash = t('settings.report.none');
  const number = (value: number | null, digits: number) =>
    value === null ? dash : formatNumber(value, format, digits);
  const metrics: readonly [Parameters<Translate>[0], Metric][] = [
    ['settings.report.auc', (card) => number(card.auc, 2)],
    [
      'settings.report.lift',
      (card) =>
        card.topDecileLift === null
          ? dash
          : t('settings.report.times', { value: number(card.topDecileLift, 1) }),
    ],
    ['settings.report.brier', (card) => number(card.brier, 3)],
    [
      'settings.report.falseGreen',
      (card) => (card.falseGreenRate === null ? dash : formatPercent(card.falseGreenRate, format, 1)),
    ],
  ];
  const rows: { label: string; now: SegmentCardWire; next: SegmentCardWire | undefined }[] = [
    { label: t('settings.report.allSegments'), now: current.overall, next: proposed.overall },
    ...current.segments.map((card) => ({
      label: card.segment,
      now: card,
      next: proposed.segments.find((other) => other.segment === card.segment),
    })),
  ];
  return (
    <Table bordered {...(testId === undefined ? {} : { testId })}>
      <TableHead>
        <TableRow>
          <TableHeader>{t('settings.report.segment')}</TableHeader>
          <TableHeader>{t('settings.report.companies')}</TableHeader>
          {metrics.map(([label]) => (
            <TableHeader key={label}>{t(label)}</TableHeader>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.label}>
            <TableCell>{row.label}</TableCell>
            <TableCell>{formatNumber(row.now.accounts, format)}</TableCell>
            {metrics.map(([label, metric]) => (
              <TableCell key={label}>
                {t('settings.report.change', {
                  current: metric(row.now),
                  proposed: row.next === undefined ? dash : metric(row.next),
                })}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
