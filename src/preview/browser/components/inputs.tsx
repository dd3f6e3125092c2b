import { useEffect, useId, useState, type ReactNode } from 'react';

import { classes } from './canvas-scale.ts';
import { extensionEvent } from './buttons.tsx';

interface Testable {
  testId?: string;
}

interface FieldProps extends Testable {
  label?: string;
  name?: string;
  required?: boolean;
  readOnly?: boolean;
  description?: string;
  tooltip?: string;
  placeholder?: string;
  error?: boolean;
  validationMessage?: string;
}

function Field({
  id,
  label,
  required,
  description,
  tooltip,
  error,
  validationMessage,
  testId,
  children,
}: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div data-testid={testId} className={classes('cv-field', error === true && 'cv-field--error')}>
      {label === undefined || label === '' ? null : (
        <label htmlFor={id} className="cv-field__label">
          {label}
          {required === true ? <span className="cv-field__required">*</span> : null}
          {tooltip === undefined ? null : (
            <span className="cv-field__tooltip" title={tooltip}>
              ?
            </span>
          )}
        </label>
      )}
      {description === undefined ? null : <div className="cv-field__description">{description}</div>}
      {children}
      {validationMessage === undefined || validationMessage === '' ? null : (
        <div className={classes('cv-field__message', error === true && 'cv-field__message--error')}>
          {validationMessage}
        </div>
      )}
    </div>
  );
}

/** HubSpot's inputs show typing at once, call onInput per edit and onChange when the value is committed (blur). */
function useDraft<T>(value: T | undefined, defaultValue: T | undefined, empty: T): [T, (next: T) => void] {
  const [draft, setDraft] = useState<T>(value ?? defaultValue ?? empty);
  useEffect(() => {
    if (value !== undefined) setDraft(value);
  }, [value]);
  return [draft, setDraft];
}

interface TextInputProps extends FieldProps {
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  onInput?: (value: string) => void;
  onBlur?: (value: string) => void;
  onFocus?: (value: string) => void;
}

export function Input(props: TextInputProps & { type?: 'text' | 'password' }) {
  const id = useId();
  const [draft, setDraft] = useDraft(props.value, props.defaultValue, '');
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        className="cv-input"
        type={props.type ?? 'text'}
        name={props.name}
        value={draft}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        required={props.required}
        onChange={(event) => {
          setDraft(event.target.value);
          props.onInput?.(event.target.value);
        }}
        onFocus={() => props.onFocus?.(draft)}
        onBlur={() => {
          props.onBlur?.(draft);
          props.onChange?.(draft);
        }}
      />
    </Field>
  );
}

export function SearchInput(props: TextInputProps & { clearable?: boolean }) {
  return <Input {...props} />;
}

export function TextArea(
  props: TextInputProps & { rows?: number; cols?: number; maxLength?: number; resize?: string },
) {
  const id = useId();
  const [draft, setDraft] = useDraft(props.value, props.defaultValue, '');
  return (
    <Field {...props} id={id}>
      <textarea
        id={id}
        className="cv-input cv-textarea"
        name={props.name}
        rows={props.rows ?? 3}
        cols={props.cols}
        maxLength={props.maxLength}
        style={{ resize: (props.resize ?? 'vertical') as 'vertical' }}
        value={draft}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        onChange={(event) => {
          setDraft(event.target.value);
          props.onInput?.(event.target.value);
        }}
        onBlur={() => {
          props.onBlur?.(draft);
          props.onChange?.(draft);
        }}
      />
    </Field>
  );
}

export const Textarea = TextArea;

interface NumberProps extends FieldProps {
  value?: number;
  defaultValue?: number;
  min?: number;
  max?: number;
  precision?: number;
  formatStyle?: 'decimal' | 'percentage';
  textAlign?: 'left' | 'right';
  onChange?: (value: number) => void;
  onInput?: (value: number) => void;
  onBlur?: (value: number) => void;
  onFocus?: (value: number) => void;
}

export function NumberInput(props: NumberProps & { stepSize?: number; prefix?: string }) {
  const id = useId();
  const [draft, setDraft] = useDraft<string>(
    props.value === undefined ? undefined : String(props.value),
    props.defaultValue === undefined ? undefined : String(props.defaultValue),
    '',
  );
  const commit = (): void => {
    const parsed = Number(draft);
    if (draft !== '' && Number.isFinite(parsed)) {
      props.onBlur?.(parsed);
      props.onChange?.(parsed);
    }
  };
  return (
    <Field {...props} id={id}>
      <div className="cv-number">
        {props.prefix === undefined ? null : <span className="cv-number__affix">{props.prefix}</span>}
        <input
          id={id}
          className="cv-input"
          type="number"
          name={props.name}
          min={props.min}
          max={props.max}
          step={props.stepSize ?? (props.precision === undefined ? 'any' : 10 ** -props.precision)}
          style={{ textAlign: props.textAlign ?? 'left' }}
          value={draft}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          onChange={(event) => {
            setDraft(event.target.value);
            const parsed = Number(event.target.value);
            if (Number.isFinite(parsed)) props.onInput?.(parsed);
          }}
          onBlur={commit}
        />
        {props.formatStyle === 'percentage' ? <span className="cv-number__affix">%</span> : null}
      </div>
    </Field>
  );
}

export function CurrencyInput({ currency = 'USD', ...props }: NumberProps & { currency?: string }) {
  return <NumberInput {...props} prefix={currency} />;
}

export function StepperInput(props: NumberProps & { stepSize?: number }) {
  return <NumberInput {...props} />;
}

type Choice = string | number | boolean;

export function Select(
  props: FieldProps & {
    value?: Choice;
    options: { label: string; value: Choice }[];
    onChange?: (value: Choice) => void;
    onInput?: (value: string) => void;
    variant?: 'transparent' | 'input';
  },
) {
  const id = useId();
  const [draft, setDraft] = useDraft<string>(
    props.value === undefined ? undefined : String(props.value),
    undefined,
    '',
  );
  return (
    <Field {...props} id={id}>
      <select
        id={id}
        name={props.name}
        className={classes(
          'cv-input',
          'cv-select',
          props.variant === 'transparent' && 'cv-select--transparent',
        )}
        value={draft}
        disabled={props.readOnly}
        onChange={(event) => {
          setDraft(event.target.value);
          const option = props.options.find((choice) => String(choice.value) === event.target.value);
          if (option !== undefined) props.onChange?.(option.value);
          props.onInput?.(event.target.value);
        }}
      >
        {draft === '' ? <option value="">{props.placeholder ?? ''}</option> : null}
        {props.options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function MultiSelect(
  props: FieldProps & {
    value?: Choice[];
    options: { label: string; value: Choice }[];
    onChange?: (value: Choice[]) => void;
  },
) {
  const id = useId();
  const [chosen, setChosen] = useDraft<Choice[]>(props.value, undefined, []);
  return (
    <Field {...props} id={id}>
      <div id={id} className="cv-multi">
        {props.options.map((option) => {
          const isOn = chosen.some((value) => String(value) === String(option.value));
          return (
            <label key={String(option.value)} className="cv-check">
              <input
                type="checkbox"
                checked={isOn}
                disabled={props.readOnly}
                onChange={() => {
                  const next = isOn
                    ? chosen.filter((value) => String(value) !== String(option.value))
                    : [...chosen, option.value];
                  setChosen(next);
                  props.onChange?.(next);
                }}
              />
              {option.label}
            </label>
          );
        })}
      </div>
    </Field>
  );
}

export function Toggle({
  checked,
  initialIsChecked,
  label,
  labelDisplay = 'inline',
  textChecked = 'On',
  textUnchecked = 'Off',
  readOnly,
  readonly,
  name,
  size = 'md',
  onChange,
  testId,
}: Testable & {
  checked?: boolean;
  initialIsChecked?: boolean;
  label: string;
  labelDisplay?: 'inline' | 'top' | 'hidden';
  textChecked?: string;
  textUnchecked?: string;
  readOnly?: boolean;
  readonly?: boolean;
  name?: string;
  size?: string;
  onChange?: (checked: boolean) => void;
}) {
  const [isOn, setOn] = useDraft<boolean>(checked, initialIsChecked, false);
  const isLocked = readOnly === true || readonly === true;
  return (
    <label
      data-testid={testId}
      className={classes('cv-toggle', labelDisplay === 'top' && 'cv-toggle--top', `cv-toggle--${size}`)}
    >
      {labelDisplay === 'hidden' ? null : <span className="cv-toggle__label">{label}</span>}
      <span className="cv-toggle__control">
        <input
          type="checkbox"
          role="switch"
          name={name}
          aria-label={label}
          checked={isOn}
          disabled={isLocked}
          onChange={() => {
            setOn(!isOn);
            onChange?.(!isOn);
          }}
        />
        <span className="cv-toggle__track" />
        <span className="cv-toggle__text">{isOn ? textChecked : textUnchecked}</span>
      </span>
    </label>
  );
}

interface CheckProps extends Testable {
  value?: string;
  checked?: boolean;
  initialIsChecked?: boolean;
  readOnly?: boolean;
  readonly?: boolean;
  description?: string;
  name?: string;
  inline?: boolean;
  children?: ReactNode;
  onChange?: (checked: boolean, value: string) => void;
}

function CheckInput({ type, ...props }: CheckProps & { type: 'checkbox' | 'radio' }) {
  const [isOn, setOn] = useDraft<boolean>(props.checked, props.initialIsChecked, false);
  return (
    <label
      data-testid={props.testId}
      className={classes('cv-check', props.inline === true && 'cv-check--inline')}
    >
      <input
        type={type}
        name={props.name}
        value={props.value}
        checked={isOn}
        disabled={props.readOnly === true || props.readonly === true}
        onChange={() => {
          setOn(!isOn);
          props.onChange?.(!isOn, props.value ?? '');
        }}
      />
      <span>
        {props.children}
        {props.description === undefined ? null : (
          <span className="cv-field__description">{props.description}</span>
        )}
      </span>
    </label>
  );
}

export function Checkbox(props: CheckProps) {
  return <CheckInput {...props} type="checkbox" />;
}

export function RadioButton(props: CheckProps) {
  return <CheckInput {...props} type="radio" />;
}

export function ToggleGroup(
  props: FieldProps & {
    toggleType?: 'checkboxList' | 'radioButtonList';
    name: string;
    label: string;
    options: { label: string; value: string; description?: string; initialIsChecked?: boolean }[];
    value?: string | string[];
    inline?: boolean;
    onChange?: (value: never) => void;
  },
) {
  const id = useId();
  const isRadio = props.toggleType === 'radioButtonList';
  const initial = props.options.filter((option) => option.initialIsChecked === true).map((o) => o.value);
  const [chosen, setChosen] = useDraft<string[]>(
    props.value === undefined ? undefined : ([] as string[]).concat(props.value),
    initial,
    [],
  );
  const emit = props.onChange as ((value: string | string[]) => void) | undefined;
  return (
    <Field {...props} id={id}>
      <div id={id} className={classes('cv-multi', props.inline === true && 'cv-multi--inline')}>
        {props.options.map((option) => (
          <label key={option.value} className="cv-check">
            <input
              type={isRadio ? 'radio' : 'checkbox'}
              name={props.name}
              checked={chosen.includes(option.value)}
              onChange={() => {
                const next = isRadio
                  ? [option.value]
                  : chosen.includes(option.value)
                    ? chosen.filter((value) => value !== option.value)
                    : [...chosen, option.value];
                setChosen(next);
                emit?.(isRadio ? option.value : next);
              }}
            />
            <span>
              {option.label}
              {option.description === undefined ? null : (
                <span className="cv-field__description">{option.description}</span>
              )}
            </span>
          </label>
        ))}
      </div>
    </Field>
  );
}

interface BaseDate {
  year: number;
  month: number;
  date: number;
}

function isoOf(value: BaseDate | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  // HubSpot's BaseDate month is zero-based, like Date's.
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month + 1)}-${pad(value.date)}`;
}

export function DateInput(
  props: FieldProps & {
    value?: BaseDate | null;
    defaultValue?: BaseDate | null;
    min?: BaseDate;
    max?: BaseDate;
    onChange?: (value: BaseDate & { formattedDate?: string }) => void;
  },
) {
  const id = useId();
  const [draft, setDraft] = useDraft<string>(isoOf(props.value), isoOf(props.defaultValue), '');
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        className="cv-input"
        type="date"
        name={props.name}
        min={isoOf(props.min)}
        max={isoOf(props.max)}
        value={draft}
        readOnly={props.readOnly}
        onChange={(event) => {
          setDraft(event.target.value);
          const [year, month, date] = event.target.value.split('-').map(Number);
          if (year !== undefined && month !== undefined && date !== undefined)
            props.onChange?.({ year, month: month - 1, date, formattedDate: event.target.value });
        }}
      />
    </Field>
  );
}

export function TimeInput(
  props: FieldProps & {
    value?: { hours: number; minutes: number } | null;
    onChange?: (value: { hours: number; minutes: number }) => void;
  },
) {
  const id = useId();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const text =
    props.value === undefined || props.value === null
      ? undefined
      : `${pad(props.value.hours)}:${pad(props.value.minutes)}`;
  const [draft, setDraft] = useDraft<string>(text, undefined, '');
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        className="cv-input"
        type="time"
        name={props.name}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          const [hours, minutes] = event.target.value.split(':').map(Number);
          if (hours !== undefined && minutes !== undefined) props.onChange?.({ hours, minutes });
        }}
      />
    </Field>
  );
}

export function Form({
  children,
  onSubmit,
  autoComplete,
  testId,
}: Testable & {
  children?: ReactNode;
  onSubmit?: (event: ReturnType<typeof extensionEvent> & { targetValue: Record<string, string> }) => void;
  preventDefault?: boolean;
  autoComplete?: 'on' | 'off';
}) {
  return (
    <form
      data-testid={testId}
      className="cv-form"
      autoComplete={autoComplete}
      onSubmit={(event) => {
        // There is no page behind the form in HubSpot either: the card gets the values and does the work.
        event.preventDefault();
        const values: Record<string, string> = {};
        new FormData(event.currentTarget).forEach((value, key) => {
          if (typeof value === 'string') values[key] = value;
        });
        onSubmit?.({ ...extensionEvent('submit'), targetValue: values });
      }}
    >
      {children}
    </form>
  );
}
