import type { CompanyViewWire, NoScoreReason } from '@harbor/wire';
import { EmptyState, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';

import { componentLabel, type TextTools } from './company-text.ts';

/** Why there is no score: the view's reason, or `not_found` when Harbor does not know the company yet. */
export type EmptyReason = NoScoreReason | 'not_found';

const images = {
  not_synced: 'integrations',
  not_scored: 'emptyStateCharts',
  no_data: 'missedGoal',
  not_found: 'companies',
} as const;

/** Says why there is no score and what to do; rescoring helps only once the company is in Harbor. */
export function NoScoreState({
  reason,
  dataGaps,
  windowDays,
  isRescoring,
  onRescore,
  tools,
}: {
  reason: EmptyReason;
  dataGaps: CompanyViewWire['dataGaps'];
  windowDays: number;
  isRescoring: boolean;
  onRescore: () => void;
  tools: TextTools;
}) {
  const { t } = tools;
  const canRescore = reason === 'not_scored' || reason === 'no_data';
  return (
    <EmptyState title={t(`company.empty.${reason}.title`)} imageName={images[reason]} layout="horizontal">
      <Flex direction="column" gap="sm">
        <Text testId="empty-body">{t(`company.empty.${reason}.body`)}</Text>
        {dataGaps.map((gap) => (
          <Text key={gap.component} variant="microcopy">
            {t('company.breakdown.dropped', {
              component: componentLabel(gap.component, tools),
              reason: t(`company.gap.${gap.reason}`, { days: windowDays }),
            })}
          </Text>
        ))}
        {canRescore && (
          <LoadingButton loading={isRescoring} onClick={onRescore} variant="primary" testId="rescore">
            {t('company.actions.rescore')}
          </LoadingButton>
        )}
      </Flex>
    </EmptyState>
  );
}
