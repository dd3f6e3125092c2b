import { formatDate } from '@harbor/i18n';
import type { HandoffKind, HandoffOutcome, HandoffWire } from '@harbor/wire';

import type { TextTools } from './company-text.ts';

/** How the card words hand-offs: pure, so the preview and the tests read what the card shows. */

export function handoffKindName(kind: HandoffKind, { t }: TextTools): string {
  return t(`handoff.kind.${kind}`);
}

export function routedToLine(handoff: HandoffWire, { t }: TextTools): string {
  const to = handoff.routedTo;
  if (to === null) return t('handoff.routedTo.none');
  if (to.kind === 'queue') return t('handoff.routedTo.queue', { queue: to.queueId });
  const name = to.ownerName ?? `#${to.ownerId}`;
  return to.kind === 'team'
    ? t('handoff.routedTo.team', { name, team: to.teamId })
    : t('handoff.routedTo.owner', { name });
}

export function handoffDateLine(handoff: HandoffWire, { t, format }: TextTools): string {
  return t('handoff.date', { date: formatDate(handoff.createdAt, format) });
}

export const outcomeTagVariant: Readonly<Record<HandoffOutcome, 'success' | 'warning' | 'error' | 'info'>> = {
  created: 'success',
  not_routed: 'warning',
  failed: 'error',
  pending: 'info',
};

/** The confirmation after a request, by what became of it. */
export function handoffDoneMessage(handoff: HandoffWire, tools: TextTools): string {
  return tools.t(`handoff.done.${handoff.outcome}`, { kind: handoffKindName(handoff.kind, tools) });
}
