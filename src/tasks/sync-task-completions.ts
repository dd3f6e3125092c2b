import { incrementalOverlapMs } from '../sync/sync-checkpoint.pure.ts';
import {
  applyHubSpotTaskState,
  firstHarborTaskAt,
  loadTaskCursor,
  saveTaskCursor,
} from '../store/repositories/harbor-tasks-repository.ts';
import { harborTaskKeyProperty } from './harbor-task-property.ts';
import { taskStateProperties, toTaskState } from './hubspot-task-state.pure.ts';
import type { TaskDeps } from './task-deps.ts';

export interface TaskCompletionSync {
  /** Keys whose task this read moved to COMPLETED (each reported once, whichever instance reads it). */
  completedKeys: string[];
  /** Harbor tasks read back (changed since the last read, plus the overlap). */
  read: number;
}

/**
 * Reads back the Harbor tasks modified in HubSpot since the last read (tasks carrying `harbor_task_key`,
 * by hs_lastmodifieddate, past search's 10,000 cap by re-windowing as the sync does) and stores their
 * status and completion time. The cursor is saved after every page, so an interrupted read resumes; each
 * read starts the sync's overlap earlier, because search shows a change only "after a few moments".
 */
export async function syncTaskCompletions(
  deps: Pick<TaskDeps, 'db' | 'gateway' | 'now'>,
  portalId: number,
): Promise<TaskCompletionSync> {
  const now = deps.now ?? (() => new Date());
  const cursor = (await loadTaskCursor(deps.db, portalId)) ?? (await firstHarborTaskAt(deps.db, portalId));
  if (cursor === undefined) return { completedKeys: [], read: 0 };
  const gateway = deps.gateway.forPortal(portalId);
  const completedKeys: string[] = [];
  let read = 0;
  const pages = gateway.searchModifiedSince('tasks', {
    sinceMs: Math.max(0, cursor.getTime() - incrementalOverlapMs),
    properties: [...taskStateProperties],
    filters: [{ propertyName: harborTaskKeyProperty, operator: 'HAS_PROPERTY' }],
  });
  for await (const page of pages) {
    for (const record of page.results) {
      const key = record.properties[harborTaskKeyProperty];
      if (key === null || key === undefined || key === '') continue;
      read += 1;
      if (await applyHubSpotTaskState(deps.db, portalId, key, toTaskState(record), now())) {
        completedKeys.push(key);
      }
    }
    await saveTaskCursor(deps.db, portalId, new Date(page.resumeFromMs), now());
  }
  return { completedKeys, read };
}
