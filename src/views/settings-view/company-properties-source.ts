import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import type { CompanyPropertyDefinition } from './settings-view.pure.ts';

/** The portal's company property definitions, from HubSpot (GET /crm/v3/properties/companies). */
export type ListCompanyProperties = (portalId: number) => Promise<readonly CompanyPropertyDefinition[]>;

/** Property definitions change when an admin edits HubSpot's settings: minutes of staleness are fine. */
export const companyPropertiesTtlMs = 10 * 60_000;

/**
 * One HubSpot call per portal per ten minutes however often the settings page opens (each opening would
 * otherwise spend a call of the portal's rate limit). A failed listing is not remembered, so the next
 * opening asks again.
 */
export function cachedCompanyProperties(
  list: ListCompanyProperties,
  now: () => Date,
  ttlMs = companyPropertiesTtlMs,
): ListCompanyProperties {
  const cache = new Map<number, { at: number; definitions: readonly CompanyPropertyDefinition[] }>();
  return async (portalId) => {
    const at = now().getTime();
    const hit = cache.get(portalId);
    if (hit !== undefined && at - hit.at < ttlMs) return hit.definitions;
    const definitions = await list(portalId);
    cache.set(portalId, { at, definitions });
    return definitions;
  };
}

/** The HubSpot gateway's listing as the settings view's source (runtime: `companyPropertiesFrom(gateway)`). */
export function companyPropertiesFrom(gateway: HubSpotGateway): ListCompanyProperties {
  return (portalId) => gateway.forPortal(portalId).listProperties('companies');
}

/**
 * How long the settings view waits for the listing. The gateway waits out HubSpot's rate limits (a sync may
 * be using the portal's budget), and hubspot.fetch gives up after 15 s: better a page with the properties in
 * use now than none. A late answer still fills the cache for the next opening.
 */
export const companyPropertiesWaitMs = 4000;

export function withDeadline<Value>(work: Promise<Value>, ms: number): Promise<Value> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => {
    clearTimeout(timer);
  });
}
