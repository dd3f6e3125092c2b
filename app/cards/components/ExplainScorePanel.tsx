import { formatPercent } from '@harbor/i18n';
import type { ModelExplanationWire } from '@harbor/wire';
import { Flex, Heading, List, Panel, PanelBody, PanelSection, Text } from '@hubspot/ui-extensions';

import { componentLabel, indicatorLabel, type TextTools } from './company-text.ts';

export const explainPanelId = 'harbor-explain-score';

/** "Explain this score": the formula in plain words, the segment's weights, the tier lines and dwell time. */
export function ExplainScorePanel({ model, tools }: { model: ModelExplanationWire; tools: TextTools }) {
  const { t, format } = tools;
  const { tiers } = model;
  return (
    <Panel id={explainPanelId} title={t('company.explain.title')} width="md">
      <PanelBody>
        <PanelSection>
          <Text>{t('company.explain.formula')}</Text>
        </PanelSection>
        <PanelSection>
          <Heading>
            {t('company.explain.weights', { segment: model.segment, version: model.modelVersion })}
          </Heading>
          <Flex direction="column" gap="sm">
            {model.components.map((component) => {
              const label = componentLabel(component.id, tools);
              return (
                <Flex key={component.id} direction="column" gap="xs">
                  <Text format={{ fontWeight: 'demibold' }} testId={`weight-${component.id}`}>
                    {t('company.explain.component', {
                      component: label,
                      share: formatPercent(component.weight, format),
                    })}
                  </Text>
                  <List variant="unordered-styled">
                    {component.indicators.map((indicator) => (
                      <Text key={indicator.id} variant="microcopy">
                        {t('company.explain.indicator', {
                          label: indicatorLabel(indicator.id, indicator.label, tools),
                          share: formatPercent(indicator.weight, format),
                          component: label,
                        })}
                      </Text>
                    ))}
                  </List>
                </Flex>
              );
            })}
          </Flex>
        </PanelSection>
        <PanelSection>
          <Text testId="explain-tiers">
            {t('company.explain.tiers', {
              healthyEnter: tiers.healthy.enter,
              healthyExit: tiers.healthy.exit,
              atRiskEnter: tiers.atRisk.enter,
              atRiskExit: tiers.atRisk.exit,
            })}
          </Text>
          <Text>{t('company.explain.dwell', { count: model.minDwellDays })}</Text>
          <Text>{t('company.explain.churn')}</Text>
          <Text>{t('company.explain.confidence')}</Text>
        </PanelSection>
      </PanelBody>
    </Panel>
  );
}
