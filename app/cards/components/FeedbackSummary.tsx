import { formatDate, formatNumber } from '@harbor/i18n';
import type { FeedbackSummaryWire } from '@harbor/wire';
import { Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';

import type { TextTools } from './company-text.ts';

/** NPS, CSAT and CES with their answer counts, and the newest comment. */
export function FeedbackSummary({ feedback, tools }: { feedback: FeedbackSummaryWire; tools: TextTools }) {
  const { t, format } = tools;
  const { nps, csat, ces, latestComment } = feedback;
  const noAnswers = t('company.feedback.noAnswers');
  const responses = (count: number) => t('company.feedback.responses', { count });
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('company.feedback.title', { days: feedback.windowDays })}</Heading>
      <Statistics>
        <StatisticsItem
          label={t('company.feedback.nps')}
          number={nps.score === null ? noAnswers : formatNumber(nps.score, format)}
          testId="nps"
        >
          <Text variant="microcopy">
            {responses(nps.responses)}
            {nps.responses > 0 &&
              ` · ${t('company.feedback.npsSplit', {
                promoters: nps.promoters,
                passives: nps.passives,
                detractors: nps.detractors,
              })}`}
          </Text>
        </StatisticsItem>
        <StatisticsItem
          label={t('company.feedback.csat')}
          number={csat.average === null ? noAnswers : formatNumber(csat.average, format, 1)}
          testId="csat"
        >
          <Text variant="microcopy">{responses(csat.responses)}</Text>
        </StatisticsItem>
        <StatisticsItem
          label={t('company.feedback.ces')}
          number={ces.average === null ? noAnswers : formatNumber(ces.average, format, 1)}
          testId="ces"
        >
          <Text variant="microcopy">{responses(ces.responses)}</Text>
        </StatisticsItem>
      </Statistics>
      {latestComment === null ? (
        <Text variant="microcopy">{t('company.feedback.noComment')}</Text>
      ) : (
        <Flex direction="column" gap="xs">
          <Text format={{ fontWeight: 'demibold' }}>
            {t('company.feedback.latestComment', {
              kind: latestComment.kind === 'CUSTOM' ? t('company.feedback.kindCustom') : latestComment.kind,
              date: formatDate(latestComment.submittedAt, format),
            })}
          </Text>
          <Text testId="latest-comment">“{latestComment.text}”</Text>
        </Flex>
      )}
    </Flex>
  );
}
