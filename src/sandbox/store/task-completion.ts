import type { SandboxObjectType, SandboxRecord } from './sandbox-types.ts';

/**
 * HubSpot stamps `hs_task_completion_date` when a task's status becomes COMPLETED and clears it when the task
 * is reopened; clients read it, they do not write it. Returns the properties to store for a task write.
 */
export function withTaskCompletion(
  type: SandboxObjectType,
  before: SandboxRecord | undefined,
  properties: Record<string, string>,
  now: number,
): Record<string, string> {
  if (type !== 'tasks' || properties.hs_task_status === undefined) return properties;
  const wasCompleted = before?.properties.hs_task_status === 'COMPLETED';
  const isCompleted = properties.hs_task_status === 'COMPLETED';
  if (isCompleted === wasCompleted) return properties;
  return { ...properties, hs_task_completion_date: isCompleted ? new Date(now).toISOString() : '' };
}
