import { HubSpotNotFoundError, HubSpotUnauthorizedError } from '../hubspot/hubspot-errors.ts';
import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import { actionTypesFromDefinitions, mergeActionTypes } from './action-type-resolution.pure.ts';
import type { WorkflowCatalog } from './workflow-catalog.ts';
import type { ActionTypes, WorkflowDefinition } from './workflow-definition.ts';
import {
  resolveHarborActions,
  workflowDrift,
  workflowState,
  type WorkflowState,
} from './workflow-drift.pure.ts';

/** The flows and action-definition calls the service makes; a portal's gateway has them. */
export type FlowsGateway = Pick<
  PortalGateway,
  'listFlows' | 'getFlow' | 'createFlow' | 'listActionDefinitions'
>;

export interface WorkflowStatus {
  key: string;
  name: string;
  description: string;
  state: WorkflowState;
  /** HubSpot's id of the installed flow; null while missing. */
  flowId: string | null;
  /** Where the installed flow differs from the shipped one (empty unless drifted). */
  drift: string[];
  /** Harbor actions it uses that the portal does not list and workflows/action-types.json does not name. */
  unresolvedActions: string[];
}

export type InstallOutcome =
  | { key: string; name: string; outcome: 'created' | 'exists'; flowId: string }
  | { key: string; name: string; outcome: 'unresolved'; missing: string[] };

export interface WorkflowService {
  /** Every shipped workflow with its state in the portal: missing, installed (off), enabled or drifted. */
  status(portalId: number): Promise<WorkflowStatus[]>;
  /** Creates, disabled, each shipped workflow the portal has no flow of that name for; touches no other. */
  install(portalId: number): Promise<InstallOutcome[]>;
}

export interface WorkflowServiceDeps {
  catalog: WorkflowCatalog;
  flowsFor(portalId: number): FlowsGateway;
  /** Harbor's HubSpot app id (HUBSPOT_APP_ID): without it only workflows/action-types.json is used. */
  appId?: number | undefined;
  /**
   * Runs one portal's install alone, across instances and CLI runs: two installs listing the portal's flows
   * at once would each find a workflow missing and both create it. Without it, installs are not guarded.
   */
  exclusive?: (<T>(portalId: number, work: () => Promise<T>) => Promise<T>) | undefined;
}

function unresolved(definition: WorkflowDefinition, types: ActionTypes): string[] {
  const resolved = resolveHarborActions(definition.body, types);
  return resolved.ok ? [] : resolved.missing;
}

/** Harbor's workflows in a portal, found by name: the name is what an admin sees and what makes install idempotent. */
export function createWorkflowService(deps: WorkflowServiceDeps): WorkflowService {
  const { catalog } = deps;

  async function installedByName(gateway: FlowsGateway): Promise<Map<string, string>> {
    const byName = new Map<string, string>();
    for (const listing of await gateway.listFlows()) {
      // The first of two same-named flows wins, as HubSpot lists them: both are shown as one workflow.
      if (listing.name !== undefined && !byName.has(listing.name)) byName.set(listing.name, listing.id);
    }
    return byName;
  }

  /** Each Harbor action's type as the portal lists the app's definitions, the file filling the gaps. */
  async function actionTypes(gateway: FlowsGateway): Promise<ActionTypes> {
    if (deps.appId === undefined) return catalog.actionTypes;
    try {
      const listed = await gateway.listActionDefinitions(deps.appId);
      return mergeActionTypes(catalog.actionTypes, actionTypesFromDefinitions(catalog.actionPaths, listed));
    } catch (error) {
      // A token that may not read the app's definitions, or another app's id, lists nothing: the file decides,
      // and any action still unknown is reported as unresolved rather than failing the whole listing.
      if (error instanceof HubSpotUnauthorizedError || error instanceof HubSpotNotFoundError)
        return catalog.actionTypes;
      throw error;
    }
  }

  return {
    async status(portalId) {
      const gateway = deps.flowsFor(portalId);
      const installed = await installedByName(gateway);
      const types = await actionTypes(gateway);
      const statuses: WorkflowStatus[] = [];
      for (const definition of catalog.definitions) {
        const { key, body } = definition;
        const flowId = installed.get(body.name);
        const flow = flowId === undefined ? undefined : await gateway.getFlow(flowId);
        const resolved = resolveHarborActions(body, types);
        const drift = flow === undefined ? [] : workflowDrift(resolved.ok ? resolved.body : body, flow);
        statuses.push({
          key,
          name: body.name,
          description: body.description,
          state: workflowState(flow, drift),
          flowId: flow?.id ?? null,
          drift,
          unresolvedActions: unresolved(definition, types),
        });
      }
      return statuses;
    },

    install(portalId) {
      return deps.exclusive === undefined
        ? installNow(portalId)
        : deps.exclusive(portalId, () => installNow(portalId));
    },
  };

  async function installNow(portalId: number): Promise<InstallOutcome[]> {
    const gateway = deps.flowsFor(portalId);
    const installed = await installedByName(gateway);
    const types = await actionTypes(gateway);
    const outcomes: InstallOutcome[] = [];
    for (const { key, body } of catalog.definitions) {
      const existing = installed.get(body.name);
      if (existing !== undefined) {
        outcomes.push({ key, name: body.name, outcome: 'exists', flowId: existing });
        continue;
      }
      const resolved = resolveHarborActions(body, types);
      if (!resolved.ok) {
        outcomes.push({ key, name: body.name, outcome: 'unresolved', missing: resolved.missing });
        continue;
      }
      const created = await gateway.createFlow({ ...resolved.body, isEnabled: false });
      outcomes.push({ key, name: body.name, outcome: 'created', flowId: created.id });
    }
    return outcomes;
  }
}
