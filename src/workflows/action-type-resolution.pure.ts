import type { ActionTypes } from './workflow-definition.ts';

/** What Harbor needs of one of the app's definitions as HubSpot lists it (GET /automation/v4/actions/{appId}). */
export interface ListedActionDefinition {
  id: string;
  revisionId: string;
  actionUrl: string;
}

/** `${PUBLIC_BASE_URL}/workflow-actions/health` → `/workflow-actions/health`: the part no profile changes. */
export function actionUrlPath(actionUrl: string): string | undefined {
  const withoutVariables = actionUrl.replaceAll(/\$\{[^}]*\}/g, '');
  if (withoutVariables.startsWith('/')) return trimSlash(withoutVariables);
  try {
    return trimSlash(new URL(withoutVariables).pathname);
  } catch {
    return undefined;
  }
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * HubSpot's type for each hsmeta uid whose actionUrl path one of the portal's definitions is served at. The
 * listing does not carry the uid; the path is what Harbor routes a request on, so a definition at that path is
 * the action Harbor answers (labels are translatable text an admin never sees twice, and not unique). The
 * base URL may add a prefix (`https://host/harbor/workflow-actions/health`), hence "ends with".
 */
export function actionTypesFromDefinitions(
  pathsByUid: Readonly<Record<string, string>>,
  listed: readonly ListedActionDefinition[],
): ActionTypes {
  const types: ActionTypes = {};
  for (const [uid, path] of Object.entries(pathsByUid)) {
    const match = listed.find((definition) => {
      const listedPath = actionUrlPath(definition.actionUrl);
      return listedPath !== undefined && (listedPath === path || listedPath.endsWith(path));
    });
    if (match === undefined || !/^\d+$/.test(match.id)) continue;
    // HubSpot names an app's custom action in a flow as `1-<definitionId>` (see docs/workflows.md).
    const version = Number(match.revisionId);
    types[uid] = {
      actionTypeId: `1-${match.id}`,
      actionTypeVersion: Number.isSafeInteger(version) && version >= 0 ? version : 0,
    };
  }
  return types;
}

/** The portal's types win; workflows/action-types.json fills in only the uids the portal does not list. */
export function mergeActionTypes(fromFile: ActionTypes, fromPortal: ActionTypes): ActionTypes {
  const merged: ActionTypes = { ...fromFile };
  for (const [uid, type] of Object.entries(fromPortal)) if (type !== null) merged[uid] = type;
  return merged;
}
