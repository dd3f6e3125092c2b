import { formatDate } from '@harbor/i18n';
import { HarborApiError } from '@harbor/ui';
import type { SignalCommandWire, SignalWire } from '@harbor/wire';
import { Alert, Flex, List, LoadingButton, Tag, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';

import type { TextTools } from './company-text.ts';
import { startPlaybookLabel } from './playbook-text.ts';
import { snoozeUntil } from './signal-commands-api.ts';
import { SignalReasonForm, type ReasonCommand } from './SignalReasonForm.tsx';
import {
  evidenceLine,
  signalActionLabel,
  signalSummary,
  signalTagVariant,
  signalTiming,
  signalTypeLabel,
} from './signal-text.ts';

/** Sends a command about a signal; rejects with the service's refusal, which the tile shows. */
export type SignalCommandRunner = (signal: SignalWire, command: SignalCommandWire) => Promise<void>;

type DirectCommand = 'acknowledge' | 'start_action' | 'confirm_recovery';
type CommandKind = SignalCommandWire['kind'];

/** The buttons a status allows (the service refuses the rest with CONFLICT; the card does not offer them). */
function commandsFor(status: SignalWire['status']): CommandKind[] {
  switch (status) {
    case 'open':
      return ['acknowledge', 'start_action', 'snooze', 'resolve', 'dismiss'];
    case 'acknowledged':
      return ['start_action', 'snooze', 'resolve', 'dismiss'];
    case 'in_progress':
      return ['resolve', 'dismiss'];
    case 'recovered':
      return ['confirm_recovery', 'start_action'];
    default:
      return [];
  }
}

const asksReason = (kind: CommandKind): kind is ReasonCommand =>
  kind === 'snooze' || kind === 'resolve' || kind === 'dismiss';

function withReason(kind: ReasonCommand, reason: string): SignalCommandWire {
  const optional = reason === '' ? {} : { reason };
  return kind === 'snooze' ? { kind, until: snoozeUntil(new Date()), ...optional } : { kind, ...optional };
}

/** One active signal: what it is, where it stands, its evidence and defined action, and what to do about it. */
export function SignalTile({
  signal,
  now,
  currency,
  onCommand,
  tools,
}: {
  signal: SignalWire;
  now: Date;
  currency: string | null;
  onCommand: SignalCommandRunner;
  tools: TextTools;
}) {
  const { t } = tools;
  const { id } = signal;
  const [form, setForm] = useState<ReasonCommand | null>(null);
  const [sending, setSending] = useState<CommandKind | null>(null);
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);

  const send = (command: SignalCommandWire) => {
    setSending(command.kind);
    setRefusal(null);
    onCommand(signal, command).then(
      () => {
        setSending(null);
        setForm(null);
      },
      (error: unknown) => {
        setSending(null);
        setRefusal(
          error instanceof HarborApiError
            ? { code: error.code, message: error.message }
            : { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) },
        );
      },
    );
  };
  const click = (kind: CommandKind) => {
    if (asksReason(kind)) {
      setRefusal(null);
      setForm(kind);
    } else send({ kind } satisfies { kind: DirectCommand });
  };

  return (
    <Tile compact testId={`signal-${id}`}>
      <Flex direction="column" gap="xs">
        <Flex direction="row" gap="xs" align="center" wrap="wrap">
          <Tag variant={signalTagVariant(signal)} testId={`signal-type-${id}`}>
            {signalTypeLabel(signal, tools)}
          </Tag>
          {signal.escalatedAt !== null && <Tag variant="error">{t('signal.escalated')}</Tag>}
          <Text variant="microcopy" testId={`signal-summary-${id}`}>
            {signalSummary(signal, tools)}
          </Text>
        </Flex>
        <Text format={{ fontWeight: 'demibold' }} testId={`signal-timing-${id}`}>
          {signalTiming(signal, now, tools)}
        </Text>
        {signal.escalatedAt !== null && (
          <Text variant="microcopy">
            {t('signal.escalatedOn', { date: formatDate(signal.escalatedAt, tools.format) })}
          </Text>
        )}
        {signal.status === 'recovered' && <Text variant="microcopy">{t('signal.recoveredHint')}</Text>}
        <List variant="unordered-styled">
          {signal.evidence.map((item) => (
            <Text key={item.key} variant="microcopy" testId={`signal-evidence-${id}-${item.key}`}>
              {evidenceLine(item, currency, tools)}
            </Text>
          ))}
        </List>
        <Text variant="microcopy" testId={`signal-action-${id}`}>
          {t('signal.action.defined', { action: signalActionLabel(signal.action, tools) })}
        </Text>
        {form === null ? (
          <Flex direction="row" gap="xs" wrap="wrap">
            {commandsFor(signal.status).map((kind) => (
              <LoadingButton
                key={kind}
                size="sm"
                loading={sending === kind}
                variant={kind === 'acknowledge' || kind === 'confirm_recovery' ? 'primary' : 'secondary'}
                onClick={() => {
                  click(kind);
                }}
                testId={`signal-${kind}-${id}`}
              >
                {kind === 'start_action' && signal.action.kind === 'playbook'
                  ? startPlaybookLabel(signal.action.playbook, tools)
                  : t(`signal.command.${kind}`)}
              </LoadingButton>
            ))}
          </Flex>
        ) : (
          <SignalReasonForm
            signalId={id}
            command={form}
            isSending={sending === form}
            onSubmit={(reason) => {
              send(withReason(form, reason));
            }}
            onCancel={() => {
              setForm(null);
              setRefusal(null);
            }}
            tools={tools}
          />
        )}
        {refusal !== null && (
          <Alert
            variant="error"
            title={t('signal.refused', { code: refusal.code })}
            testId={`signal-refusal-${id}`}
          >
            {refusal.message}
          </Alert>
        )}
      </Flex>
    </Tile>
  );
}
