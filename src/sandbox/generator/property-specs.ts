import type { SandboxProperty } from '../store/sandbox-types.ts';

/** A compact description of one property definition; expanded to HubSpot's shape on registration. */
export interface PropertySpec {
  name: string;
  label: string;
  type: SandboxProperty['type'];
  options?: Options;
  /** Defaults from the type (HubSpot shows long text as a textarea and datetimes with the date picker). */
  fieldType?: string;
}

export type Options = readonly (readonly [value: string, label: string])[];

export const booleanOptions: Options = [
  ['true', 'True'],
  ['false', 'False'],
];

export function spec(
  name: string,
  label: string,
  type: SandboxProperty['type'],
  options?: Options,
): PropertySpec {
  return options === undefined ? { name, label, type } : { name, label, type, options };
}

export function longTextSpec(name: string, label: string): PropertySpec {
  return { name, label, type: 'string', fieldType: 'textarea' };
}

/** hs_object_id and the type's created and last-modified properties. */
export function systemSpecs(created: string, modified: string): PropertySpec[] {
  return [
    spec('hs_object_id', 'Record ID', 'number'),
    spec(created, 'Create date', 'datetime'),
    spec(modified, 'Last modified date', 'datetime'),
  ];
}

/** HubSpot's owner property: an enumeration whose options are the portal's owners (served by the owners API). */
export const ownerSpec = spec('hubspot_owner_id', 'Owner', 'enumeration', []);
