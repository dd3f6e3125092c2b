import { automationTriggers, playbookTypes, weekdays } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { Flex, NumberInput, Select, Text, Tile, Toggle } from '@hubspot/ui-extensions';

import {
  actionFromValue,
  actionValue,
  setTrigger,
  setWeeklyReview,
  type ActionDraft,
} from './action-settings-draft.ts';
import { fieldError } from './field-error.ts';
import type { FieldErrors } from './model-draft.ts';
import { toggleTexts } from './toggle-texts.ts';

export interface AutomationsTabProps {
  draft: ActionDraft;
  /** The portal's IANA time zone: the weekly review's hour is in it. */
  timeZone: string;
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (draft: ActionDraft) => ActionDraft) => void;
  t: Translate;
}

/**
 * What Harbor does by itself when a signal fires — start a playbook, create a task, or only open the
 * signal — per trigger, and when the weekly review goes out.
 */
export function AutomationsTab({ draft, timeZone, editable, errors, onEdit, t }: AutomationsTabProps) {
  const { automations } = draft;
  const actionOptions = [
    { label: t('settings.automations.action.open_signal'), value: 'open_signal' },
    { label: t('settings.automations.action.create_task'), value: 'create_task' },
    ...playbookTypes.map((type) => ({
      label: t('settings.automations.action.playbook', { playbook: t(`signal.playbook.${type}`) }),
      value: `playbook:${type}`,
    })),
  ];
  const review = automations.weeklyReview;
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.automations.help')}</Text>
      {automationTriggers.map((trigger) => {
        const automation = automations.triggers[trigger];
        const path = `automations.triggers.${trigger}`;
        return (
          <Tile key={trigger} compact testId={`automation-${trigger}`}>
            <Flex direction="column" gap="xs">
              <Text format={{ fontWeight: 'bold' }}>{t(`signal.type.${trigger}`)}</Text>
              <Text variant="microcopy">{t(`settings.automations.trigger.${trigger}`)}</Text>
              <Toggle
                testId={`${path}.enabled`}
                name={`${path}.enabled`}
                label={t('settings.automations.enabled')}
                labelDisplay="inline"
                {...toggleTexts(t)}
                checked={automation.enabled}
                readOnly={!editable}
                onChange={(enabled) => {
                  onEdit((current) => setTrigger(current, trigger, { enabled }));
                }}
              />
              <Select
                testId={`${path}.action`}
                name={`${path}.action`}
                label={t('settings.automations.actionLabel')}
                options={actionOptions}
                value={actionValue(automation.action)}
                readOnly={!editable}
                {...fieldError(errors, `${path}.action`, t)}
                onChange={(picked) => {
                  onEdit((current) =>
                    setTrigger(current, trigger, { action: actionFromValue(String(picked)) }),
                  );
                }}
              />
            </Flex>
          </Tile>
        );
      })}
      <Tile compact testId="automation-weekly-review">
        <Flex direction="column" gap="xs">
          <Text format={{ fontWeight: 'bold' }}>{t('settings.automations.review.title')}</Text>
          <Text variant="microcopy">{t('settings.automations.review.help')}</Text>
          <Toggle
            testId="automations.weeklyReview.enabled"
            name="automations.weeklyReview.enabled"
            label={t('settings.automations.review.enabled')}
            labelDisplay="inline"
            {...toggleTexts(t)}
            checked={review.enabled}
            readOnly={!editable}
            onChange={(enabled) => {
              onEdit((current) => setWeeklyReview(current, { enabled }));
            }}
          />
          <Flex direction="row" gap="sm">
            <Select
              testId="automations.weeklyReview.weekday"
              name="automations.weeklyReview.weekday"
              label={t('settings.automations.review.weekday')}
              options={weekdays.map((day) => ({
                label: t(`settings.automations.weekday.${day}`),
                value: day,
              }))}
              value={review.weekday}
              readOnly={!editable}
              onChange={(picked) => {
                const weekday = weekdays.find((day) => day === picked);
                if (weekday !== undefined) onEdit((current) => setWeeklyReview(current, { weekday }));
              }}
            />
            <NumberInput
              testId="automations.weeklyReview.hour"
              name="automations.weeklyReview.hour"
              label={t('settings.automations.review.hour')}
              description={t('settings.automations.review.hourHelp', { timeZone })}
              value={review.hour}
              precision={0}
              readOnly={!editable}
              {...fieldError(errors, 'automations.weeklyReview.hour', t)}
              onChange={(hour) => {
                onEdit((current) => setWeeklyReview(current, { hour }));
              }}
            />
          </Flex>
        </Flex>
      </Tile>
    </Flex>
  );
}
