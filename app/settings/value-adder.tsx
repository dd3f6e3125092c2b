import type { Translate } from '@harbor/i18n';
import { Button, Flex, Input, Select } from '@hubspot/ui-extensions';
import { useState } from 'react';

export interface ValueAdderProps {
  testId: string;
  label: string;
  /** The values to choose from (a property's options); empty when any text may be typed. */
  options: readonly { label: string; value: string }[];
  /** Values already listed, which are not offered again. */
  taken: readonly string[];
  onAdd: (value: string) => void;
  t: Translate;
}

/**
 * Adds one row to a value table (segment per value, points per status, hours per priority): picked from
 * the known values when there are some, typed otherwise.
 */
export function ValueAdder({ testId, label, options, taken, onAdd, t }: ValueAdderProps) {
  const [text, setText] = useState('');
  if (options.length > 0) {
    const free = options.filter((option) => !taken.includes(option.value));
    if (free.length === 0) return null;
    return (
      <Select
        testId={testId}
        name={testId}
        label={label}
        description={t('settings.adder.pickHelp')}
        options={free.map((option) => ({ label: option.label, value: option.value }))}
        onChange={(value) => {
          onAdd(String(value));
        }}
      />
    );
  }
  const value = text.trim();
  return (
    <Flex direction="row" gap="sm" align="end">
      <Input
        testId={`${testId}.text`}
        name={`${testId}.text`}
        label={label}
        description={t('settings.adder.typeHelp')}
        value={text}
        onChange={setText}
      />
      <Button
        testId={`${testId}.add`}
        size="small"
        disabled={value === '' || taken.includes(value)}
        onClick={() => {
          onAdd(value);
          setText('');
        }}
      >
        {t('settings.adder.add')}
      </Button>
    </Flex>
  );
}
