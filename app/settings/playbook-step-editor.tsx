import type { PlaybookStep, StepOwnerRule } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Button, Flex, Input, NumberInput, Select, Text, TextArea, Tile } from '@hubspot/ui-extensions';

import { fieldError } from './field-error.ts';
import type { FieldErrors } from './model-draft.ts';

export interface PlaybookStepEditorProps {
  step: PlaybookStep;
  index: number;
  count: number;
  /** The step's error path (`playbooks.templates.renewal.steps.0`). */
  path: string;
  editable: boolean;
  errors: FieldErrors;
  onChange: (change: Partial<PlaybookStep>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  t: Translate;
}

const priorities = ['HIGH', 'MEDIUM', 'LOW'] as const;
const taskTypes = ['TODO', 'CALL', 'EMAIL'] as const;

function ownerFrom(kind: string, previous: StepOwnerRule): StepOwnerRule {
  if (kind === 'owner') return { kind: 'owner', ownerId: previous.kind === 'owner' ? previous.ownerId : '' };
  return kind === 'cs_lead' ? { kind: 'cs_lead' } : { kind: 'company_owner' };
}

/** One step of a playbook: the HubSpot task it creates — title, body, due days, priority, type and owner. */
export function PlaybookStepEditor(props: PlaybookStepEditorProps) {
  const { step, index, count, path, editable, errors, t } = props;
  const id = (field: string) => `${path}.${field}`;
  return (
    <Tile compact testId={`step-${index}`}>
      <Flex direction="column" gap="xs">
        <Text format={{ fontWeight: 'bold' }}>
          {t('settings.playbooks.step.title', { number: index + 1 })}
        </Text>
        <Input
          testId={id('title')}
          name={id('title')}
          label={t('settings.playbooks.step.taskTitle')}
          value={step.title}
          readOnly={!editable}
          {...fieldError(errors, id('title'), t)}
          onChange={(title) => {
            props.onChange({ title });
          }}
        />
        <TextArea
          testId={id('body')}
          name={id('body')}
          label={t('settings.playbooks.step.body')}
          description={t('settings.playbooks.step.bodyHelp')}
          value={step.body}
          rows={3}
          readOnly={!editable}
          {...fieldError(errors, id('body'), t)}
          onChange={(body) => {
            props.onChange({ body });
          }}
        />
        <Flex direction="row" gap="sm" wrap="wrap">
          <NumberInput
            testId={id('dueInDays')}
            name={id('dueInDays')}
            label={t('settings.playbooks.step.dueInDays')}
            description={t('settings.playbooks.step.dueInDaysHelp')}
            value={step.dueInDays}
            precision={0}
            readOnly={!editable}
            {...fieldError(errors, id('dueInDays'), t)}
            onChange={(dueInDays) => {
              props.onChange({ dueInDays });
            }}
          />
          <Select
            testId={id('priority')}
            name={id('priority')}
            label={t('settings.playbooks.step.priority')}
            options={priorities.map((priority) => ({
              label: t(`settings.playbooks.priority.${priority}`),
              value: priority,
            }))}
            value={step.priority}
            readOnly={!editable}
            onChange={(picked) => {
              const priority = priorities.find((value) => value === picked);
              if (priority !== undefined) props.onChange({ priority });
            }}
          />
          <Select
            testId={id('taskType')}
            name={id('taskType')}
            label={t('settings.playbooks.step.taskType')}
            options={taskTypes.map((type) => ({
              label: t(`settings.playbooks.taskType.${type}`),
              value: type,
            }))}
            value={step.taskType}
            readOnly={!editable}
            onChange={(picked) => {
              const taskType = taskTypes.find((value) => value === picked);
              if (taskType !== undefined) props.onChange({ taskType });
            }}
          />
        </Flex>
        <Select
          testId={id('owner')}
          name={id('owner')}
          label={t('settings.playbooks.step.owner')}
          description={t('settings.playbooks.step.ownerHelp')}
          options={(['company_owner', 'cs_lead', 'owner'] as const).map((kind) => ({
            label: t(`settings.playbooks.owner.${kind}`),
            value: kind,
          }))}
          value={step.owner.kind}
          readOnly={!editable}
          onChange={(picked) => {
            props.onChange({ owner: ownerFrom(String(picked), step.owner) });
          }}
        />
        {step.owner.kind === 'owner' && (
          <Input
            testId={id('owner.ownerId')}
            name={id('owner.ownerId')}
            label={t('settings.playbooks.step.ownerId')}
            description={t('settings.signals.ownerIdHelp')}
            value={step.owner.ownerId}
            readOnly={!editable}
            {...fieldError(errors, id('owner.ownerId'), t)}
            onChange={(ownerId) => {
              props.onChange({ owner: { kind: 'owner', ownerId: ownerId.trim() } });
            }}
          />
        )}
        {editable && (
          <Flex direction="row" gap="xs">
            <Button
              testId={id('up')}
              size="extra-small"
              disabled={index === 0}
              onClick={() => {
                props.onMove(-1);
              }}
            >
              {t('settings.playbooks.step.up')}
            </Button>
            <Button
              testId={id('down')}
              size="extra-small"
              disabled={index === count - 1}
              onClick={() => {
                props.onMove(1);
              }}
            >
              {t('settings.playbooks.step.down')}
            </Button>
            <Button
              testId={id('remove')}
              size="extra-small"
              variant="destructive"
              disabled={count === 1}
              onClick={props.onRemove}
            >
              {t('settings.playbooks.step.remove')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Tile>
  );
}
