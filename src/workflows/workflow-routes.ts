import { harborWorkflowsWire, type HarborWorkflowsWire } from '@harbor/wire';

import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery } from '../http/route-table/wire-schemas.ts';
import type { Logger } from '../shared/logger.ts';
import { withDeadline } from '../views/settings-view/company-properties-source.ts';
import type { WorkflowCatalog } from './workflow-catalog.ts';
import type { WorkflowService } from './workflow-service.ts';

export interface WorkflowRouteDeps {
  logger: Logger;
  /** The shipped workflows and what reads the portal's; absent where HubSpot is not reachable (tests). */
  workflows?: { catalog: WorkflowCatalog; service: WorkflowService } | undefined;
}

/** HubSpot is asked one call per installed workflow; the page must not hang on it. */
const hubspotWaitMs = 8_000;
const maxDriftShown = 20;

/** The shipped workflows with their state unknown: the page still says what each one does. */
function unknownStates(catalog: WorkflowCatalog | undefined): HarborWorkflowsWire {
  return {
    source: 'unavailable',
    workflows: (catalog?.definitions ?? []).map(({ key, body }) => ({
      key,
      name: body.name,
      description: body.description,
      state: 'unknown',
      flowId: null,
      driftedFields: [],
    })),
  };
}

/** The settings page's Workflows tab: Harbor's workflows and whether each is installed, on, or changed. */
export function workflowRoutes(deps: WorkflowRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/workflows',
      summary: "the portal's Harbor workflows with their state: installed, enabled, drifted or missing",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: harborWorkflowsWire,
      example: { query: { portalId: '9000001', userId: '7001' } },
      async handler({ identity }) {
        const workflows = deps.workflows;
        if (workflows === undefined) return { kind: 'json', body: unknownStates(undefined) };
        try {
          const statuses = await withDeadline(workflows.service.status(identity.portalId), hubspotWaitMs);
          const body: HarborWorkflowsWire = {
            source: 'hubspot',
            workflows: statuses.map((status) => ({
              key: status.key,
              name: status.name,
              description: status.description,
              state: status.state,
              flowId: status.flowId,
              driftedFields: status.drift.slice(0, maxDriftShown),
            })),
          };
          return { kind: 'json', body };
        } catch (error) {
          // A slow or refusing HubSpot is not the page's failure: it lists the workflows and says it could not look.
          deps.logger.warn(
            { err: error, portalId: identity.portalId },
            'could not read the portal’s workflows',
          );
          return { kind: 'json', body: unknownStates(workflows.catalog) };
        }
      },
    }),
  ];
}
