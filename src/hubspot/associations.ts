import type { BatchInputPublicFetchAssociationsBatchRequest } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';

import type { BatchItemError } from './gateway-types.ts';
import { batchErrors, chunk } from './mappers.ts';
import type { PortalApi } from './portal-api.ts';
import { sdkModel } from './sdk-model.ts';

/** HubSpot's limit for v4 association batch reads. */
export const associationBatchSize = 1_000;

export interface AssociatedObject {
  toObjectId: string;
  types: { category: string; typeId: number; label: string | null }[];
}

export interface AssociationsResult {
  /** Associated objects per input id; ids without associations map to []. */
  byId: Map<string, AssociatedObject[]>;
  /** Per-item errors other than "no associations" (HubSpot reports those as errors too). */
  errors: BatchItemError[];
}

interface Pending {
  id: string;
  after?: string;
}

// HubSpot answers 207 with an error per id that simply has no associations of that type.
function isNoAssociations(error: BatchItemError): boolean {
  return error.category === 'OBJECT_NOT_FOUND' || /no .* (is|are) associated/i.test(error.message);
}

/**
 * POST /crm/v4/associations/{from}/{to}/batch/read, 1,000 ids per call, following each input's own
 * `paging.next.after` until every id's associations are complete.
 */
export async function associationsBatchRead(
  api: PortalApi,
  fromObjectType: string,
  toObjectType: string,
  ids: readonly string[],
): Promise<AssociationsResult> {
  const unique = [...new Set(ids)];
  const byId = new Map<string, AssociatedObject[]>(unique.map((id) => [id, []]));
  const errors: BatchItemError[] = [];
  let pending: Pending[] = unique.map((id) => ({ id }));

  while (pending.length > 0) {
    const next: Pending[] = [];
    for (const part of chunk(pending, associationBatchSize)) {
      const body = sdkModel<BatchInputPublicFetchAssociationsBatchRequest>({
        inputs: part.map((input) => (input.after === undefined ? { id: input.id } : input)),
      });
      const response = await api.call('standard', (client) =>
        client.crm.associations.v4.batchApi.getPage(fromObjectType, toObjectType, body),
      );
      for (const result of response.results) {
        const fromId = result._from.id;
        const list = byId.get(fromId) ?? [];
        list.push(
          ...result.to.map((to) => ({
            toObjectId: to.toObjectId,
            types: to.associationTypes.map((type) => ({
              category: type.category,
              typeId: type.typeId,
              label: type.label ?? null,
            })),
          })),
        );
        byId.set(fromId, list);
        const after = result.paging?.next?.after;
        if (after !== undefined) next.push({ id: fromId, after });
      }
      errors.push(...batchErrors(response).filter((error) => !isNoAssociations(error)));
    }
    pending = next;
  }
  return { byId, errors };
}

/** PUT /crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}: the unlabelled default link. */
export async function createDefaultAssociation(
  api: PortalApi,
  from: { objectType: string; id: string },
  to: { objectType: string; id: string },
): Promise<void> {
  await api.call('standard', (client) =>
    client.crm.associations.v4.basicApi.createDefault(from.objectType, from.id, to.objectType, to.id),
  );
}
