import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';

import { AppError } from '../shared/errors/app-error.ts';
import type { SearchPage, SearchRequest } from './gateway-types.ts';
import { toCrmRecord } from './mappers.ts';
import type { PortalApi } from './portal-api.ts';
import { sdkModel } from './sdk-model.ts';

/** HubSpot's largest search page. */
export const searchPageMax = 200;

/**
 * The body HubSpot's published schema accepts: `after`, `limit`, `properties`, `sorts` and `filterGroups`
 * are all required there, so defaults are filled in ("0" is the first-page cursor).
 *
 * Sorts go out as `{ propertyName, direction }` objects: the published schema and the SDK type say strings,
 * but HubSpot's search guide and the SDK maintainers (hubspot-api-nodejs issues #14, #559) use objects.
 */
export function toSdkSearchRequest(request: SearchRequest): PublicObjectSearchRequest {
  const limit = request.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > searchPageMax) {
    throw new AppError('INTERNAL', `HubSpot search limit must be 1–${searchPageMax}, got ${limit}`);
  }
  return sdkModel<PublicObjectSearchRequest>({
    filterGroups: request.filterGroups ?? [],
    sorts: (request.sorts ?? []) as unknown as string[],
    properties: request.properties ?? [],
    limit,
    after: request.after ?? '0',
    ...(request.query === undefined ? {} : { query: request.query }),
  });
}

/** POST /crm/v3/objects/{type}/search: one page (paced by the portal's search limiter). */
export async function search(
  api: PortalApi,
  objectType: string,
  request: SearchRequest,
): Promise<SearchPage> {
  const body = toSdkSearchRequest(request);
  const response = await api.call('search', (client) =>
    client.crm.objects.searchApi.doSearch(objectType, body),
  );
  return {
    total: response.total,
    results: response.results.map(toCrmRecord),
    after: response.paging?.next?.after,
  };
}
