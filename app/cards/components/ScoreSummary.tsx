import { formatDate, formatPercent } from '@harbor/i18n';
import type { HealthScoreWire, ModelExplanationWire } from '@harbor/wire';
import { Flex, Heading, ScoreCircle, Tag, Text } from '@hubspot/ui-extensions';

import { points, tierLabel, tierVariant, type TextTools } from './company-text.ts';

/** The score, its tier, a tier it is heading to, how long it has held, confidence and churn risk. */
export function ScoreSummary({
  score,
  model,
  tools,
}: {
  score: HealthScoreWire;
  model: ModelExplanationWire;
  tools: TextTools;
}) {
  const { t, format } = tools;
  const value = score.score ?? 0;
  return (
    <Flex direction="row" gap="md" align="center" wrap="wrap">
      <ScoreCircle score={Math.round(value)} testId="health-score" />
      <Flex direction="column" gap="xs">
        <Heading>{t('company.score.label')}</Heading>
        <Flex direction="row" gap="xs" align="center">
          {score.tier !== null && (
            <Tag variant={tierVariant(score.tier)} testId="health-tier">
              {tierLabel(score.tier, tools)}
            </Tag>
          )}
          <Text inline>{t('company.score.outOf', { score: points(value, format) })}</Text>
        </Flex>
        {score.tierSince !== null && (
          <Text variant="microcopy">
            {t('company.score.tierSince', { date: formatDate(score.tierSince, format) })}
          </Text>
        )}
        {score.pendingTier !== null && (
          <Text testId="pending-tier">
            {t('company.score.pendingTier', {
              tier: tierLabel(score.pendingTier, tools),
              days: model.minDwellDays,
            })}
          </Text>
        )}
        <Text variant="microcopy">
          {t('company.score.confidence')}: {formatPercent(score.confidence / 100, format)}
          {score.churnProbability !== null &&
            ` · ${t('company.score.churn')}: ${formatPercent(score.churnProbability, format)}`}
        </Text>
        <Text variant="microcopy">
          {t('company.score.computedAt', { date: formatDate(score.computedAt, format) })}
        </Text>
      </Flex>
    </Flex>
  );
}
