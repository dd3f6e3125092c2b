import type { SimplePublicObjectInputForCreate } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';

import { toSdkAssociations } from './crm-objects.ts';
import { associationTypeIds, type CrmRecord } from './gateway-types.ts';
import { toCrmRecord } from './mappers.ts';
import type { CallOptions, PortalApi } from './portal-api.ts';
import { sdkModel } from './sdk-model.ts';

export interface TaskInput {
  companyId: string;
  subject: string;
  body?: string;
  /** HubSpot's `hs_timestamp`: the due date (required by HubSpot). */
  dueAt: Date;
  ownerId?: string;
  priority?: 'LOW' | 'MEDIUM' | 'HIGH';
  status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'WAITING' | 'COMPLETED';
  type?: 'TODO' | 'CALL' | 'EMAIL';
  /** Any further task properties (e.g. a Harbor idempotency key property). */
  properties?: Record<string, string>;
}

/**
 * POST /crm/v3/objects/tasks, associated to its company (task→company, type 192) in the same call: an
 * unassociated task would not show on the record. Not idempotent: a retry after a dropped connection can
 * create a second task, so callers that must never duplicate use a key property, pass
 * `retryUnknownOutcome: false` and look before creating again (src/tasks/create-task-once.ts).
 */
export async function createTask(
  api: PortalApi,
  input: TaskInput,
  options: CallOptions = {},
): Promise<CrmRecord> {
  const properties: Record<string, string> = {
    ...input.properties,
    hs_timestamp: input.dueAt.toISOString(),
    hs_task_subject: input.subject,
    hs_task_status: input.status ?? 'NOT_STARTED',
    hs_task_priority: input.priority ?? 'MEDIUM',
    hs_task_type: input.type ?? 'TODO',
    ...(input.body === undefined ? {} : { hs_task_body: input.body }),
    ...(input.ownerId === undefined ? {} : { hubspot_owner_id: input.ownerId }),
  };
  const body = sdkModel<SimplePublicObjectInputForCreate>({
    properties,
    associations: toSdkAssociations([
      { toId: input.companyId, associationTypeId: associationTypeIds.taskToCompany },
    ]),
  });
  const created = await api.call(
    'standard',
    (client) => client.crm.objects.basicApi.create('tasks', body),
    options,
  );
  return toCrmRecord(created);
}
