import type { SettingsPropertyWire, SignalSettings, TaskLanguage } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Accordion, Flex, Input, NumberInput, Select, Text } from '@hubspot/ui-extensions';

import { setSignals, signalRules, type ActionDraft } from './action-settings-draft.ts';
import { fieldError } from './field-error.ts';
import type { FieldErrors } from './model-draft.ts';
import { SegmentThresholdsEditor } from './segment-thresholds-editor.tsx';
import { SignalRuleEditor } from './signal-rule-editor.tsx';
import { TextListEditor } from './text-list-editor.tsx';

export interface SignalsTabProps {
  draft: ActionDraft;
  /** The health model's segments. */
  segments: readonly string[];
  properties: readonly SettingsPropertyWire[];
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (draft: ActionDraft) => ActionDraft) => void;
  t: Translate;
}

const severities = ['critical', 'high', 'medium', 'low'] as const;

/** A task language by its own name, as people look for it in a list. */
export const taskLanguageName = (language: TaskLanguage): string =>
  language === 'pt-BR' ? 'Português (Brasil)' : 'English';

/**
 * The signal rules: each on or off with its thresholds, a segment's own thresholds, who counts as an
 * executive, how long an owner has to act, the renewal window, and who gets what nobody owns.
 */
export function SignalsTab({ draft, segments, properties, editable, errors, onEdit, t }: SignalsTabProps) {
  const { signals } = draft;
  const change = (part: Partial<SignalSettings>) => {
    onEdit((current) => setSignals(current, part));
  };
  const ownerInput = (field: 'ownerFallbackId' | 'escalationOwnerId') => {
    const path = `signals.routing.${field}`;
    return (
      <Input
        testId={path}
        name={path}
        label={t(`settings.signals.routing.${field}`)}
        description={t(`settings.signals.routing.${field}.help`)}
        placeholder={t('settings.signals.routing.nobody')}
        value={signals.routing[field] ?? ''}
        readOnly={!editable}
        {...fieldError(errors, path, t)}
        onChange={(typed) => {
          const id = typed.trim();
          change({ routing: { ...signals.routing, [field]: id === '' ? null : id } });
        }}
      />
    );
  };
  const propertySelect = (field: 'renewalDate' | 'contractValue') => {
    const path = `signals.properties.${field}`;
    const current = signals.properties[field];
    const options = [
      { label: t('settings.signals.properties.none'), value: '' },
      ...properties.map((property) => ({
        label: property.label === property.name ? property.name : `${property.label} (${property.name})`,
        value: property.name,
      })),
    ];
    if (current !== null && !options.some((option) => option.value === current))
      options.push({ label: current, value: current });
    return (
      <Select
        testId={path}
        name={path}
        label={t(`settings.signals.properties.${field}`)}
        description={t(`settings.signals.properties.${field}.help`)}
        options={options}
        value={current ?? ''}
        readOnly={!editable}
        {...fieldError(errors, path, t)}
        onChange={(picked) => {
          const name = String(picked);
          change({ properties: { ...signals.properties, [field]: name === '' ? null : name } });
        }}
      />
    );
  };
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.signals.help')}</Text>
      <Text format={{ fontWeight: 'bold' }}>{t('settings.signals.rules')}</Text>
      {signalRules.map((rule) => (
        <Accordion
          key={rule}
          testId={`signal-rule-${rule}`}
          defaultOpen={rule === signalRules[0]}
          title={t('settings.signals.ruleTitle', {
            rule: t(`signal.type.${rule}`),
            state: signals.defaults[rule].enabled ? t('settings.signals.on') : t('settings.signals.off'),
          })}
        >
          <SignalRuleEditor
            draft={draft}
            rule={rule}
            segments={segments}
            editable={editable}
            errors={errors}
            onEdit={onEdit}
            t={t}
          />
        </Accordion>
      ))}
      <Accordion testId="signal-segments" title={t('settings.signals.segments.section')}>
        <SegmentThresholdsEditor
          draft={draft}
          segments={segments}
          editable={editable}
          errors={errors}
          onEdit={onEdit}
          t={t}
        />
      </Accordion>
      <Accordion testId="signal-executives" title={t('settings.signals.executives.section')}>
        <Flex direction="column" gap="sm">
          <TextListEditor
            testId="signals.executiveTitles"
            label={t('settings.signals.executives.titles')}
            help={t('settings.signals.executives.titlesHelp')}
            values={signals.executiveTitles}
            editable={editable}
            errors={errors}
            path="signals.executiveTitles"
            onChange={(executiveTitles) => {
              change({ executiveTitles });
            }}
            t={t}
          />
          <Input
            testId="signals.executiveTicketProperty"
            name="signals.executiveTicketProperty"
            label={t('settings.signals.executives.ticketProperty')}
            description={t('settings.signals.executives.ticketPropertyHelp')}
            placeholder={t('settings.signals.properties.none')}
            value={signals.executiveTicketProperty ?? ''}
            readOnly={!editable}
            {...fieldError(errors, 'signals.executiveTicketProperty', t)}
            onChange={(typed) => {
              const name = typed.trim();
              change({ executiveTicketProperty: name === '' ? null : name });
            }}
          />
        </Flex>
      </Accordion>
      <Accordion testId="signal-due" title={t('settings.signals.due.section')}>
        <Flex direction="column" gap="sm">
          <Text variant="microcopy">{t('settings.signals.due.help')}</Text>
          {severities.map((severity) => (
            <NumberInput
              key={severity}
              testId={`signals.dueDays.${severity}`}
              name={`signals.dueDays.${severity}`}
              label={t('settings.signals.due.days', { severity: t(`signal.severity.${severity}`) })}
              value={signals.dueDays[severity]}
              precision={0}
              readOnly={!editable}
              {...fieldError(errors, `signals.dueDays.${severity}`, t)}
              onChange={(days) => {
                change({ dueDays: { ...signals.dueDays, [severity]: days } });
              }}
            />
          ))}
        </Flex>
      </Accordion>
      <Accordion testId="signal-renewal" title={t('settings.signals.renewal.section')}>
        <Flex direction="column" gap="sm">
          <Text variant="microcopy">{t('settings.signals.renewal.help')}</Text>
          {(['fromDays', 'toDays'] as const).map((field) => (
            <NumberInput
              key={field}
              testId={`signals.renewalWindow.${field}`}
              name={`signals.renewalWindow.${field}`}
              label={t(`settings.signals.renewal.${field}`)}
              value={signals.renewalWindow[field]}
              precision={0}
              readOnly={!editable}
              {...fieldError(errors, `signals.renewalWindow.${field}`, t)}
              onChange={(days) => {
                change({ renewalWindow: { ...signals.renewalWindow, [field]: days } });
              }}
            />
          ))}
          {propertySelect('renewalDate')}
          {propertySelect('contractValue')}
        </Flex>
      </Accordion>
      <Accordion testId="signal-routing" title={t('settings.signals.routing.section')}>
        <Flex direction="column" gap="sm">
          {ownerInput('ownerFallbackId')}
          {ownerInput('escalationOwnerId')}
          <Select
            testId="signals.routing.taskLanguage"
            name="signals.routing.taskLanguage"
            label={t('settings.signals.routing.taskLanguage')}
            description={t('settings.signals.routing.taskLanguage.help')}
            options={(['en', 'pt-BR'] as const).map((language) => ({
              label: taskLanguageName(language),
              value: language,
            }))}
            value={signals.routing.taskLanguage}
            readOnly={!editable}
            onChange={(picked) => {
              change({ routing: { ...signals.routing, taskLanguage: picked === 'pt-BR' ? 'pt-BR' : 'en' } });
            }}
          />
        </Flex>
      </Accordion>
    </Flex>
  );
}
