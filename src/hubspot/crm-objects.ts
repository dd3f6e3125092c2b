import type { PublicAssociationsForObject } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';

import type { CrmRecord } from './gateway-types.ts';
import { toCrmRecord } from './mappers.ts';
import type { PortalApi } from './portal-api.ts';
import type { Plain } from './sdk-model.ts';

export interface AssociationInput {
  toId: string;
  associationTypeId: number;
  category?: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
}

/** Our association input → the v3 create shape `{ to: { id }, types: [{ associationCategory, associationTypeId }] }`. */
export function toSdkAssociations(
  associations: readonly AssociationInput[] = [],
): Plain<PublicAssociationsForObject>[] {
  return associations.map((association) => ({
    to: { id: association.toId },
    types: [
      {
        associationCategory: association.category ?? 'HUBSPOT_DEFINED',
        associationTypeId: association.associationTypeId,
      },
    ],
  }));
}

/** GET /crm/v3/objects/{type}/{id}; an unknown id → HubSpotNotFoundError. */
export async function getById(
  api: PortalApi,
  objectType: string,
  id: string,
  options: { properties: string[]; associations?: string[]; archived?: boolean },
): Promise<CrmRecord> {
  const object = await api.call('standard', (client) =>
    client.crm.objects.basicApi.getById(
      objectType,
      id,
      options.properties,
      undefined,
      options.associations,
      options.archived ?? false,
    ),
  );
  return toCrmRecord(object);
}
