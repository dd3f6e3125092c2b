import type { HealthModel, SettingsPropertyWire } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Accordion, Button, Flex, Input, NumberInput, Select, Text } from '@hubspot/ui-extensions';

import { CurveEditor } from './curve-editor.tsx';
import type { FieldErrors } from './model-draft.ts';

export interface CustomIndicatorsEditorProps {
  model: HealthModel;
  properties: readonly SettingsPropertyWire[];
  editable: boolean;
  errors: FieldErrors;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onLabel: (index: number, label: string) => void;
  onProperty: (index: number, property: string) => void;
  onKind: (index: number, kind: 'numeric' | 'enumeration') => void;
  onCurve: (index: number, curve: [number, number][]) => void;
  onPoints: (index: number, value: string, points: number | undefined) => void;
  t: Translate;
}

const maxCustomIndicators = 20;

/** Indicators on the portal's own company properties: a number along thresholds, or points per choice. */
export function CustomIndicatorsEditor(props: CustomIndicatorsEditorProps) {
  const { model, properties, editable, errors, t } = props;
  const propertyOptions = (current: string) => {
    const options = properties.map((property) => ({
      label: property.label === property.name ? property.name : `${property.label} (${property.name})`,
      value: property.name,
    }));
    return options.some((option) => option.value === current)
      ? options
      : [{ label: current, value: current }, ...options];
  };
  const message = (path: string) => {
    const error = errors[path];
    return error === undefined
      ? { error: false }
      : { error: true, validationMessage: t(error.key, error.params) };
  };
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'bold' }}>{t('settings.custom.title')}</Text>
      <Text variant="microcopy">{t('settings.custom.help')}</Text>
      {model.customIndicators.length === 0 && <Text>{t('settings.custom.none')}</Text>}
      {model.customIndicators.map((indicator, index) => {
        const at = `customIndicators.${index}`;
        const property = properties.find((candidate) => candidate.name === indicator.property);
        const values =
          indicator.kind === 'enumeration'
            ? [
                ...(property?.options ?? []).map((option) => ({ value: option.value, label: option.label })),
                ...Object.keys(indicator.points)
                  .filter((value) => !(property?.options ?? []).some((option) => option.value === value))
                  .map((value) => ({ value, label: value })),
              ]
            : [];
        return (
          <Accordion
            key={indicator.id}
            title={indicator.label === '' ? indicator.id : indicator.label}
            testId={at}
          >
            <Flex direction="column" gap="sm">
              <Input
                testId={`${at}.label`}
                name={`${at}.label`}
                label={t('settings.custom.label')}
                value={indicator.label}
                readOnly={!editable}
                {...message(`${at}.label`)}
                onChange={(label) => {
                  props.onLabel(index, label);
                }}
              />
              <Select
                testId={`${at}.property`}
                name={`${at}.property`}
                label={t('settings.custom.property')}
                options={propertyOptions(indicator.property)}
                value={indicator.property}
                readOnly={!editable}
                {...message(`${at}.property`)}
                onChange={(value) => {
                  props.onProperty(index, String(value));
                }}
              />
              <Select
                testId={`${at}.kind`}
                name={`${at}.kind`}
                label={t('settings.custom.kind')}
                description={t('settings.custom.kindHelp')}
                options={[
                  { label: t('settings.custom.numeric'), value: 'numeric' },
                  { label: t('settings.custom.enumeration'), value: 'enumeration' },
                ]}
                value={indicator.kind}
                readOnly={!editable}
                onChange={(value) => {
                  props.onKind(index, value === 'enumeration' ? 'enumeration' : 'numeric');
                }}
              />
              {indicator.kind === 'numeric' ? (
                <CurveEditor
                  curve={indicator.curve}
                  path={`${at}.curve`}
                  editable={editable}
                  errors={errors}
                  onChange={(curve) => {
                    props.onCurve(index, curve);
                  }}
                  t={t}
                />
              ) : (
                <Flex direction="column" gap="xs">
                  <Text variant="microcopy">{t('settings.custom.pointsHelp')}</Text>
                  {values.length === 0 && <Text>{t('settings.custom.noValues')}</Text>}
                  {values.map(({ value, label }) => (
                    <NumberInput
                      key={value}
                      testId={`${at}.points.${value}`}
                      name={`${at}.points.${value}`}
                      label={label === value ? value : `${label} (${value})`}
                      min={0}
                      max={100}
                      readOnly={!editable}
                      {...(indicator.points[value] === undefined ? {} : { value: indicator.points[value] })}
                      {...message(`${at}.points.${value}`)}
                      onChange={(points) => {
                        props.onPoints(index, value, Number.isFinite(points) ? points : undefined);
                      }}
                    />
                  ))}
                </Flex>
              )}
              {editable && (
                <Button
                  testId={`${at}.remove`}
                  variant="destructive"
                  size="small"
                  onClick={() => {
                    props.onRemove(index);
                  }}
                >
                  {t('settings.custom.remove')}
                </Button>
              )}
            </Flex>
          </Accordion>
        );
      })}
      {editable && model.customIndicators.length < maxCustomIndicators && (
        <Button testId="custom-add" onClick={props.onAdd}>
          {t('settings.custom.add')}
        </Button>
      )}
    </Flex>
  );
}
