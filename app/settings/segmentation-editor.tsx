import type { HealthModel, SettingsPropertyWire } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Button, Flex, NumberInput, Select, Text } from '@hubspot/ui-extensions';

import { fieldError } from './field-error.ts';
import type { FieldErrors } from './model-draft.ts';
import {
  addBand,
  removeBand,
  setBand,
  setSegmentationKind,
  setTopSegment,
  setValueSegment,
} from './segmentation-draft.ts';
import { ValueAdder } from './value-adder.tsx';

export interface SegmentationEditorProps {
  model: HealthModel;
  /** The segment property's definition, for its options; undefined when HubSpot did not list it. */
  property: SettingsPropertyWire | undefined;
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  t: Translate;
}

const maxBands = 20;

/**
 * Which segment a company falls in: by ranges of a number (each range ends below its bound, lowest
 * first) or by the property's exact values. Segments are chosen among the model's own.
 */
export function SegmentationEditor({
  model,
  property,
  editable,
  errors,
  onEdit,
  t,
}: SegmentationEditorProps) {
  const { segmentation } = model;
  const segments = Object.keys(model.segments).map((name) => ({ label: name, value: name }));
  const segmentOptions = (current: string) =>
    segments.some((option) => option.value === current)
      ? segments
      : [{ label: current, value: current }, ...segments];
  return (
    <Flex direction="column" gap="sm">
      <Select
        testId="segmentation.kind"
        name="segmentation.kind"
        label={t('settings.segmentation.kind')}
        description={t('settings.segmentation.kindHelp')}
        options={[
          { label: t('settings.segmentation.kind.values'), value: 'values' },
          { label: t('settings.segmentation.kind.bands'), value: 'bands' },
        ]}
        value={segmentation.kind}
        readOnly={!editable}
        onChange={(kind) => {
          onEdit((draft) => setSegmentationKind(draft, kind === 'bands' ? 'bands' : 'values'));
        }}
      />
      {segmentation.kind === 'bands' ? (
        <Flex direction="column" gap="xs">
          <Text variant="microcopy">{t('settings.segmentation.bandsHelp')}</Text>
          {segmentation.bands.map((band, index) => (
            <Flex key={index} direction="row" gap="sm" align="end">
              <NumberInput
                testId={`segmentation.bands.${index}.below`}
                name={`segmentation.bands.${index}.below`}
                label={t('settings.segmentation.below')}
                value={band.below}
                precision={2}
                readOnly={!editable}
                {...fieldError(errors, `segmentation.bands.${index}.below`, t)}
                onChange={(below) => {
                  onEdit((draft) => setBand(draft, index, { below }));
                }}
              />
              <Select
                testId={`segmentation.bands.${index}.segment`}
                name={`segmentation.bands.${index}.segment`}
                label={t('settings.segmentation.segment')}
                options={segmentOptions(band.segment)}
                value={band.segment}
                readOnly={!editable}
                {...fieldError(errors, `segmentation.bands.${index}.segment`, t)}
                onChange={(segment) => {
                  onEdit((draft) => setBand(draft, index, { segment: String(segment) }));
                }}
              />
              {editable && segmentation.bands.length > 1 && (
                <Button
                  testId={`segmentation.bands.${index}.remove`}
                  size="small"
                  variant="transparent"
                  onClick={() => {
                    onEdit((draft) => removeBand(draft, index));
                  }}
                >
                  {t('settings.segmentation.remove')}
                </Button>
              )}
            </Flex>
          ))}
          {editable && segmentation.bands.length < maxBands && (
            <Button
              testId="segmentation.bands.add"
              size="small"
              onClick={() => {
                onEdit(addBand);
              }}
            >
              {t('settings.segmentation.addBand')}
            </Button>
          )}
          <Select
            testId="segmentation.top"
            name="segmentation.top"
            label={t('settings.segmentation.top')}
            description={t('settings.segmentation.topHelp')}
            options={segmentOptions(segmentation.top)}
            value={segmentation.top}
            readOnly={!editable}
            {...fieldError(errors, 'segmentation.top', t)}
            onChange={(segment) => {
              onEdit((draft) => setTopSegment(draft, String(segment)));
            }}
          />
        </Flex>
      ) : (
        <Flex direction="column" gap="xs">
          <Text variant="microcopy">{t('settings.segmentation.valuesHelp')}</Text>
          {Object.keys(segmentation.values).length === 0 && (
            <Text>{t('settings.segmentation.noValues')}</Text>
          )}
          {Object.entries(segmentation.values).map(([value, segment]) => {
            const label = property?.options.find((option) => option.value === value)?.label ?? value;
            return (
              <Flex key={value} direction="row" gap="sm" align="end">
                <Select
                  testId={`segmentation.values.${value}`}
                  name={`segmentation.values.${value}`}
                  label={t('settings.segmentation.valueSegment', {
                    value: label === value ? value : `${label} (${value})`,
                  })}
                  options={segmentOptions(segment)}
                  value={segment}
                  readOnly={!editable}
                  {...fieldError(errors, `segmentation.values.${value}`, t)}
                  onChange={(next) => {
                    onEdit((draft) => setValueSegment(draft, value, String(next)));
                  }}
                />
                {editable && (
                  <Button
                    testId={`segmentation.values.${value}.remove`}
                    size="small"
                    variant="transparent"
                    onClick={() => {
                      onEdit((draft) => setValueSegment(draft, value, undefined));
                    }}
                  >
                    {t('settings.segmentation.remove')}
                  </Button>
                )}
              </Flex>
            );
          })}
          {editable && (
            <ValueAdder
              testId="segmentation.values.new"
              label={t('settings.segmentation.addValue')}
              options={(property?.options ?? []).map((option) => ({
                label: option.label === option.value ? option.value : `${option.label} (${option.value})`,
                value: option.value,
              }))}
              taken={Object.keys(segmentation.values)}
              onAdd={(value) => {
                onEdit((draft) => setValueSegment(draft, value, draft.defaultSegment));
              }}
              t={t}
            />
          )}
        </Flex>
      )}
      <Select
        testId="defaultSegment"
        name="defaultSegment"
        label={t('settings.segmentation.default')}
        description={t('settings.segmentation.defaultHelp')}
        options={segmentOptions(model.defaultSegment)}
        value={model.defaultSegment}
        readOnly={!editable}
        {...fieldError(errors, 'defaultSegment', t)}
        onChange={(segment) => {
          onEdit((draft) => ({ ...draft, defaultSegment: String(segment) }));
        }}
      />
    </Flex>
  );
}
