import type { HealthModel, SettingsPropertyWire } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Button, Flex, NumberInput, Text } from '@hubspot/ui-extensions';

import { fieldError } from './field-error.ts';
import { setInvoiceStatusPoints } from './indicator-parameters-draft.ts';
import type { FieldErrors } from './model-draft.ts';
import { ValueAdder } from './value-adder.tsx';

export interface InvoiceStatusEditorProps {
  model: HealthModel;
  /** The mapped invoice-status property's definition, for its options; undefined when not listed. */
  property: SettingsPropertyWire | undefined;
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  t: Translate;
}

/** Points per value of the invoice-status property (the Invoice status indicator). */
export function InvoiceStatusEditor({
  model,
  property,
  editable,
  errors,
  onEdit,
  t,
}: InvoiceStatusEditorProps) {
  const points = model.payment.invoiceStatusPoints;
  const labelOf = (value: string) => {
    const label = property?.options.find((option) => option.value === value)?.label ?? value;
    return label === value ? value : `${label} (${value})`;
  };
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">{t('settings.payment.help')}</Text>
      {Object.keys(points).length === 0 && <Text>{t('settings.payment.none')}</Text>}
      {Object.entries(points).map(([value, current]) => (
        <Flex key={value} direction="row" gap="sm" align="end">
          <NumberInput
            testId={`payment.invoiceStatusPoints.${value}`}
            name={`payment.invoiceStatusPoints.${value}`}
            label={labelOf(value)}
            value={current}
            min={0}
            max={100}
            readOnly={!editable}
            {...fieldError(errors, `payment.invoiceStatusPoints.${value}`, t)}
            onChange={(next) => {
              onEdit((draft) => setInvoiceStatusPoints(draft, value, next));
            }}
          />
          {editable && (
            <Button
              testId={`payment.invoiceStatusPoints.${value}.remove`}
              size="small"
              variant="transparent"
              onClick={() => {
                onEdit((draft) => setInvoiceStatusPoints(draft, value, undefined));
              }}
            >
              {t('settings.payment.remove')}
            </Button>
          )}
        </Flex>
      ))}
      {editable && (
        <ValueAdder
          testId="payment.invoiceStatusPoints.new"
          label={t('settings.payment.add')}
          options={(property?.options ?? []).map((option) => ({
            label: labelOf(option.value),
            value: option.value,
          }))}
          taken={Object.keys(points)}
          onAdd={(value) => {
            onEdit((draft) => setInvoiceStatusPoints(draft, value, 0));
          }}
          t={t}
        />
      )}
    </Flex>
  );
}
