import type { ComponentId, HealthModel, SettingsPropertyWire } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Accordion, Alert, Divider, Flex, NumberInput, Select, Text } from '@hubspot/ui-extensions';

import type { FieldErrors, TierField } from './model-draft.ts';
import { SegmentationEditor } from './segmentation-editor.tsx';
import { TierBandsEditor } from './tier-bands-editor.tsx';
import { WeightsEditor } from './weights-editor.tsx';

export interface ModelTabProps {
  model: HealthModel;
  properties: readonly SettingsPropertyWire[];
  propertiesUnavailable: boolean;
  editable: boolean;
  errors: FieldErrors;
  onSegmentProperty: (property: string) => void;
  onDwellDays: (days: number) => void;
  onWeight: (segment: string, component: ComponentId, value: number) => void;
  onTier: (segment: string, field: TierField, value: number) => void;
  /** Any other change to the draft (segmentation rules, default segment). */
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  t: Translate;
}

/** The model per segment: how companies are split, each segment's weights and tiers, and the dwell time. */
export function ModelTab(props: ModelTabProps) {
  const { model, properties, propertiesUnavailable, editable, errors, t } = props;
  const propertyError = errors['segmentation.property'];
  const dwellError = errors.minDwellDays;
  const options = properties.map((property) => ({
    label: property.label === property.name ? property.name : `${property.label} (${property.name})`,
    value: property.name,
  }));
  if (!options.some((option) => option.value === model.segmentation.property))
    options.unshift({ label: model.segmentation.property, value: model.segmentation.property });
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.model.help')}</Text>
      {propertiesUnavailable && (
        <Alert title={t('settings.properties.unavailableTitle')} variant="warning">
          {t('settings.properties.unavailableBody')}
        </Alert>
      )}
      <Select
        testId="segment-property"
        name="segment-property"
        label={t('settings.segments.property')}
        description={t('settings.segments.propertyHelp')}
        options={options}
        value={model.segmentation.property}
        readOnly={!editable}
        error={propertyError !== undefined}
        {...(propertyError === undefined
          ? {}
          : { validationMessage: t(propertyError.key, propertyError.params) })}
        onChange={(value) => {
          props.onSegmentProperty(String(value));
        }}
      />
      <SegmentationEditor
        model={model}
        property={properties.find((property) => property.name === model.segmentation.property)}
        editable={editable}
        errors={errors}
        onEdit={props.onEdit}
        t={t}
      />
      <NumberInput
        testId="dwell-days"
        name="dwell-days"
        label={t('settings.dwell.label')}
        description={t('settings.dwell.help')}
        value={model.minDwellDays}
        min={0}
        max={90}
        readOnly={!editable}
        error={dwellError !== undefined}
        {...(dwellError === undefined ? {} : { validationMessage: t(dwellError.key, dwellError.params) })}
        onChange={(value) => {
          props.onDwellDays(value);
        }}
      />
      <Divider />
      {Object.keys(model.segments).map((segmentName) => (
        <Accordion
          key={segmentName}
          testId={`segment-${segmentName}`}
          title={t('settings.segments.title', { segment: segmentName })}
          defaultOpen={segmentName === model.defaultSegment}
        >
          <Flex direction="column" gap="md">
            <WeightsEditor
              model={model}
              segmentName={segmentName}
              editable={editable}
              error={errors[`segments.${segmentName}.weights`]}
              onChange={(component, value) => {
                props.onWeight(segmentName, component, value);
              }}
              t={t}
            />
            <TierBandsEditor
              model={model}
              segmentName={segmentName}
              editable={editable}
              errors={errors}
              onChange={(field, value) => {
                props.onTier(segmentName, field, value);
              }}
              t={t}
            />
          </Flex>
        </Accordion>
      ))}
    </Flex>
  );
}
