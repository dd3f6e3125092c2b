import type { Kysely } from 'kysely';

import type { Database } from '../store/database-schema.ts';
import { countOpenOwnerTasks } from '../store/repositories/harbor-tasks-repository.ts';
import { dayBounds } from './owner-day.pure.ts';

/**
 * Open Harbor tasks Harbor gave the owner today (the portal's day; UTC when its zone is unknown), pending
 * creates included: what "at most N open Harbor tasks per owner per day" is checked against before a create.
 */
export function countOpenTasksForOwnerToday(
  db: Kysely<Database>,
  portalId: number,
  ownerId: string,
  now: Date,
  timeZone = 'UTC',
): Promise<number> {
  return countOpenOwnerTasks(db, portalId, ownerId, dayBounds(now, timeZone));
}
