import type { Translate } from '@harbor/i18n';
import { Alert, Button, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';

import type { ActionState } from './action-state.ts';

export interface SaveBarProps {
  editable: boolean;
  dirty: boolean;
  /** The tabs holding fields with errors, by title; empty when the draft is valid. */
  errorTabs: readonly string[];
  save: ActionState<{ version: number }>;
  rescore: ActionState;
  onSave: () => void;
  onDiscard: () => void;
  onRescore: () => void;
  t: Translate;
}

/** Save and discard; after a save, the offer to rescore every company with the new model now. */
export function SaveBar({
  editable,
  dirty,
  errorTabs,
  save,
  rescore,
  onSave,
  onDiscard,
  onRescore,
  t,
}: SaveBarProps) {
  if (!editable) return null;
  return (
    <Flex direction="column" gap="sm">
      {errorTabs.length > 0 && (
        <Alert title={t('settings.save.invalidTitle')} variant="error">
          {t('settings.save.invalidBody', { tabs: errorTabs.join(', ') })}
        </Alert>
      )}
      {save.state === 'failed' && (
        <Alert title={t('settings.save.failedTitle')} variant="error">
          {t('settings.save.failedBody', { code: save.code })}
        </Alert>
      )}
      {save.state === 'done' && !dirty && (
        <Alert title={t('settings.save.doneTitle', { version: save.result.version })} variant="success">
          <Flex direction="column" gap="xs">
            <Text>{t('settings.save.doneBody')}</Text>
            {rescore.state === 'done' ? (
              <Text testId="rescore-started">{t('settings.rescore.started')}</Text>
            ) : (
              <LoadingButton
                testId="rescore-now"
                loading={rescore.state === 'busy'}
                onClick={onRescore}
                size="small"
              >
                {t('settings.rescore.now')}
              </LoadingButton>
            )}
            {rescore.state === 'failed' && (
              <Text>{t('settings.rescore.failed', { code: rescore.code })}</Text>
            )}
          </Flex>
        </Alert>
      )}
      <Flex direction="row" gap="sm">
        <LoadingButton
          testId="save-model"
          variant="primary"
          loading={save.state === 'busy'}
          disabled={!dirty}
          onClick={onSave}
        >
          {t('settings.save.button')}
        </LoadingButton>
        <Button testId="discard-model" disabled={!dirty || save.state === 'busy'} onClick={onDiscard}>
          {t('settings.save.discard')}
        </Button>
      </Flex>
    </Flex>
  );
}
