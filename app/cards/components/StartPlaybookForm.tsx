import { playbookTypes, type PlaybookType } from '@harbor/wire';
import { Flex, LoadingButton, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';

import type { TextTools } from './company-text.ts';
import { refusalOf, type PlaybookActions, type Refusal } from './playbook-commands-api.ts';
import { playbookTitle } from './playbook-text.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

const isPlaybookType = (value: unknown): value is PlaybookType =>
  (playbookTypes as readonly unknown[]).includes(value);

/** Choose a playbook the company is not already running, and start it; a refusal shows below. */
export function StartPlaybookForm({
  running,
  onStart,
  tools,
}: {
  running: readonly PlaybookType[];
  onStart: PlaybookActions['start'];
  tools: TextTools;
}) {
  const { t } = tools;
  const [choice, setChoice] = useState<PlaybookType | null>(null);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const available = playbookTypes.filter((type) => !running.includes(type));
  if (available.length === 0) return <Text variant="microcopy">{t('playbook.startForm.allRunning')}</Text>;

  const start = () => {
    if (choice === null) return;
    setSending(true);
    setRefusal(null);
    onStart(choice).then(
      () => {
        setSending(false);
        setChoice(null);
      },
      (error: unknown) => {
        setSending(false);
        setRefusal(refusalOf(error, tools));
      },
    );
  };

  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="xs" align="end" wrap="wrap">
        <Select
          label={t('playbook.startForm.label')}
          name="start-playbook"
          placeholder={t('playbook.startForm.placeholder')}
          {...(choice === null ? {} : { value: choice })}
          options={available.map((type) => ({ value: type, label: playbookTitle(type, tools) }))}
          onChange={(value) => {
            setChoice(isPlaybookType(value) ? value : null);
          }}
          testId="start-playbook-type"
        />
        <LoadingButton
          size="sm"
          loading={sending}
          disabled={choice === null}
          onClick={start}
          testId="start-playbook"
        >
          {t('playbook.startForm.submit')}
        </LoadingButton>
      </Flex>
      <Text variant="microcopy">{t('playbook.startForm.hint')}</Text>
      {refusal !== null && <RefusalAlert refusal={refusal} testId="start-playbook-refusal" />}
    </Flex>
  );
}
