import type { Translate } from '@harbor/i18n';
import { Button, Flex, NumberInput, Text } from '@hubspot/ui-extensions';

import {
  addBreakpoint,
  curveDirection,
  flipDirection,
  removeBreakpoint,
  setBreakpoint,
  type Curve,
  type FieldErrors,
} from './model-draft.ts';

export interface CurveEditorProps {
  curve: Curve;
  /** The curve's place in the model (`curves.nps`): field errors and test ids hang off it. */
  path: string;
  editable: boolean;
  errors: FieldErrors;
  onChange: (curve: [number, number][]) => void;
  t: Translate;
}

const maxBreakpoints = 20;

/**
 * An indicator's thresholds: at each value, this many points (between two thresholds the points change
 * evenly). The direction says whether more is better; flipping it mirrors the points.
 */
export function CurveEditor({ curve, path, editable, errors, onChange, t }: CurveEditorProps) {
  const direction = curveDirection(curve);
  const whole = errors[path];
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Text variant="microcopy">{t(`settings.curve.direction.${direction}`)}</Text>
        {editable && direction !== 'flat' && (
          <Button
            testId={`${path}-flip`}
            size="small"
            onClick={() => {
              onChange(flipDirection(curve));
            }}
          >
            {t('settings.curve.flip')}
          </Button>
        )}
      </Flex>
      {curve.map(([value, points], index) => {
        const valueError = errors[`${path}.${index}.0`];
        const pointsError = errors[`${path}.${index}.1`];
        return (
          <Flex key={index} direction="row" gap="sm" align="end">
            <NumberInput
              testId={`${path}.${index}.value`}
              name={`${path}.${index}.value`}
              label={t('settings.curve.value', { number: index + 1 })}
              value={value}
              precision={4}
              readOnly={!editable}
              error={valueError !== undefined}
              {...(valueError === undefined
                ? {}
                : { validationMessage: t(valueError.key, valueError.params) })}
              onChange={(next) => {
                onChange(setBreakpoint(curve, index, 0, next));
              }}
            />
            <NumberInput
              testId={`${path}.${index}.points`}
              name={`${path}.${index}.points`}
              label={t('settings.curve.points')}
              value={points}
              min={0}
              max={100}
              readOnly={!editable}
              error={pointsError !== undefined}
              {...(pointsError === undefined
                ? {}
                : { validationMessage: t(pointsError.key, pointsError.params) })}
              onChange={(next) => {
                onChange(setBreakpoint(curve, index, 1, next));
              }}
            />
            {editable && curve.length > 2 && (
              <Button
                testId={`${path}.${index}.remove`}
                size="small"
                variant="transparent"
                onClick={() => {
                  onChange(removeBreakpoint(curve, index));
                }}
              >
                {t('settings.curve.remove')}
              </Button>
            )}
          </Flex>
        );
      })}
      {whole !== undefined && <Text>{t(whole.key, whole.params)}</Text>}
      {editable && curve.length < maxBreakpoints && (
        <Button
          testId={`${path}-add`}
          size="small"
          onClick={() => {
            onChange(addBreakpoint(curve));
          }}
        >
          {t('settings.curve.add')}
        </Button>
      )}
    </Flex>
  );
}
