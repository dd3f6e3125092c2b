import type { NpsReportWire, NpsRowWire } from '@harbor/wire';
import { Text } from '@hubspot/ui-extensions';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { SectionTable, type SectionColumn } from '../components/SectionTable.tsx';
import { cesText, csatText, npsText, segmentText, shareText } from './nps-format.ts';

/** The latest period's NPS, shares, CSAT and CES per segment, `all` first. */
export function NpsMetricsSection({ report, t, format }: { report: NpsReportWire } & Speech) {
  const speech = { t, format };
  const latest = report.rows.at(-1)?.periodLabel;
  const rows = report.rows.filter((row) => row.periodLabel === latest);
  const minimum = report.minimumResponses;
  const columns: SectionColumn<NpsRowWire>[] = [
    { header: t('nps.column.segment'), cell: (row) => segmentText(row.segment, speech) },
    { header: t('nps.column.nps'), cell: (row) => npsText(row.nps, minimum, speech) },
    { header: t('nps.column.promoters'), cell: (row) => shareText(row.nps.promoters, speech) },
    { header: t('nps.column.passives'), cell: (row) => shareText(row.nps.passives, speech) },
    { header: t('nps.column.detractors'), cell: (row) => shareText(row.nps.detractors, speech) },
    { header: t('nps.column.csat'), cell: (row) => csatText(row.csat, minimum, speech) },
    { header: t('nps.column.ces'), cell: (row) => cesText(row.ces, minimum, speech) },
  ];
  const period = latest ?? '';
  return (
    <SectionTable
      title={t('nps.metrics.title', { period })}
      emptyText={t('nps.value.none')}
      testId="nps-metrics"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.segment}
      intro={
        rows[0]?.complete === false ? (
          <Text variant="microcopy" testId="nps-partial">
            {t('nps.metrics.partial', { period })}
          </Text>
        ) : undefined
      }
      footer={
        <Text variant="microcopy" testId="nps-legend">
          {t('nps.legend')}
        </Text>
      }
    />
  );
}
