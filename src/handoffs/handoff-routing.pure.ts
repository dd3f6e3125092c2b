import type { HandoffDestination } from '@harbor/wire';

/** A team member and the open Harbor tasks Harbor gave them today. */
export interface TeamMemberLoad {
  ownerId: string;
  openTasksToday: number;
}

export type HandoffAssignee = { ownerId: string } | { queueId: string };

export type RoutingDecision =
  { routed: true; assignee: HandoffAssignee } | { routed: false; reason: 'no_destination' | 'empty_team' };

/**
 * Who gets the hand-off's task. An owner gets it directly; a queue gets it without an owner, for whoever
 * takes it there; a team's member with the fewest open Harbor tasks today gets it (ties: the lowest owner id,
 * so two instances deciding at once pick the same person). No destination, or a team with no active member,
 * is "not routed": nothing is created and the hand-off says why.
 */
export function decideRouting(
  destination: HandoffDestination,
  teamMembers: readonly TeamMemberLoad[],
): RoutingDecision {
  if (destination === null) return { routed: false, reason: 'no_destination' };
  if (destination.kind === 'owner') return { routed: true, assignee: { ownerId: destination.ownerId } };
  if (destination.kind === 'queue') return { routed: true, assignee: { queueId: destination.queueId } };
  const chosen = [...teamMembers].sort(
    (a, b) => a.openTasksToday - b.openTasksToday || compareIds(a.ownerId, b.ownerId),
  )[0];
  if (chosen === undefined) return { routed: false, reason: 'empty_team' };
  return { routed: true, assignee: { ownerId: chosen.ownerId } };
}

// Owner ids are digit strings of different lengths: "9" comes before "10".
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
