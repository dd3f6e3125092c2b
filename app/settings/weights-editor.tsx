import { componentIds, type ComponentId, type HealthModel } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Flex, NumberInput, Text } from '@hubspot/ui-extensions';

import { componentIndicators, weightSummary, type FieldMessage } from './model-draft.ts';

export interface WeightsEditorProps {
  model: HealthModel;
  segmentName: string;
  editable: boolean;
  /** The error of this segment's weights, shown on the total. */
  error: FieldMessage | undefined;
  onChange: (component: ComponentId, value: number) => void;
  t: Translate;
}

/** One number per component and their total, which must be 100 before the page saves. */
export function WeightsEditor({ model, segmentName, editable, error, onChange, t }: WeightsEditorProps) {
  const segment = model.segments[segmentName];
  if (segment === undefined) return null;
  const { byComponent, total } = weightSummary(segment);
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'bold' }}>{t('settings.weights.title')}</Text>
      <Text variant="microcopy">{t('settings.weights.help')}</Text>
      <Flex direction="row" gap="sm" wrap="wrap">
        {componentIds.map((component) => {
          const canWeigh = componentIndicators(model, component).length > 0 || byComponent[component] > 0;
          return (
            <NumberInput
              key={component}
              testId={`weight-${segmentName}-${component}`}
              name={`weight-${segmentName}-${component}`}
              label={t(`component.${component}`)}
              value={byComponent[component]}
              min={0}
              max={100}
              precision={2}
              readOnly={!editable || !canWeigh}
              // A real limit, not a permission: the engine only weighs indicators it can turn into points.
              {...(canWeigh
                ? {}
                : {
                    description: t(
                      component === 'custom'
                        ? 'settings.weights.nothingToWeighCustom'
                        : 'settings.weights.nothingToWeigh',
                    ),
                  })}
              onChange={(value) => {
                onChange(component, value);
              }}
            />
          );
        })}
        <NumberInput
          testId={`weight-total-${segmentName}`}
          name={`weight-total-${segmentName}`}
          label={t('settings.weights.total')}
          value={total}
          precision={2}
          readOnly
          error={error !== undefined}
          validationMessage={error === undefined ? t('settings.weights.totalOk') : t(error.key, error.params)}
        />
      </Flex>
    </Flex>
  );
}
