import { formatDate, formatNumber, formatPercent } from '@harbor/i18n';
import type { DetractorAnswerWire, DetractorLoopWire } from '@harbor/wire';
import { Flex, Text } from '@hubspot/ui-extensions';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { SectionTable, type SectionColumn } from '../components/SectionTable.tsx';
import { followUpText } from './nps-format.ts';

/** The detractor loop: how many detractors were followed up, how fast, and each answer's follow-up. */
export function DetractorLoopSection({ loop, t, format }: { loop: DetractorLoopWire } & Speech) {
  const speech = { t, format };
  const columns: SectionColumn<DetractorAnswerWire>[] = [
    { header: t('nps.loop.column.company'), cell: (row) => row.companyName ?? row.companyId },
    { header: t('nps.loop.column.score'), align: 'right', cell: (row) => String(row.value) },
    { header: t('nps.loop.column.answered'), cell: (row) => formatDate(row.submittedAt, format) },
    { header: t('nps.loop.column.followUp'), cell: (row) => followUpText(row, speech) },
  ];
  const median =
    loop.medianDaysToClose === null
      ? t('nps.loop.medianNone')
      : t('nps.loop.medianDays', { days: formatNumber(loop.medianDaysToClose, format, 1) });
  const intro = (
    <Flex direction="column" gap="xs">
      <Text>{t('nps.loop.intro')}</Text>
      <Text format={{ fontWeight: 'demibold' }} testId="nps-loop-summary">
        {t('nps.loop.summary', {
          answers: loop.detractorAnswers,
          closed: loop.closed,
          rate: loop.closedLoopRate === null ? '—' : formatPercent(loop.closedLoopRate, format),
          median,
          inTime: loop.closedWithinTwoBusinessDays,
        })}
      </Text>
    </Flex>
  );
  return (
    <SectionTable
      title={t('nps.loop.title')}
      emptyText={t('nps.loop.empty')}
      testId="nps-loop"
      columns={columns}
      rows={loop.answers}
      rowKey={(row) => row.answerId}
      intro={intro}
    />
  );
}
