import {
  builtInIndicatorIds,
  builtInIndicators,
  type HealthModel,
  type SettingsPropertyWire,
} from '@harbor/wire';
import { formatNumber, type FormatOptions, type Translate } from '@harbor/i18n';
import { Accordion, Divider, Flex, Text } from '@hubspot/ui-extensions';

import { CurveEditor } from './curve-editor.tsx';
import { CustomIndicatorsEditor, type CustomIndicatorsEditorProps } from './custom-indicators-editor.tsx';
import { InvoiceStatusEditor } from './invoice-status-editor.tsx';
import type { Curve, FieldErrors } from './model-draft.ts';
import { SentimentEditor } from './sentiment-editor.tsx';
import { SupportEditor } from './support-editor.tsx';

export type CustomIndicatorHandlers = Pick<
  CustomIndicatorsEditorProps,
  'onAdd' | 'onRemove' | 'onLabel' | 'onProperty' | 'onKind' | 'onCurve' | 'onPoints'
>;

export interface IndicatorsTabProps {
  model: HealthModel;
  properties: readonly SettingsPropertyWire[];
  editable: boolean;
  errors: FieldErrors;
  onCurve: (indicatorId: string, curve: [number, number][]) => void;
  custom: CustomIndicatorHandlers;
  /** Any other change to the draft (support, invoice-status and survey settings). */
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  t: Translate;
  format: FormatOptions;
}

/** "0.2 → 0 pts · 0.9 → 100 pts": a curve in one line, for the closed accordion. */
export function curveSummary(curve: Curve, t: Translate, format: FormatOptions): string {
  return curve
    .map(([value, points]) =>
      t('settings.indicators.breakpoint', {
        value: formatNumber(value, format, Number.isInteger(value) ? 0 : 2),
        points: formatNumber(points, format),
      }),
    )
    .join(' · ');
}

/** How each indicator turns a value into points (its thresholds), and the portal's own indicators. */
export function IndicatorsTab({
  model,
  properties,
  editable,
  errors,
  onCurve,
  custom,
  onEdit,
  t,
  format,
}: IndicatorsTabProps) {
  const curved = builtInIndicatorIds.filter((id) => model.curves[id] !== undefined);
  const opensOn = (prefix: string) => Object.keys(errors).some((path) => path.startsWith(prefix));
  const invoiceProperty = properties.find((property) => property.name === model.properties.invoiceStatus);
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.indicators.help')}</Text>
      {curved.map((id) => {
        const curve = model.curves[id] ?? [];
        const hasError = Object.keys(errors).some((path) => path.startsWith(`curves.${id}`));
        return (
          <Accordion
            key={id}
            testId={`curves.${id}`}
            title={t('settings.indicators.title', {
              indicator: t(`settings.indicator.${id}`),
              component: t(`component.${builtInIndicators[id]}`),
            })}
            defaultOpen={hasError}
          >
            <Flex direction="column" gap="sm">
              <Text variant="microcopy">{curveSummary(curve, t, format)}</Text>
              <CurveEditor
                curve={curve}
                path={`curves.${id}`}
                editable={editable}
                errors={errors}
                onChange={(next) => {
                  onCurve(id, next);
                }}
                t={t}
              />
            </Flex>
          </Accordion>
        );
      })}
      <Accordion testId="support" title={t('settings.support.title')} defaultOpen={opensOn('support.')}>
        <SupportEditor model={model} editable={editable} errors={errors} onEdit={onEdit} t={t} />
      </Accordion>
      <Accordion testId="payment" title={t('settings.payment.title')} defaultOpen={opensOn('payment.')}>
        <InvoiceStatusEditor
          model={model}
          property={invoiceProperty}
          editable={editable}
          errors={errors}
          onEdit={onEdit}
          t={t}
        />
      </Accordion>
      <Accordion testId="sentiment" title={t('settings.sentiment.title')} defaultOpen={opensOn('sentiment.')}>
        <SentimentEditor model={model} editable={editable} errors={errors} onEdit={onEdit} t={t} />
      </Accordion>
      <Divider />
      <CustomIndicatorsEditor
        model={model}
        properties={properties}
        editable={editable}
        errors={errors}
        {...custom}
        t={t}
      />
    </Flex>
  );
}
