import { collectAll } from './paging.ts';
import type { PortalApi } from './portal-api.ts';

export interface HubSpotOwner {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  userId: string | null;
  type: string;
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

/** GET /crm/v3/owners/, every page (100 per page). */
export async function listAllOwners(
  api: PortalApi,
  options: { archived?: boolean } = {},
): Promise<HubSpotOwner[]> {
  const owners = await collectAll((after) =>
    api.call('standard', (client) =>
      client.crm.owners.ownersApi.getPage(undefined, after, 100, options.archived ?? false),
    ),
  );
  return owners.map((owner) => ({
    id: owner.id,
    email: owner.email ?? null,
    firstName: owner.firstName ?? null,
    lastName: owner.lastName ?? null,
    userId: owner.userId === undefined ? null : String(owner.userId),
    type: owner.type,
    archived: owner.archived,
    teams: (owner.teams ?? []).map(({ id, name, primary }) => ({ id, name, primary })),
  }));
}
