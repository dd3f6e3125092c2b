import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import type { PropertyDefinition } from '../../hubspot/properties.ts';
import { AppError, isAppError } from '../../shared/errors/app-error.ts';
import { harborCompanyProperties, harborPropertyGroup } from './harbor-company-properties.ts';

export interface EnsureHarborPropertiesResult {
  groupCreated: boolean;
  /** Names of the properties created by this call. */
  created: string[];
  /** HubSpot calls made. */
  calls: number;
}

/** Another instance created it between our listing and our create: what we wanted exists. */
function isAlreadyThere(error: unknown): boolean {
  return isAppError(error) && error.code === 'CONFLICT';
}

/** Throws when a property of ours exists in a shape Harbor cannot write; never changes it. */
function checkExisting(existing: PropertyDefinition): void {
  const wanted = harborCompanyProperties.find((property) => property.name === existing.name);
  if (wanted === undefined) return;
  const fix =
    'Delete or rename that property in HubSpot (Settings → Properties → Company properties), then try again.';
  if (existing.type !== wanted.type) {
    throw new AppError(
      'CONFLICT',
      `The company property ${existing.name} exists as a ${existing.type} property, but Harbor writes a ${wanted.type} there. ${fix}`,
      { details: { property: existing.name, type: existing.type, expectedType: wanted.type } },
    );
  }
  const values = new Set(existing.options.map((option) => option.value));
  const missing = (wanted.options ?? []).filter((option) => !values.has(option.value));
  if (missing.length > 0) {
    throw new AppError(
      'CONFLICT',
      `The company property ${existing.name} lacks the options ${missing.map((o) => o.value).join(', ')} Harbor writes. Add them in HubSpot or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
      { details: { property: existing.name, missingOptions: missing.map((o) => o.value) } },
    );
  }
}

/**
 * Creates the Harbor property group and any Harbor company property missing from the portal. Idempotent: when
 * everything exists it costs one listing call and creates nothing. A property that exists with another type
 * (or without our tier options) is an AppError CONFLICT, never silently redefined.
 */
export async function ensureHarborProperties(gateway: PortalGateway): Promise<EnsureHarborPropertiesResult> {
  let calls = 1;
  const existing = new Map((await gateway.listProperties('companies')).map((p) => [p.name, p]));
  for (const property of existing.values()) checkExisting(property);
  const missing = harborCompanyProperties.filter((property) => !existing.has(property.name));
  if (missing.length === 0) return { groupCreated: false, created: [], calls };

  calls += 1;
  const groups = await gateway.listPropertyGroups('companies');
  let groupCreated = false;
  if (!groups.some((group) => group.name === harborPropertyGroup.name)) {
    calls += 1;
    try {
      await gateway.createPropertyGroup('companies', { ...harborPropertyGroup });
      groupCreated = true;
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
    }
  }

  const created: string[] = [];
  let raced = false;
  for (const property of missing) {
    calls += 1;
    try {
      await gateway.createProperty('companies', property);
      created.push(property.name);
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
      raced = true;
    }
  }
  if (raced) {
    // A 409 also answers a name held by an archived property: check the property is really there to write.
    calls += 1;
    const after = new Map((await gateway.listProperties('companies')).map((p) => [p.name, p]));
    for (const property of missing) {
      const found = after.get(property.name);
      if (found === undefined) {
        throw new AppError(
          'CONFLICT',
          `HubSpot refused to create the company property ${property.name}: the name is taken, probably by an archived property. Restore or purge it in HubSpot, then try again.`,
          { details: { property: property.name } },
        );
      }
      checkExisting(found);
    }
  }
  return { groupCreated, created, calls };
}
