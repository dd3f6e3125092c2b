import type { CompanyViewWire, HealthScoreWire } from '@harbor/wire';
import { Accordion, Flex, Heading, List, ProgressBar, Text } from '@hubspot/ui-extensions';

import { componentLabel, indicatorLabel, indicatorValue, points, type TextTools } from './company-text.ts';

function variantFor(share: number): 'success' | 'warning' | 'danger' {
  return share >= 0.7 ? 'success' : share >= 0.45 ? 'warning' : 'danger';
}

/**
 * Each component's contribution against what it could add, opened up to its indicators' raw values and
 * points; a component without data says so and why.
 */
export function ComponentBreakdown({
  components,
  dataGaps,
  windowDays,
  tools,
}: {
  components: HealthScoreWire['components'];
  dataGaps: CompanyViewWire['dataGaps'];
  windowDays: number;
  tools: TextTools;
}) {
  const { t, format } = tools;
  const reasons = new Map(dataGaps.map((gap) => [gap.component, gap.reason]));
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('company.breakdown.title')}</Heading>
      {components.map((component) => {
        const label = componentLabel(component.id, tools);
        if (component.score === null) {
          const reason = reasons.get(component.id) ?? 'no_values';
          return (
            <Text key={component.id} testId={`dropped-${component.id}`}>
              {t('company.breakdown.dropped', {
                component: label,
                reason: t(`company.gap.${reason}`, { days: windowDays }),
              })}
            </Text>
          );
        }
        return (
          <Flex key={component.id} direction="column" gap="xs">
            <ProgressBar
              title={label}
              value={component.contribution}
              maxValue={component.potential}
              valueDescription={t('company.breakdown.contribution', {
                points: points(component.contribution, format),
                potential: points(component.potential, format),
              })}
              variant={variantFor(
                component.potential === 0 ? 0 : component.contribution / component.potential,
              )}
              testId={`component-${component.id}`}
            />
            <Accordion title={t('company.breakdown.indicators', { component: label })} size="sm">
              <List variant="unordered-styled">
                {component.indicators.map((indicator) => {
                  const name = indicatorLabel(indicator.id, indicator.label, tools);
                  return (
                    <Text key={indicator.id} testId={`indicator-${indicator.id}`}>
                      {indicator.points === null
                        ? t('company.breakdown.indicatorMissing', { label: name })
                        : t('company.breakdown.indicator', {
                            label: name,
                            value: indicatorValue(indicator.id, indicator.value, tools),
                            points: points(indicator.points, format),
                          })}
                    </Text>
                  );
                })}
              </List>
            </Accordion>
          </Flex>
        );
      })}
    </Flex>
  );
}
