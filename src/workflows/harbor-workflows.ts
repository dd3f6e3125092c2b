import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { loadWorkflowCatalog, type WorkflowCatalog } from './workflow-catalog.ts';
import { createWorkflowService, type WorkflowService } from './workflow-service.ts';

/**
 * The shipped workflows (read once, at startup: a broken file stops the service) over the process's gateway.
 * `appId` (HUBSPOT_APP_ID) lets install look the app's action definitions up in each portal.
 */
export function workflowsFrom(
  gateway: HubSpotGateway,
  catalog: WorkflowCatalog = loadWorkflowCatalog(),
  appId?: string,
): { catalog: WorkflowCatalog; service: WorkflowService } {
  return {
    catalog,
    service: createWorkflowService({
      catalog,
      flowsFor: (portalId) => gateway.forPortal(portalId),
      appId: appId === undefined ? undefined : Number(appId),
    }),
  };
}
