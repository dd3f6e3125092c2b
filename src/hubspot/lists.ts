import { z } from 'zod';

import { request } from './flows.ts';
import { HubSpotNotFoundError } from './hubspot-errors.ts';
import type { PortalApi } from './portal-api.ts';

/*
 * Lists v3 (crm-lists-v3.json): find a list by name, create a static (MANUAL) list, add records to it. The
 * SDK's lists client is not used, so the answers are checked here like the flows' are.
 */

/** HubSpot's object type id of contacts: what a contact list stores. */
export const contactObjectTypeId = '0-1';

const publicList = z.looseObject({
  listId: z.string(),
  name: z.string(),
  objectTypeId: z.string(),
  processingType: z.string(),
  size: z.number().optional(),
});
const listAnswer = z.looseObject({ list: publicList });
const membershipsUpdate = z.looseObject({
  recordsIdsAdded: z.array(z.string()),
  recordIdsMissing: z.array(z.string()),
  recordIdsRemoved: z.array(z.string()),
});

export type HubSpotList = z.infer<typeof publicList>;
export type MembershipsUpdate = z.infer<typeof membershipsUpdate>;

/** GET /crm/v3/lists/object-type-id/{objectTypeId}/name/{listName}; HubSpot matches names case-insensitively. */
export async function findListByName(
  api: PortalApi,
  objectTypeId: string,
  name: string,
): Promise<HubSpotList | null> {
  try {
    const answer = await api.call('standard', (client) =>
      request(client, listAnswer, {
        method: 'GET',
        path: `/crm/v3/lists/object-type-id/${encodeURIComponent(objectTypeId)}/name/${encodeURIComponent(name)}`,
      }),
    );
    return answer.list;
  } catch (error) {
    if (error instanceof HubSpotNotFoundError) return null;
    throw error;
  }
}

/**
 * POST /crm/v3/lists with processingType MANUAL: a static list that only changes when records are added or
 * removed. Not retried on an unknown outcome: the caller looks the name up again before it tries again.
 */
export async function createManualList(
  api: PortalApi,
  objectTypeId: string,
  name: string,
): Promise<HubSpotList> {
  const answer = await api.call(
    'standard',
    (client) =>
      request(client, listAnswer, {
        method: 'POST',
        path: '/crm/v3/lists',
        body: { name, objectTypeId, processingType: 'MANUAL' },
      }),
    { retryUnknownOutcome: false },
  );
  return answer.list;
}

/** PUT /crm/v3/lists/{listId}/memberships/add: adding a member twice is a no-op, so retries are safe. */
export function addListMembers(
  api: PortalApi,
  listId: string,
  recordIds: readonly string[],
): Promise<MembershipsUpdate> {
  return api.call('standard', (client) =>
    request(client, membershipsUpdate, {
      method: 'PUT',
      path: `/crm/v3/lists/${encodeURIComponent(listId)}/memberships/add`,
      body: recordIds,
    }),
  );
}
