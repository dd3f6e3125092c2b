import type { HealthModel } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Button, Flex, MultiSelect, NumberInput, Text } from '@hubspot/ui-extensions';

import { fieldError } from './field-error.ts';
import {
  hubspotPriorities,
  knownPriorities,
  otherPriorities,
  setSlaHours,
  setSupport,
} from './indicator-parameters-draft.ts';
import type { FieldErrors } from './model-draft.ts';
import { ValueAdder } from './value-adder.tsx';

export interface SupportEditorProps {
  model: HealthModel;
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  t: Translate;
}

/** A priority as people read it: HubSpot's own in the user's language, a portal's own as it is spelled. */
export function priorityLabel(priority: string, t: Translate): string {
  if (priority === otherPriorities) return t('settings.priority.default');
  return (hubspotPriorities as readonly string[]).includes(priority)
    ? t(`settings.priority.${priority as (typeof hubspotPriorities)[number]}`)
    : priority;
}

/** How the support indicators read tickets: how far back, the SLA per priority and which are urgent. */
export function SupportEditor({ model, editable, errors, onEdit, t }: SupportEditorProps) {
  const { support } = model;
  const priorities = knownPriorities(model);
  // "Any other priority" last: it is the rule for everything not listed above it.
  const slaRows = [
    ...Object.keys(support.slaHours).filter((priority) => priority !== otherPriorities),
    ...(otherPriorities in support.slaHours ? [otherPriorities] : []),
  ];
  return (
    <Flex direction="column" gap="sm">
      <NumberInput
        testId="support.lookbackDays"
        name="support.lookbackDays"
        label={t('settings.support.lookbackDays')}
        description={t('settings.support.lookbackDaysHelp')}
        value={support.lookbackDays}
        min={7}
        max={730}
        precision={0}
        readOnly={!editable}
        {...fieldError(errors, 'support.lookbackDays', t)}
        onChange={(lookbackDays) => {
          onEdit((draft) => setSupport(draft, { lookbackDays }));
        }}
      />
      <Text format={{ fontWeight: 'bold' }}>{t('settings.support.sla')}</Text>
      <Text variant="microcopy">{t('settings.support.slaHelp')}</Text>
      {slaRows.map((priority) => (
        <Flex key={priority} direction="row" gap="sm" align="end">
          <NumberInput
            testId={`support.slaHours.${priority}`}
            name={`support.slaHours.${priority}`}
            label={priorityLabel(priority, t)}
            value={support.slaHours[priority] ?? Number.NaN}
            min={0.1}
            max={8760}
            precision={1}
            readOnly={!editable}
            {...fieldError(errors, `support.slaHours.${priority}`, t)}
            onChange={(hours) => {
              onEdit((draft) => setSlaHours(draft, priority, hours));
            }}
          />
          {editable && (
            <Button
              testId={`support.slaHours.${priority}.remove`}
              size="small"
              variant="transparent"
              onClick={() => {
                onEdit((draft) => setSlaHours(draft, priority, undefined));
              }}
            >
              {t('settings.support.remove')}
            </Button>
          )}
        </Flex>
      ))}
      {editable && (
        <ValueAdder
          testId="support.slaHours.new"
          label={t('settings.support.slaAdd')}
          options={[...priorities, otherPriorities].map((priority) => ({
            label: priorityLabel(priority, t),
            value: priority,
          }))}
          taken={slaRows}
          onAdd={(priority) => {
            // Starts from the rule it replaces, so adding a row changes nothing until it is edited.
            onEdit((draft) => setSlaHours(draft, priority, draft.support.slaHours[otherPriorities] ?? 24));
          }}
          t={t}
        />
      )}
      <MultiSelect
        testId="support.urgentPriorities"
        name="support.urgentPriorities"
        label={t('settings.support.urgent')}
        description={t('settings.support.urgentHelp')}
        options={priorities.map((priority) => ({ label: priorityLabel(priority, t), value: priority }))}
        value={support.urgentPriorities}
        readOnly={!editable}
        {...fieldError(errors, 'support.urgentPriorities', t)}
        onChange={(chosen) => {
          onEdit((draft) => setSupport(draft, { urgentPriorities: chosen.map(String) }));
        }}
      />
    </Flex>
  );
}
