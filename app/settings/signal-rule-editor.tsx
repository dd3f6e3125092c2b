import type { SignalRuleId } from '@harbor/wire';
import type { MessageKey, Translate } from '@harbor/i18n';
import { Flex, MultiSelect, NumberInput, Text, Toggle } from '@hubspot/ui-extensions';

import {
  fromPercent,
  ruleFields,
  ruleValue,
  setRuleValue,
  toPercent,
  type ActionDraft,
  type RuleField,
} from './action-settings-draft.ts';
import { fieldError } from './field-error.ts';
import type { FieldErrors } from './model-draft.ts';
import { toggleTexts } from './toggle-texts.ts';
import { TextListEditor } from './text-list-editor.tsx';

/** A threshold's label and its explanation, by rule and field (`settings.signals.field.usage_drop.minDropShare`). */
export const fieldLabel = (rule: SignalRuleId, field: string, t: Translate): string =>
  t(`settings.signals.field.${rule}.${field}` as MessageKey);
export const fieldHelp = (rule: SignalRuleId, field: string, t: Translate): string =>
  t(`settings.signals.field.${rule}.${field}.help` as MessageKey);

export interface RuleFieldInputProps {
  testId: string;
  rule: SignalRuleId;
  field: RuleField;
  value: unknown;
  editable: boolean;
  errors: FieldErrors;
  /** The error path of this field. */
  path: string;
  /** What the field shows when it is empty (a segment's field: the portal's value). */
  placeholder?: string | undefined;
  /** Instead of the field's own label (a segment's field names its rule too). */
  label?: string | undefined;
  onChange: (value: unknown) => void;
  t: Translate;
}

/** One number or switch of a rule; a share is typed as a percentage and stored as a share. */
export function RuleFieldInput(props: RuleFieldInputProps) {
  const { testId, rule, field, value, editable, errors, path, t } = props;
  const label = props.label ?? fieldLabel(rule, field.field, t);
  if (field.kind === 'switch')
    return (
      <Flex direction="column" gap="flush">
        <Toggle
          testId={testId}
          name={testId}
          label={label}
          labelDisplay="inline"
          {...toggleTexts(t)}
          checked={value === true}
          readOnly={!editable}
          onChange={(checked) => {
            props.onChange(checked);
          }}
        />
        <Text variant="microcopy">{fieldHelp(rule, field.field, t)}</Text>
      </Flex>
    );
  const isShare = field.kind === 'share';
  const shown = typeof value === 'number' ? (isShare ? toPercent(value) : value) : Number.NaN;
  return (
    <NumberInput
      testId={testId}
      name={testId}
      label={isShare ? t('settings.signals.percent', { label }) : label}
      description={fieldHelp(rule, field.field, t)}
      value={shown}
      precision={field.kind === 'whole' ? 0 : 2}
      readOnly={!editable}
      {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
      {...fieldError(errors, path, t)}
      onChange={(typed) => {
        const number = typeof typed === 'number' ? typed : Number.NaN;
        props.onChange(isShare && Number.isFinite(number) ? fromPercent(number) : number);
      }}
    />
  );
}

export interface SignalRuleEditorProps {
  draft: ActionDraft;
  rule: SignalRuleId;
  /** The health model's segments, for the rules that name segments. */
  segments: readonly string[];
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (draft: ActionDraft) => ActionDraft) => void;
  t: Translate;
}

/** One signal rule, portal-wide: on or off, what it is for and each of its thresholds. */
export function SignalRuleEditor({
  draft,
  rule,
  segments,
  editable,
  errors,
  onEdit,
  t,
}: SignalRuleEditorProps) {
  const base = `signals.defaults.${rule}`;
  const set = (field: string, value: unknown) => {
    onEdit((current) => setRuleValue(current, rule, field, value));
  };
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">{t(`settings.signals.rule.${rule}.help` as MessageKey)}</Text>
      <Toggle
        testId={`${base}.enabled`}
        name={`${base}.enabled`}
        label={t('settings.signals.enabled')}
        labelDisplay="inline"
        {...toggleTexts(t)}
        checked={ruleValue(draft, rule, 'enabled') === true}
        readOnly={!editable}
        onChange={(checked) => {
          set('enabled', checked);
        }}
      />
      {ruleFields[rule].map((field) => {
        const path = `${base}.${field.field}`;
        const value = ruleValue(draft, rule, field.field);
        if (field.kind === 'texts')
          return (
            <TextListEditor
              key={field.field}
              testId={path}
              label={fieldLabel(rule, field.field, t)}
              help={fieldHelp(rule, field.field, t)}
              values={Array.isArray(value) ? (value as string[]) : []}
              editable={editable}
              errors={errors}
              path={path}
              onChange={(values) => {
                set(field.field, values);
              }}
              t={t}
            />
          );
        if (field.kind === 'segments')
          return (
            <MultiSelect
              key={field.field}
              testId={path}
              name={path}
              label={fieldLabel(rule, field.field, t)}
              description={fieldHelp(rule, field.field, t)}
              options={[...new Set([...segments, ...(value as string[])])].map((segment) => ({
                label: segment,
                value: segment,
              }))}
              value={value as string[]}
              readOnly={!editable}
              {...fieldError(errors, path, t)}
              onChange={(chosen) => {
                set(field.field, chosen.map(String));
              }}
            />
          );
        return (
          <RuleFieldInput
            key={field.field}
            testId={path}
            rule={rule}
            field={field}
            value={value}
            editable={editable}
            errors={errors}
            path={path}
            onChange={(changed) => {
              set(field.field, changed);
            }}
            t={t}
          />
        );
      })}
    </Flex>
  );
}
