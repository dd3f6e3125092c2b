import type { HealthModel } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Flex, NumberInput, Text } from '@hubspot/ui-extensions';

import type { FieldErrors, TierField } from './model-draft.ts';

export interface TierBandsEditorProps {
  model: HealthModel;
  segmentName: string;
  editable: boolean;
  errors: FieldErrors;
  onChange: (field: TierField, value: number) => void;
  t: Translate;
}

const fields: readonly { field: TierField; label: Parameters<Translate>[0] }[] = [
  { field: 'healthy.enter', label: 'settings.tiers.healthyEnter' },
  { field: 'healthy.exit', label: 'settings.tiers.healthyExit' },
  { field: 'atRisk.exit', label: 'settings.tiers.atRiskExit' },
  { field: 'atRisk.enter', label: 'settings.tiers.atRiskEnter' },
];

/** Where a score becomes Healthy or At risk, with a gap between entering and leaving so tiers do not flap. */
export function TierBandsEditor({ model, segmentName, editable, errors, onChange, t }: TierBandsEditorProps) {
  const segment = model.segments[segmentName];
  if (segment === undefined) return null;
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'bold' }}>{t('settings.tiers.title')}</Text>
      <Text variant="microcopy">{t('settings.tiers.help')}</Text>
      <Flex direction="row" gap="sm" wrap="wrap">
        {fields.map(({ field, label }) => {
          const [band, edge] = field.split('.') as ['healthy' | 'atRisk', 'enter' | 'exit'];
          const error = errors[`segments.${segmentName}.tiers.${field}`];
          return (
            <NumberInput
              key={field}
              testId={`tier-${segmentName}-${field}`}
              name={`tier-${segmentName}-${field}`}
              label={t(label)}
              value={segment.tiers[band][edge]}
              min={0}
              max={100}
              readOnly={!editable}
              error={error !== undefined}
              {...(error === undefined ? {} : { validationMessage: t(error.key, error.params) })}
              onChange={(value) => {
                onChange(field, value);
              }}
            />
          );
        })}
      </Flex>
    </Flex>
  );
}
