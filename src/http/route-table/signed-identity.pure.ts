import { hubspotNumericId } from './wire-schemas.ts';

/**
 * Reads who a signed request speaks for from its URL, which the v3 signature covers. A card or page writes
 * `portalId` and `userId` from its HubSpot context into the URL it asks hubspot.fetch for; HubSpot's proxy
 * forwards that URL unchanged and signs it (docs/architecture.md, "What a request can claim").
 */

export type IdentityQuery =
  | {
      ok: true;
      portalId: number;
      userId: string | undefined;
      /** The rest of the query, one entry per name; a repeated name keeps all its values. */
      rest: Record<string, string | string[]>;
    }
  | { ok: false; message: string };

/** Parameters HubSpot is documented to add to app requests in some places; accepted, never trusted. */
const ignoredHubSpotParameters = new Set(['userEmail', 'appId']);
const portalSpellings = /^(portal[-_]?id|hub[-_]?id)(\[\])?$/i;
const userSpellings = /^user[-_]?id(\[\])?$/i;

export function readIdentityQuery(
  search: URLSearchParams,
  options: { user: 'optional' | 'member' },
): IdentityQuery {
  const rest: Record<string, string | string[]> = {};
  const portals: string[] = [];
  const users: string[] = [];
  for (const [name, value] of search) {
    if (name === 'portalId') portals.push(value);
    else if (name === 'userId') users.push(value);
    else if (portalSpellings.test(name) || userSpellings.test(name))
      return { ok: false, message: `"${name}" is not an identity parameter: use portalId and userId` };
    else if (!ignoredHubSpotParameters.has(name)) addValue(rest, name, value);
  }
  if (portals.length === 0) return { ok: false, message: 'the request names no portal (portalId)' };
  if (portals.length > 1) return { ok: false, message: 'the request names more than one portal' };
  if (users.length > 1) return { ok: false, message: 'the request names more than one user' };
  const portal = hubspotNumericId.safeParse(portals[0]);
  if (!portal.success)
    return { ok: false, message: `portalId ${portal.error.issues[0]?.message ?? 'is invalid'}` };
  const user = users[0];
  if (user === undefined && options.user === 'member')
    return {
      ok: false,
      message: 'the request names no user (userId); changes are recorded under the HubSpot user',
    };
  if (user !== undefined) {
    const parsed = hubspotNumericId.safeParse(user);
    if (!parsed.success)
      return { ok: false, message: `userId ${parsed.error.issues[0]?.message ?? 'is invalid'}` };
  }
  return { ok: true, portalId: Number(portal.data), userId: user, rest };
}

/** The query of a route without identity, as the route's schema reads it. */
export function plainQuery(search: URLSearchParams): Record<string, string | string[]> {
  const rest: Record<string, string | string[]> = {};
  for (const [name, value] of search) addValue(rest, name, value);
  return rest;
}

/** A repeated name keeps every value, so a schema expecting one refuses it instead of taking either. */
function addValue(rest: Record<string, string | string[]>, name: string, value: string): void {
  const previous = rest[name];
  rest[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
}
