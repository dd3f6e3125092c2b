import type { HealthModel } from '@harbor/wire';
import type { MessageKey, Translate } from '@harbor/i18n';
import { Flex, NumberInput } from '@hubspot/ui-extensions';

import { fieldError } from './field-error.ts';
import { setSentiment } from './indicator-parameters-draft.ts';
import type { FieldErrors } from './model-draft.ts';

export interface SentimentEditorProps {
  model: HealthModel;
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  t: Translate;
}

type SentimentField = keyof HealthModel['sentiment'];

/** The schema's bounds, shown on the inputs so the stepper stays within them. */
const fields: readonly {
  field: SentimentField;
  label: MessageKey;
  help: MessageKey;
  min: number;
  max: number;
  precision: number;
}[] = [
  {
    field: 'halfLifeDays',
    label: 'settings.sentiment.halfLifeDays',
    help: 'settings.sentiment.halfLifeDaysHelp',
    min: 1,
    max: 3650,
    precision: 1,
  },
  {
    field: 'maxAgeDays',
    label: 'settings.sentiment.maxAgeDays',
    help: 'settings.sentiment.maxAgeDaysHelp',
    min: 1,
    max: 3650,
    precision: 0,
  },
  {
    field: 'fullConfidenceResponses',
    label: 'settings.sentiment.fullConfidenceResponses',
    help: 'settings.sentiment.fullConfidenceResponsesHelp',
    min: 1,
    max: 100,
    precision: 0,
  },
];

/** How survey answers (NPS, CSAT, CES) count: recent ones more, old ones not at all, few ones less surely. */
export function SentimentEditor({ model, editable, errors, onEdit, t }: SentimentEditorProps) {
  return (
    <Flex direction="column" gap="sm">
      {fields.map(({ field, label, help, min, max, precision }) => (
        <NumberInput
          key={field}
          testId={`sentiment.${field}`}
          name={`sentiment.${field}`}
          label={t(label)}
          description={t(help)}
          value={model.sentiment[field]}
          min={min}
          max={max}
          precision={precision}
          readOnly={!editable}
          {...fieldError(errors, `sentiment.${field}`, t)}
          onChange={(value) => {
            onEdit((draft) => setSentiment(draft, { [field]: value }));
          }}
        />
      ))}
    </Flex>
  );
}
