import { signalReasonMaxLength } from '@harbor/wire';
import { Button, Flex, LoadingButton, TextArea } from '@hubspot/ui-extensions';
import { useState } from 'react';

import type { TextTools } from './company-text.ts';

/** The commands that ask why: a risk may not be snoozed, resolved or dismissed without a reason. */
export type ReasonCommand = 'snooze' | 'resolve' | 'dismiss';

/**
 * The small inline form a reason is written in. It stays open until the service accepts the command, so a
 * refusal (a risk without a reason) is read next to the text it is about.
 */
export function SignalReasonForm({
  signalId,
  command,
  isSending,
  onSubmit,
  onCancel,
  tools,
}: {
  signalId: number;
  command: ReasonCommand;
  isSending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  tools: TextTools;
}) {
  const { t } = tools;
  const [reason, setReason] = useState('');
  return (
    <Flex direction="column" gap="xs">
      <TextArea
        label={t(`signal.form.${command}`)}
        name={`signal-${signalId}-${command}-reason`}
        description={t('signal.form.hint')}
        value={reason}
        onChange={setReason}
        onInput={setReason}
        maxLength={signalReasonMaxLength}
        rows={2}
        testId={`signal-reason-${signalId}`}
      />
      <Flex direction="row" gap="xs">
        <LoadingButton
          loading={isSending}
          size="sm"
          variant={command === 'dismiss' ? 'destructive' : 'primary'}
          onClick={() => {
            onSubmit(reason.trim());
          }}
          testId={`signal-submit-${signalId}`}
        >
          {t(`signal.command.${command}`)}
        </LoadingButton>
        <Button size="sm" variant="transparent" onClick={onCancel} testId={`signal-cancel-${signalId}`}>
          {t('signal.form.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}
