import { formatDate } from '@harbor/i18n';
import type { PlaybookCommandWire, PlaybookRunWire, PlaybookStepWire } from '@harbor/wire';
import { Flex, Link, List, LoadingButton, ProgressBar, Tag, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';

import type { TextTools } from './company-text.ts';
import { refusalOf, type PlaybookActions, type Refusal } from './playbook-commands-api.ts';
import { PlaybookCommandForm, type PlaybookFormCommand } from './PlaybookCommandForm.tsx';
import {
  hubspotTaskUrl,
  isSnoozed,
  playbookTitle,
  progressText,
  stepMark,
  stepStateLine,
} from './playbook-text.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

function StepLine({
  runId,
  step,
  now,
  portalId,
  tools,
}: {
  runId: number;
  step: PlaybookStepWire;
  now: Date;
  portalId: number;
  tools: TextTools;
}) {
  const testId = `playbook-step-${runId}-${step.index}`;
  return (
    <Flex direction="column" gap="flush">
      <Text format={{ fontWeight: step.status === 'open' ? 'demibold' : 'regular' }} testId={testId}>
        {`${stepMark(step.status)} ${step.title}`}
      </Text>
      <Flex direction="row" gap="xs" wrap="wrap">
        <Text variant="microcopy" testId={`${testId}-state`}>
          {stepStateLine(step, now, tools)}
        </Text>
        {step.status === 'open' && step.hubspotTaskId !== null && (
          <Link
            href={{ url: hubspotTaskUrl(portalId, step.hubspotTaskId), external: true }}
            testId={`${testId}-task`}
          >
            {tools.t('playbook.step.taskLink')}
          </Link>
        )}
      </Flex>
    </Flex>
  );
}

/** One running playbook: how far it is, each step's state, and snooze, resume or cancel. */
export function PlaybookRunTile({
  run,
  now,
  portalId,
  onCommand,
  tools,
}: {
  run: PlaybookRunWire;
  now: Date;
  portalId: number;
  onCommand: PlaybookActions['command'];
  tools: TextTools;
}) {
  const { t, format } = tools;
  const { id } = run;
  const snoozed = isSnoozed(run, now);
  const [form, setForm] = useState<PlaybookFormCommand | null>(null);
  const [sending, setSending] = useState<PlaybookCommandWire['kind'] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const send = (command: PlaybookCommandWire) => {
    setSending(command.kind);
    setRefusal(null);
    onCommand(run, command).then(
      () => {
        setSending(null);
        setForm(null);
      },
      (error: unknown) => {
        setSending(null);
        setRefusal(refusalOf(error, tools));
      },
    );
  };
  const open = (command: PlaybookFormCommand) => {
    setRefusal(null);
    setForm(command);
  };
  const progress = progressText(run, tools);
  const started = formatDate(run.startedAt, format);

  return (
    <Tile compact testId={`playbook-${id}`}>
      <Flex direction="column" gap="xs">
        <Flex direction="row" gap="xs" align="center" wrap="wrap">
          <Text format={{ fontWeight: 'bold' }} testId={`playbook-title-${id}`}>
            {playbookTitle(run.playbook, tools)}
          </Text>
          <Tag variant={snoozed ? 'warning' : 'info'} testId={`playbook-status-${id}`}>
            {t(snoozed ? 'playbook.status.snoozed' : 'playbook.status.running')}
          </Tag>
        </Flex>
        <Text variant="microcopy">
          {run.signalId === null
            ? t('playbook.startedOn', { date: started })
            : t('playbook.startedBySignal', { date: started })}
        </Text>
        <ProgressBar
          value={run.completedSteps}
          maxValue={Math.max(run.steps.length, 1)}
          valueDescription={progress}
          aria-label={progress}
          variant={snoozed ? 'warning' : 'success'}
          testId={`playbook-progress-${id}`}
        />
        {snoozed && run.snoozedUntil !== null && (
          <Text variant="microcopy" testId={`playbook-snoozed-${id}`}>
            {t('playbook.snoozedUntil', { date: formatDate(run.snoozedUntil, format) })}
          </Text>
        )}
        <List variant="unordered">
          {run.steps.map((step) => (
            <StepLine key={step.index} runId={id} step={step} now={now} portalId={portalId} tools={tools} />
          ))}
        </List>
        {form === null ? (
          <Flex direction="row" gap="xs" wrap="wrap">
            {snoozed ? (
              <LoadingButton
                size="sm"
                loading={sending === 'resume'}
                onClick={() => {
                  send({ kind: 'resume' });
                }}
                testId={`playbook-resume-${id}`}
              >
                {t('playbook.command.resume')}
              </LoadingButton>
            ) : (
              <LoadingButton
                size="sm"
                variant="secondary"
                onClick={() => {
                  open('snooze');
                }}
                testId={`playbook-snooze-${id}`}
              >
                {t('playbook.command.snooze')}
              </LoadingButton>
            )}
            <LoadingButton
              size="sm"
              variant="secondary"
              onClick={() => {
                open('cancel');
              }}
              testId={`playbook-cancel-${id}`}
            >
              {t('playbook.command.cancel')}
            </LoadingButton>
          </Flex>
        ) : (
          <PlaybookCommandForm
            runId={id}
            command={form}
            now={now}
            isSending={sending === form}
            onSubmit={send}
            onBack={() => {
              setForm(null);
              setRefusal(null);
            }}
            tools={tools}
          />
        )}
        {refusal !== null && <RefusalAlert refusal={refusal} testId={`playbook-refusal-${id}`} />}
      </Flex>
    </Tile>
  );
}
