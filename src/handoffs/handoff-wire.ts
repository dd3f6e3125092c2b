import type { HandoffWire } from '@harbor/wire';

import type { HandoffRow } from '../store/repositories/handoffs-repository.ts';
import { taskUrl } from './handoff-task-text.pure.ts';

/** A stored hand-off as the card shows it: where it went (with the owner's name) and a link to its task. */
export function toHandoffWire(row: HandoffRow, ownerNames: ReadonlyMap<string, string>): HandoffWire {
  const ownerId = row.assignee !== null && 'ownerId' in row.assignee ? row.assignee.ownerId : null;
  const ownerName = ownerId === null ? null : (ownerNames.get(ownerId) ?? null);
  const destination = row.destination;
  let routedTo: HandoffWire['routedTo'] = null;
  if (row.assignee !== null && 'queueId' in row.assignee)
    routedTo = { kind: 'queue', queueId: row.assignee.queueId };
  else if (ownerId !== null && destination?.kind === 'team' && destination.teamId !== undefined)
    routedTo = { kind: 'team', teamId: destination.teamId, ownerId, ownerName };
  else if (ownerId !== null) routedTo = { kind: 'owner', ownerId, ownerName };
  return {
    id: row.id,
    kind: row.kind,
    outcome: row.outcome,
    reason: row.reason,
    note: row.note,
    routedTo,
    detail: row.detail,
    dealId: row.dealId,
    ticketId: row.ticketId,
    hubspotTaskId: row.hubspotTaskId,
    taskUrl: row.hubspotTaskId === null ? null : taskUrl(row.portalId, row.hubspotTaskId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
