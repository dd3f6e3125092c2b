import type { HandoffRequestWire, HandoffsBlockWire } from '@harbor/wire';
import { Flex, Heading, LoadingButton, Select, Text, TextArea } from '@hubspot/ui-extensions';
import { useState } from 'react';

import type { TextTools } from './company-text.ts';
import type { HandoffActions } from './handoff-commands-api.ts';
import { handoffKindName } from './handoff-text.ts';
import { refusalOf, type Refusal } from './playbook-commands-api.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

const noteMax = 2_000;

/**
 * One of the card's two requests: the renewal to finance (naming an open deal) or an automation. The text
 * stays until the service accepts it, so a refusal is read next to what it is about.
 */
export function HandoffRequestForm({
  kind,
  companyId,
  block,
  actions,
  onDone,
  tools,
}: {
  kind: 'finance' | 'automation';
  companyId: string;
  block: HandoffsBlockWire;
  actions: HandoffActions;
  onDone: (handoff: Awaited<ReturnType<HandoffActions['request']>>) => void;
  tools: TextTools;
}) {
  const { t } = tools;
  const [note, setNote] = useState('');
  const [dealId, setDealId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const needsDeal = kind === 'finance';
  const ready = note.trim().length >= 3 && (!needsDeal || dealId !== null);

  const send = () => {
    const body: HandoffRequestWire =
      needsDeal && dealId !== null
        ? { kind, companyId, dealId, note: note.trim() }
        : { kind, companyId, note: note.trim() };
    setSending(true);
    setRefusal(null);
    actions.request(body).then(
      (handoff) => {
        setSending(false);
        setNote('');
        setDealId(null);
        onDone(handoff);
      },
      (error: unknown) => {
        setSending(false);
        setRefusal(refusalOf(error, tools));
      },
    );
  };

  if (needsDeal && block.openDeals.length === 0) {
    return (
      <Flex direction="column" gap="xs">
        <Heading>{t('handoff.finance.title')}</Heading>
        <Text testId="handoff-finance-no-deals">{t('handoff.finance.noDeals')}</Text>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="xs">
      <Heading>{t(`handoff.${kind}.title`)}</Heading>
      <Text variant="microcopy">{t(`handoff.${kind}.intro`)}</Text>
      {!block.routed[kind] && (
        <Text variant="microcopy" testId={`handoff-${kind}-unrouted`}>
          {t('handoff.form.unrouted', { kind: handoffKindName(kind, tools) })}
        </Text>
      )}
      {needsDeal && (
        <Select
          label={t('handoff.finance.deal')}
          name="handoff-finance-deal"
          placeholder={t('handoff.finance.dealPlaceholder')}
          {...(dealId === null ? {} : { value: dealId })}
          options={block.openDeals.map((deal) => {
            const name = deal.name ?? `#${deal.id}`;
            return {
              value: deal.id,
              label: deal.isRenewal ? t('handoff.finance.renewalTag', { name }) : name,
            };
          })}
          onChange={(value) => {
            setDealId(typeof value === 'string' && value !== '' ? value : null);
          }}
          testId="handoff-finance-deal"
        />
      )}
      <TextArea
        label={t(`handoff.${kind}.note`)}
        name={`handoff-${kind}-note`}
        description={t('handoff.form.noteHint')}
        value={note}
        onChange={setNote}
        onInput={setNote}
        maxLength={noteMax}
        rows={3}
        testId={`handoff-${kind}-note`}
      />
      <LoadingButton
        size="sm"
        loading={sending}
        disabled={!ready}
        onClick={send}
        testId={`handoff-${kind}-submit`}
      >
        {t(`handoff.${kind}.submit`)}
      </LoadingButton>
      {refusal !== null && <RefusalAlert refusal={refusal} testId={`handoff-${kind}-refusal`} />}
    </Flex>
  );
}
