import { AppError, isAppError } from '../shared/errors/app-error.ts';
import type { PortalGateway } from './portal-gateway.ts';
import type { PropertyCreateInput } from './properties.ts';

export type PropertyGateway = Pick<
  PortalGateway,
  'listProperties' | 'listPropertyGroups' | 'createPropertyGroup' | 'createProperty'
>;

/** A property Harbor defines in each portal and writes itself (a task's key, a company's reference date). */
export interface HarborPropertySpec {
  objectType: 'companies' | 'tasks';
  group: { readonly name: string; readonly label: string };
  definition: PropertyCreateInput & { type: string };
  /** What Harbor writes there, for the message when the name is taken by another kind: "text", "a date". */
  writes: string;
  /** Where an admin finds the object's properties in HubSpot's settings: "Company properties". */
  settingsPage: string;
}

function isConflict(error: unknown): boolean {
  return isAppError(error) && error.code === 'CONFLICT';
}

async function ensure(gateway: PropertyGateway, spec: HarborPropertySpec): Promise<void> {
  const { objectType, group, definition } = spec;
  const existing = (await gateway.listProperties(objectType)).find((p) => p.name === definition.name);
  if (existing !== undefined) {
    if (existing.type !== definition.type) {
      throw new AppError(
        'CONFLICT',
        `The ${objectType === 'tasks' ? 'task' : 'company'} property ${definition.name} exists as a ${existing.type} property, but Harbor writes ${spec.writes} there. Delete or rename it in HubSpot (Settings → Properties → ${spec.settingsPage}), then try again.`,
        { details: { property: definition.name, type: existing.type } },
      );
    }
    return;
  }
  const groups = await gateway.listPropertyGroups(objectType);
  if (!groups.some((known) => known.name === group.name)) {
    await gateway.createPropertyGroup(objectType, { ...group }).catch((error: unknown) => {
      if (!isConflict(error)) throw error;
    });
  }
  await gateway.createProperty(objectType, definition).catch((error: unknown) => {
    // Another instance created it between our listing and our create.
    if (!isConflict(error)) throw error;
  });
}

/**
 * Makes sure the property exists, once per portal gateway and process (the gateway is per portal). A failure
 * is not remembered, so the next call tries again.
 */
export function harborPropertyEnsurer(spec: HarborPropertySpec): (gateway: PropertyGateway) => Promise<void> {
  const ensured = new WeakMap<PropertyGateway, Promise<void>>();
  return (gateway) => {
    let pending = ensured.get(gateway);
    if (pending === undefined) {
      pending = ensure(gateway, spec).catch((error: unknown) => {
        ensured.delete(gateway);
        throw error;
      });
      ensured.set(gateway, pending);
    }
    return pending;
  };
}
