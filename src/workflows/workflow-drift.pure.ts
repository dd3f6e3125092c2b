import { harborActionPrefix, type ActionTypes, type WorkflowBody } from './workflow-definition.ts';

export type ResolvedWorkflow = { ok: true; body: WorkflowBody } | { ok: false; missing: string[] };

/** Puts HubSpot's action type in place of every `harbor:<uid>`; lists the uids it has no type for. */
export function resolveHarborActions(body: WorkflowBody, types: ActionTypes): ResolvedWorkflow {
  const missing = new Set<string>();
  const actions = body.actions.map((action) => {
    const typeId = (action as { actionTypeId?: unknown }).actionTypeId;
    if (typeof typeId !== 'string' || !typeId.startsWith(harborActionPrefix)) return action;
    const uid = typeId.slice(harborActionPrefix.length);
    const type = types[uid];
    if (type === undefined || type === null) {
      missing.add(uid);
      return action;
    }
    return { ...action, ...type };
  });
  return missing.size > 0 ? { ok: false, missing: [...missing] } : { ok: true, body: { ...body, actions } };
}

/** What the admin may change in HubSpot without it being drift: turning the workflow on or off. */
const ignoredKeys = new Set(['isEnabled', 'type']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function differences(shipped: unknown, actual: unknown, path: string, out: string[]): void {
  // An unresolved Harbor action matches whatever type id HubSpot holds: the uid cannot be compared to it.
  if (typeof shipped === 'string' && shipped.startsWith(harborActionPrefix) && typeof actual === 'string')
    return;
  if (Array.isArray(shipped)) {
    if (!Array.isArray(actual) || actual.length !== shipped.length) {
      out.push(path);
      return;
    }
    shipped.forEach((item, index) => {
      differences(item, actual[index], `${path}[${index}]`, out);
    });
    return;
  }
  if (isRecord(shipped)) {
    if (!isRecord(actual)) {
      out.push(path);
      return;
    }
    // Only the shipped keys: HubSpot fills in defaults of its own, which are not a change anyone made.
    for (const [key, value] of Object.entries(shipped))
      differences(value, actual[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  if (shipped !== actual) out.push(path);
}

/** The paths where the portal's flow no longer matches the shipped definition (empty: in step). */
export function workflowDrift(shipped: WorkflowBody, actual: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(shipped)) {
    if (!ignoredKeys.has(key)) differences(value, actual[key], key, out);
  }
  return out;
}

export type WorkflowState = 'missing' | 'installed' | 'enabled' | 'drifted';

export function workflowState(
  flow: { isEnabled: boolean } | undefined,
  drift: readonly string[],
): WorkflowState {
  if (flow === undefined) return 'missing';
  if (drift.length > 0) return 'drifted';
  return flow.isEnabled ? 'enabled' : 'installed';
}
