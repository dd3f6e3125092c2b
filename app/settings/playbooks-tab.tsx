import { maxPlaybookSteps, playbookTypes, type PlaybookTemplate, type PlaybookType } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Alert, Button, Divider, Flex, NumberInput, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { useState } from 'react';

import {
  addStep,
  editTemplate,
  effectiveTemplate,
  moveStep,
  removeStep,
  resetTemplate,
  templatePath,
  templatesWithErrors,
  updateStep,
  type ActionDraft,
} from './action-settings-draft.ts';
import { fieldError } from './field-error.ts';
import type { FieldErrors } from './model-draft.ts';
import { toggleTexts } from './toggle-texts.ts';
import { PlaybookStepEditor } from './playbook-step-editor.tsx';

export interface PlaybooksTabProps {
  draft: ActionDraft;
  /** Harbor's shipped playbooks in the portal's task language (as saved). */
  shipped: Readonly<Record<PlaybookType, PlaybookTemplate>>;
  /** That language, by name. */
  shippedLanguage: string;
  /** The health model's segments. */
  segments: readonly string[];
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (draft: ActionDraft) => ActionDraft) => void;
  t: Translate;
}

/**
 * The playbooks' steps, for every segment or one: the template in force is shown (the segment's own, else
 * the account's, else Harbor's default), and the first edit copies it to the level being edited.
 */
export function PlaybooksTab({
  draft,
  shipped,
  shippedLanguage,
  segments,
  editable,
  errors,
  onEdit,
  t,
}: PlaybooksTabProps) {
  const [type, setType] = useState<PlaybookType>('onboarding');
  const [segment, setSegment] = useState<string | null>(null);
  const { template, source } = effectiveTemplate(draft, shipped, type, segment);
  const base = templatePath(type, segment);
  const own = segment === null ? source === 'portal' : source === 'segment';
  const edit = (update: (template: PlaybookTemplate) => PlaybookTemplate) => {
    onEdit((current) => editTemplate(current, shipped, type, segment, update));
  };
  const broken = templatesWithErrors(errors);
  const where = (at: string | null) =>
    at === null ? t('settings.playbooks.allSegments') : t('settings.playbooks.segment', { segment: at });
  const stepsError = errors[`${base}.steps`];
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.playbooks.help')}</Text>
      {broken.length > 0 && (
        <Alert title={t('settings.playbooks.errorsTitle')} variant="error" testId="playbook-errors">
          {broken.map((at) => `${t(`signal.playbook.${at.type}`)} (${where(at.segment)})`).join(', ')}
        </Alert>
      )}
      <Flex direction="row" gap="sm" wrap="wrap">
        <Select
          testId="playbook-type"
          name="playbook-type"
          label={t('settings.playbooks.type')}
          options={playbookTypes.map((value) => ({ label: t(`signal.playbook.${value}`), value }))}
          value={type}
          onChange={(picked) => {
            const chosen = playbookTypes.find((value) => value === picked);
            if (chosen !== undefined) setType(chosen);
          }}
        />
        <Select
          testId="playbook-segment"
          name="playbook-segment"
          label={t('settings.playbooks.segmentLabel')}
          description={t('settings.playbooks.segmentHelp')}
          // 0 stands for every segment: a segment's name is text, so it can never be 0.
          options={[
            { label: t('settings.playbooks.allSegments'), value: 0 },
            ...[...new Set([...segments, ...Object.keys(draft.playbooks.segments)])].map((name) => ({
              label: name,
              value: name,
            })),
          ]}
          value={segment ?? 0}
          onChange={(picked) => {
            setSegment(typeof picked === 'string' ? picked : null);
          }}
        />
      </Flex>
      <Text testId="playbook-source">
        {source === 'segment'
          ? t('settings.playbooks.source.segment', { segment: segment ?? '' })
          : source === 'portal'
            ? t('settings.playbooks.source.portal')
            : t('settings.playbooks.source.default', { language: shippedLanguage })}
      </Text>
      {editable && !own && (
        <Text variant="microcopy">
          {segment === null
            ? t('settings.playbooks.copyHint.portal')
            : t('settings.playbooks.copyHint.segment', { segment })}
        </Text>
      )}
      <Toggle
        testId={`${base}.enabled`}
        name={`${base}.enabled`}
        label={t('settings.playbooks.enabled')}
        labelDisplay="inline"
        {...toggleTexts(t)}
        checked={template.enabled}
        readOnly={!editable}
        onChange={(enabled) => {
          edit((current) => ({ ...current, enabled }));
        }}
      />
      {!template.enabled && <Text variant="microcopy">{t('settings.playbooks.offHelp')}</Text>}
      {template.steps.map((step, index) => (
        <PlaybookStepEditor
          // Steps have no ids; the index is their identity while they are edited.
          key={index}
          step={step}
          index={index}
          count={template.steps.length}
          path={`${base}.steps.${index}`}
          editable={editable}
          errors={errors}
          onChange={(change) => {
            edit((current) => updateStep(current, index, change));
          }}
          onMove={(by) => {
            edit((current) => moveStep(current, index, by));
          }}
          onRemove={() => {
            edit((current) => removeStep(current, index));
          }}
          t={t}
        />
      ))}
      {stepsError !== undefined && <Text>{t(stepsError.key, stepsError.params)}</Text>}
      {editable && (
        <Flex direction="row" gap="sm">
          <Button
            testId="playbook-add-step"
            size="small"
            disabled={template.steps.length >= maxPlaybookSteps}
            onClick={() => {
              edit((current) => addStep(current, t('settings.playbooks.step.new')));
            }}
          >
            {t('settings.playbooks.addStep')}
          </Button>
          <Button
            testId="playbook-reset"
            size="small"
            disabled={!own}
            onClick={() => {
              onEdit((current) => resetTemplate(current, type, segment));
            }}
          >
            {segment === null ? t('settings.playbooks.resetPortal') : t('settings.playbooks.resetSegment')}
          </Button>
        </Flex>
      )}
      <Divider />
      <NumberInput
        testId="playbooks.maxOpenTasksPerOwnerPerDay"
        name="playbooks.maxOpenTasksPerOwnerPerDay"
        label={t('settings.playbooks.cap')}
        description={t('settings.playbooks.capHelp')}
        value={draft.playbooks.maxOpenTasksPerOwnerPerDay}
        precision={0}
        readOnly={!editable}
        {...fieldError(errors, 'playbooks.maxOpenTasksPerOwnerPerDay', t)}
        onChange={(cap) => {
          onEdit((current) => ({
            ...current,
            playbooks: { ...current.playbooks, maxOpenTasksPerOwnerPerDay: cap },
          }));
        }}
      />
    </Flex>
  );
}
