import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import type { PropertyCreateInput } from '../hubspot/properties.ts';
import { AppError, isAppError } from '../shared/errors/app-error.ts';

/**
 * Where a task carries its Harbor key. HubSpot tasks take custom properties: the properties API is keyed by
 * any object type (tasks, 0-27), and the tasks API reads, updates and upserts tasks by "unique property
 * values" (`idProperty`, crm-tasks-v3.json), which only custom properties can be. Searching it with EQ finds
 * a task whose create answer was lost. docs/tasks.md has the evidence and the alternatives.
 */
export const harborTaskKeyProperty = 'harbor_task_key';

export const harborTaskPropertyGroup = { name: 'harbor', label: 'Harbor' } as const;

export const harborTaskKeyDefinition: PropertyCreateInput = {
  name: harborTaskKeyProperty,
  label: 'Harbor task key',
  type: 'string',
  fieldType: 'text',
  groupName: harborTaskPropertyGroup.name,
  formField: false,
  description:
    'Set by Harbor on the tasks it creates: what the task is for (a playbook step or an escalation). Harbor ' +
    'uses it to never create the same task twice and to read its completion back. Do not edit it.',
};

const ensured = new WeakMap<PortalGateway, Promise<void>>();

function isConflict(error: unknown): boolean {
  return isAppError(error) && error.code === 'CONFLICT';
}

async function ensure(gateway: PortalGateway): Promise<void> {
  const existing = (await gateway.listProperties('tasks')).find((p) => p.name === harborTaskKeyProperty);
  if (existing !== undefined) {
    if (existing.type !== 'string') {
      throw new AppError(
        'CONFLICT',
        `The task property ${harborTaskKeyProperty} exists as a ${existing.type} property, but Harbor writes text there. Delete or rename it in HubSpot (Settings → Properties → Task properties), then try again.`,
        { details: { property: harborTaskKeyProperty, type: existing.type } },
      );
    }
    return;
  }
  const groups = await gateway.listPropertyGroups('tasks');
  if (!groups.some((group) => group.name === harborTaskPropertyGroup.name)) {
    await gateway.createPropertyGroup('tasks', { ...harborTaskPropertyGroup }).catch((error: unknown) => {
      if (!isConflict(error)) throw error;
    });
  }
  await gateway.createProperty('tasks', harborTaskKeyDefinition).catch((error: unknown) => {
    // Another instance created it between our listing and our create.
    if (!isConflict(error)) throw error;
  });
}

/**
 * Creates the key property once per portal and process. A failure is not remembered, so the next call tries
 * again.
 */
export function ensureHarborTaskProperty(gateway: PortalGateway): Promise<void> {
  let pending = ensured.get(gateway);
  if (pending === undefined) {
    pending = ensure(gateway).catch((error: unknown) => {
      ensured.delete(gateway);
      throw error;
    });
    ensured.set(gateway, pending);
  }
  return pending;
}
