import type { HandoffDestination } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import type { Database } from '../store/database-schema.ts';
import { listTeamMemberIds } from '../store/repositories/handoffs-repository.ts';
import { countOpenTasksForOwnerToday } from '../tasks/owner-task-cap.ts';
import { decideRouting, type RoutingDecision } from './handoff-routing.pure.ts';
import { taskQueueProperty } from './task-queue-property.ts';

/**
 * Who gets a task sent to a routing destination of the report settings, as of now: the owner, the queue, or
 * the team member with the fewest open Harbor tasks today (counted in the portal's time zone). Every task
 * Harbor hands to another team (hand-offs, the product-feedback digest) is routed here, so "team" and
 * "queue" mean the same everywhere.
 */
export async function routeDestination(
  db: Kysely<Database>,
  portalId: number,
  destination: HandoffDestination,
  now: Date,
  timeZone: string,
): Promise<RoutingDecision> {
  const members =
    destination?.kind === 'team'
      ? await Promise.all(
          (await listTeamMemberIds(db, portalId, destination.teamId)).map(async (ownerId) => ({
            ownerId,
            openTasksToday: await countOpenTasksForOwnerToday(db, portalId, ownerId, now, timeZone),
          })),
        )
      : [];
  return decideRouting(destination, members);
}

/** Puts a created task in a HubSpot task queue; the same queue twice changes nothing, so a retry is safe. */
export async function putTaskInQueue(
  gateway: Pick<PortalGateway, 'batchUpdate'>,
  taskId: string,
  queueId: string,
): Promise<void> {
  const result = await gateway.batchUpdate('tasks', [
    { id: taskId, properties: { [taskQueueProperty]: queueId } },
  ]);
  const error = result.errors[0];
  if (error !== undefined) throw new Error(`HubSpot did not put the task in the queue: ${error.message}`);
}
