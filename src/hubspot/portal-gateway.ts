import { completeActionCallback } from './action-callbacks.ts';
import { listActionDefinitions } from './action-definitions.ts';
import { associationsBatchRead, createDefaultAssociation } from './associations.ts';
import { batchCreate, batchRead, batchUpdate, batchUpsert } from './crm-batch.ts';
import { getById } from './crm-objects.ts';
import { createFlow, getFlow, listFlows, updateFlow } from './flows.ts';
import { search } from './crm-search.ts';
import { listAllOwners } from './owners.ts';
import { addListMembers, createManualList, findListByName } from './lists.ts';
import { listPages } from './paging.ts';
import { listPipelines } from './pipelines.ts';
import type { PortalApi } from './portal-api.ts';
import { createProperty, createPropertyGroup, listProperties, listPropertyGroups } from './properties.ts';
import { searchModifiedSince } from './search-windows.ts';
import { createTask } from './tasks.ts';

type Bound<F> = F extends (api: PortalApi, ...args: infer A) => infer R ? (...args: A) => R : never;

const functions = {
  listPages,
  getById,
  batchRead,
  batchCreate,
  batchUpdate,
  batchUpsert,
  search,
  searchModifiedSince,
  associationsBatchRead,
  createDefaultAssociation,
  listProperties,
  createProperty,
  listPropertyGroups,
  createPropertyGroup,
  listAllOwners,
  listPipelines,
  createTask,
  listFlows,
  getFlow,
  createFlow,
  updateFlow,
  completeActionCallback,
  listActionDefinitions,
  findListByName,
  createManualList,
  addListMembers,
};

/** Every gateway function with the portal already applied: `gateway.getById('companies', id, …)`. */
export type PortalGateway = { readonly portalId: number; callCount(): number } & {
  [Name in keyof typeof functions]: Bound<(typeof functions)[Name]>;
};

export function bindPortalGateway(api: PortalApi): PortalGateway {
  const bound = Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [
      name,
      (...args: unknown[]) => (fn as (api: PortalApi, ...rest: unknown[]) => unknown)(api, ...args),
    ]),
  );
  return { ...bound, portalId: api.portalId, callCount: () => api.callCount() } as PortalGateway;
}
