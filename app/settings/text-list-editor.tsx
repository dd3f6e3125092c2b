import type { Translate } from '@harbor/i18n';
import { Button, Flex, Input, Tag, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';

import { addText, removeText } from './action-settings-draft.ts';
import type { FieldErrors } from './model-draft.ts';

export interface TextListEditorProps {
  testId: string;
  label: string;
  help: string;
  values: readonly string[];
  editable: boolean;
  errors: FieldErrors;
  /** The list's error path; an entry's is `<path>.<index>`. */
  path: string;
  onChange: (values: string[]) => void;
  t: Translate;
}

/** A short list of words (executive titles, invoice statuses): each shown with its remove button, one typed in at a time. */
export function TextListEditor(props: TextListEditorProps) {
  const { testId, label, help, values, editable, errors, path, t } = props;
  const [text, setText] = useState('');
  const typed = text.trim();
  const taken = values.some((value) => value.toLowerCase() === typed.toLowerCase());
  const listError = errors[path];
  const entryErrors = values
    .map((value, index) => ({ value, error: errors[`${path}.${index}`] }))
    .filter((entry) => entry.error !== undefined);
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>{label}</Text>
      <Text variant="microcopy">{help}</Text>
      <Flex direction="row" gap="xs" wrap="wrap" testId={`${testId}.list`}>
        {values.length === 0 && <Text>{t('settings.actions.list.empty')}</Text>}
        {values.map((value, index) => (
          <Flex key={value} direction="row" gap="flush" align="center">
            <Tag testId={`${testId}.${index}`}>{value}</Tag>
            {editable && (
              <Button
                testId={`${testId}.${index}.remove`}
                size="extra-small"
                variant="transparent"
                onClick={() => {
                  props.onChange(removeText(values, index));
                }}
              >
                {t('settings.actions.list.remove')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
      {listError !== undefined && <Text>{t(listError.key, listError.params)}</Text>}
      {entryErrors.map(({ value, error }) =>
        error === undefined ? null : <Text key={value}>{`${value}: ${t(error.key, error.params)}`}</Text>,
      )}
      {editable && (
        <Flex direction="row" gap="sm" align="end">
          <Input
            testId={`${testId}.new`}
            name={`${testId}.new`}
            label={t('settings.actions.list.add', { label })}
            value={text}
            onChange={setText}
          />
          <Button
            testId={`${testId}.add`}
            size="small"
            disabled={typed === '' || taken}
            onClick={() => {
              props.onChange(addText(values, typed));
              setText('');
            }}
          >
            {t('settings.adder.add')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
