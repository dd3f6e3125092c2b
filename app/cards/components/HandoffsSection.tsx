import type { HandoffsBlockWire, HandoffWire } from '@harbor/wire';
import { Divider, Flex, Heading, Link, Tag, Text, Tile } from '@hubspot/ui-extensions';

import type { TextTools } from './company-text.ts';
import type { HandoffActions } from './handoff-commands-api.ts';
import { handoffDateLine, handoffKindName, outcomeTagVariant, routedToLine } from './handoff-text.ts';
import { HandoffRequestForm } from './HandoffRequestForm.tsx';

function HandoffTile({ handoff, tools }: { handoff: HandoffWire; tools: TextTools }) {
  const { t } = tools;
  const id = handoff.id;
  return (
    <Tile compact={true} testId={`handoff-${id}`}>
      <Flex direction="column" gap="xs">
        <Flex direction="row" gap="xs" align="center" wrap="wrap">
          <Text format={{ fontWeight: 'demibold' }} testId={`handoff-title-${id}`}>
            {`${handoffKindName(handoff.kind, tools)} · ${t(`handoff.what.${handoff.kind}`)}`}
          </Text>
          <Tag variant={outcomeTagVariant[handoff.outcome]} testId={`handoff-outcome-${id}`}>
            {t(`handoff.outcome.${handoff.outcome}`)}
          </Tag>
        </Flex>
        <Text variant="microcopy" testId={`handoff-when-${id}`}>
          {`${handoffDateLine(handoff, tools)} · ${routedToLine(handoff, tools)}`}
        </Text>
        {handoff.note !== null && (
          <Text testId={`handoff-note-${id}`}>{t('handoff.note', { note: handoff.note })}</Text>
        )}
        {handoff.detail !== null && handoff.outcome !== 'created' && (
          <Text variant="microcopy" testId={`handoff-detail-${id}`}>
            {t('handoff.detail', { detail: handoff.detail })}
          </Text>
        )}
        {handoff.taskUrl !== null && (
          <Link href={{ url: handoff.taskUrl, external: true }} testId={`handoff-task-${id}`}>
            {t('handoff.taskLink')}
          </Link>
        )}
      </Flex>
    </Tile>
  );
}

/**
 * The company's hand-offs (newest first) with where each went, its outcome, its date and a link to its task,
 * then the two requests a CSM makes by hand: the renewal to finance and an automation.
 */
export function HandoffsSection({
  block,
  companyId,
  actions,
  onDone,
  tools,
}: {
  block: HandoffsBlockWire;
  companyId: string;
  actions: HandoffActions;
  onDone: (handoff: HandoffWire) => void;
  tools: TextTools;
}) {
  const { t } = tools;
  const anyUnrouted = block.handoffs.some((handoff) => handoff.outcome === 'not_routed');
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('handoff.section.title')}</Heading>
      <Text variant="microcopy">{t('handoff.section.intro')}</Text>
      {block.handoffs.length === 0 ? (
        <Text testId="handoffs-empty">{t('handoff.section.empty')}</Text>
      ) : (
        block.handoffs.map((handoff) => <HandoffTile key={handoff.id} handoff={handoff} tools={tools} />)
      )}
      {anyUnrouted && (
        <Text variant="microcopy" testId="handoffs-unrouted-hint">
          {t('handoff.notRoutedHint')}
        </Text>
      )}
      <Divider />
      <HandoffRequestForm
        kind="finance"
        companyId={companyId}
        block={block}
        actions={actions}
        onDone={onDone}
        tools={tools}
      />
      <Divider />
      <HandoffRequestForm
        kind="automation"
        companyId={companyId}
        block={block}
        actions={actions}
        onDone={onDone}
        tools={tools}
      />
    </Flex>
  );
}
