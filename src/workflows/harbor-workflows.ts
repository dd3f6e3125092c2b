import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { loadWorkflowCatalog, type WorkflowCatalog } from './workflow-catalog.ts';
import { createWorkflowService, type WorkflowService } from './workflow-service.ts';

/** The shipped workflows (read once, at startup: a broken file stops the service) over the process's gateway. */
export function workflowsFrom(
  gateway: HubSpotGateway,
  catalog: WorkflowCatalog = loadWorkflowCatalog(),
): { catalog: WorkflowCatalog; service: WorkflowService } {
  return {
    catalog,
    service: createWorkflowService({ catalog, flowsFor: (portalId) => gateway.forPortal(portalId) }),
  };
}
