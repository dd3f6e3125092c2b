import type { Translate } from '@harbor/i18n';
import { Alert, Button, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';

import { actionTabOf } from './action-settings-draft.ts';
import type { ActionSettings } from './use-action-settings.ts';

export interface ActionSaveBarProps {
  /** The tab it sits on: its buttons' test ids end with it (`save-actions-signals`). */
  tab: 'signals' | 'automations' | 'playbooks';
  actions: ActionSettings;
  editable: boolean;
  t: Translate;
}

/**
 * Save and discard for the Signals, Automations and Playbooks tabs: one draft for the three, so the bar is
 * the same on each of them, and a save never touches the health model (it has its own bar above the tabs).
 */
export function ActionSaveBar({ tab, actions, editable, t }: ActionSaveBarProps) {
  if (!editable) return null;
  const { dirty, save, errors } = actions;
  const errorTabs = [...new Set(Object.keys(errors).map(actionTabOf))].map((tab) => t(`settings.tab.${tab}`));
  return (
    <Flex direction="column" gap="sm">
      {errorTabs.length > 0 && (
        <Alert title={t('settings.save.invalidTitle')} variant="error" testId={`actions-invalid-${tab}`}>
          {t('settings.save.invalidBody', { tabs: errorTabs.join(', ') })}
        </Alert>
      )}
      {save.state === 'failed' && (
        <Alert title={t('settings.actions.save.failedTitle')} variant="error">
          {t('settings.save.failedBody', { code: save.code })}
        </Alert>
      )}
      {save.state === 'done' && !dirty && (
        <Alert
          title={t('settings.save.doneTitle', { version: save.result.version })}
          variant="success"
          testId={`actions-saved-${tab}`}
        >
          <Text>{t('settings.actions.save.doneBody')}</Text>
        </Alert>
      )}
      {dirty && <Text variant="microcopy">{t('settings.actions.save.unsaved')}</Text>}
      <Flex direction="row" gap="sm">
        <LoadingButton
          testId={`save-actions-${tab}`}
          variant="primary"
          loading={save.state === 'busy'}
          disabled={!dirty}
          onClick={actions.onSave}
        >
          {t('settings.actions.save.button')}
        </LoadingButton>
        <Button
          testId={`discard-actions-${tab}`}
          disabled={!dirty || save.state === 'busy'}
          onClick={actions.onDiscard}
        >
          {t('settings.save.discard')}
        </Button>
      </Flex>
    </Flex>
  );
}
