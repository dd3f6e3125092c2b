import { signalReasonMaxLength, type PlaybookCommandWire } from '@harbor/wire';
import { Button, DateInput, Flex, LoadingButton, TextArea } from '@hubspot/ui-extensions';
import { useState } from 'react';

import type { TextTools } from './company-text.ts';
import {
  dayAfter,
  isSnoozeDayAllowed,
  maxSnoozeDays,
  startOfDay,
  type CalendarDay,
} from './playbook-text.ts';

/** The commands on a run that ask something first: until when, or why it stops. */
export type PlaybookFormCommand = 'snooze' | 'cancel';

/** The card's default snooze: a customer's week off. */
const defaultSnoozeDays = 7;

/**
 * The inline form of a snooze (a day within 30 days, an optional reason) or a cancel (a reason, required).
 * It refuses a cancel without a reason itself, so no request goes out that the service would refuse too.
 */
export function PlaybookCommandForm({
  runId,
  command,
  now,
  isSending,
  onSubmit,
  onBack,
  tools,
}: {
  runId: number;
  command: PlaybookFormCommand;
  now: Date;
  isSending: boolean;
  onSubmit: (command: PlaybookCommandWire) => void;
  onBack: () => void;
  tools: TextTools;
}) {
  const { t, format } = tools;
  const zone = format.timeZone;
  const [reason, setReason] = useState('');
  const [day, setDay] = useState<CalendarDay>(() => dayAfter(now, defaultSnoozeDays, zone));
  const [tried, setTried] = useState(false);

  const trimmed = reason.trim();
  const dayAllowed = isSnoozeDayAllowed(day, now, zone);
  const missingReason = command === 'cancel' && trimmed === '';
  const submit = () => {
    setTried(true);
    if (command === 'cancel') {
      if (!missingReason) onSubmit({ kind: 'cancel', reason: trimmed });
    } else if (dayAllowed) {
      onSubmit({
        kind: 'snooze',
        until: startOfDay(day, zone),
        ...(trimmed === '' ? {} : { reason: trimmed }),
      });
    }
  };

  return (
    <Flex direction="column" gap="xs">
      {command === 'snooze' && (
        <DateInput
          label={t('playbook.form.until')}
          name={`playbook-${runId}-until`}
          description={t('playbook.form.untilHint')}
          timezone="portalTz"
          value={day}
          min={dayAfter(now, 1, zone)}
          max={dayAfter(now, maxSnoozeDays, zone)}
          onChange={(value) => {
            setDay({ year: value.year, month: value.month, date: value.date });
          }}
          error={tried && !dayAllowed}
          {...(tried && !dayAllowed ? { validationMessage: t('playbook.form.untilInvalid') } : {})}
          testId={`playbook-until-${runId}`}
        />
      )}
      <TextArea
        label={t(command === 'cancel' ? 'playbook.form.cancelReason' : 'playbook.form.snoozeReason')}
        name={`playbook-${runId}-${command}-reason`}
        {...(command === 'cancel' ? { description: t('playbook.form.cancelReasonHint') } : {})}
        required={command === 'cancel'}
        value={reason}
        onChange={setReason}
        onInput={setReason}
        maxLength={signalReasonMaxLength}
        rows={2}
        error={tried && missingReason}
        {...(tried && missingReason ? { validationMessage: t('playbook.form.reasonRequired') } : {})}
        testId={`playbook-reason-${runId}`}
      />
      <Flex direction="row" gap="xs">
        <LoadingButton
          loading={isSending}
          size="sm"
          variant={command === 'cancel' ? 'destructive' : 'primary'}
          onClick={submit}
          testId={`playbook-submit-${runId}`}
        >
          {t(command === 'cancel' ? 'playbook.form.confirmCancel' : 'playbook.form.confirmSnooze')}
        </LoadingButton>
        <Button size="sm" variant="transparent" onClick={onBack} testId={`playbook-back-${runId}`}>
          {t('playbook.form.back')}
        </Button>
      </Flex>
    </Flex>
  );
}
