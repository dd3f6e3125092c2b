import { formatChange } from '@harbor/i18n';
import type { HealthScoreWire } from '@harbor/wire';
import { Flex, Heading, List, Text } from '@hubspot/ui-extensions';

import { componentLabel, indicatorLabel, indicatorValue, points, type TextTools } from './company-text.ts';

/** The indicator that costs the most points, as a sentence, and how each component moved since last week. */
export function DriverAndChanges({
  topDriver,
  changes,
  tools,
}: {
  topDriver: HealthScoreWire['topDriver'];
  changes: HealthScoreWire['changes'];
  tools: TextTools;
}) {
  const { t, format } = tools;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('company.driver.title')}</Heading>
      <Text testId="top-driver">
        {topDriver === null
          ? t('company.driver.none')
          : t('company.driver.sentence', {
              label: indicatorLabel(topDriver.indicator, topDriver.label, tools),
              value: indicatorValue(topDriver.indicator, topDriver.value, tools),
              points: points(topDriver.pointsLost, format),
            })}
      </Text>
      <Heading>{t('company.changes.title')}</Heading>
      {changes.length === 0 ? (
        <Text>{t('company.changes.none')}</Text>
      ) : (
        <List variant="unordered-styled">
          {changes.map((change) => (
            <Text key={change.component} testId={`change-${change.component}`}>
              {t('company.changes.item', {
                component: componentLabel(change.component, tools),
                delta: formatChange(change.delta, format, 1),
              })}
            </Text>
          ))}
        </List>
      )}
    </Flex>
  );
}
