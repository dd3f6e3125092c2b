import type { CrmRecord } from '../hubspot/gateway-types.ts';
import type { HubSpotTaskState } from '../store/repositories/harbor-tasks-repository.ts';
import { harborTaskKeyProperty } from './harbor-task-property.ts';

/** The task properties Harbor reads back. */
export const taskStateProperties = [
  harborTaskKeyProperty,
  'hs_task_status',
  'hs_task_completion_date',
  'hs_lastmodifieddate',
] as const;

/** HubSpot sends date-times as ISO 8601 or epoch ms. */
function parseTime(value: string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * A task record as Harbor stores it. A COMPLETED task without a completion date (one completed before
 * HubSpot kept the date) counts as completed when it was last modified.
 */
export function toTaskState(record: CrmRecord): HubSpotTaskState {
  const status = record.properties.hs_task_status ?? 'NOT_STARTED';
  const modifiedAt = parseTime(record.properties.hs_lastmodifieddate) ?? record.updatedAt;
  const completedAt =
    status === 'COMPLETED' ? (parseTime(record.properties.hs_task_completion_date) ?? modifiedAt) : null;
  return { hubspotTaskId: record.id, status, completedAt, modifiedAt };
}

/** The first-created of several tasks found for one key: the one Harbor follows. */
export function earliestCreated(records: readonly CrmRecord[]): CrmRecord | undefined {
  return [...records].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id) - Number(b.id),
  )[0];
}
