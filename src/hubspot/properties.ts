import type {
  PropertyCreate,
  PropertyGroupCreate,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';

import type { PortalApi } from './portal-api.ts';
import { type Plain, sdkModel } from './sdk-model.ts';

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder?: number;
  hidden: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  hidden: boolean;
  hubspotDefined: boolean;
  hasUniqueValue: boolean;
}

/** The SDK 14 enums; HubSpot's spec also lists phone_number / phonenumber and html, which the SDK lacks. */
export type PropertyType = Plain<PropertyCreate>['type'];
export type PropertyFieldType = Plain<PropertyCreate>['fieldType'];

export interface PropertyCreateInput {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: PropertyFieldType;
  groupName: string;
  description?: string;
  options?: PropertyOption[];
  displayOrder?: number;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  formField?: boolean;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

interface SdkProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  options: { label: string; value: string; displayOrder?: number; hidden: boolean }[];
  hidden?: boolean;
  hubspotDefined?: boolean;
  hasUniqueValue?: boolean;
}

function toPropertyDefinition(property: SdkProperty): PropertyDefinition {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    groupName: property.groupName,
    description: property.description,
    options: property.options.map((option) => ({
      label: option.label,
      value: option.value,
      hidden: option.hidden,
      ...(option.displayOrder === undefined ? {} : { displayOrder: option.displayOrder }),
    })),
    hidden: property.hidden ?? false,
    hubspotDefined: property.hubspotDefined ?? false,
    hasUniqueValue: property.hasUniqueValue ?? false,
  };
}

/** GET /crm/v3/properties/{objectType} (one response, no paging). */
export async function listProperties(api: PortalApi, objectType: string): Promise<PropertyDefinition[]> {
  const response = await api.call('standard', (client) =>
    client.crm.properties.coreApi.getAll(objectType, false),
  );
  return response.results.map(toPropertyDefinition);
}

/** POST /crm/v3/properties/{objectType}. A name already in use → HubSpotRequestError with status 409. */
export async function createProperty(
  api: PortalApi,
  objectType: string,
  input: PropertyCreateInput,
): Promise<PropertyDefinition> {
  const created = await api.call('standard', (client) =>
    client.crm.properties.coreApi.create(objectType, sdkModel<PropertyCreate>(input)),
  );
  return toPropertyDefinition(created);
}

/** GET /crm/v3/properties/{objectType}/groups. */
export async function listPropertyGroups(api: PortalApi, objectType: string): Promise<PropertyGroup[]> {
  const response = await api.call('standard', (client) => client.crm.properties.groupsApi.getAll(objectType));
  return response.results.map(({ name, label, displayOrder, archived }) => ({
    name,
    label,
    displayOrder,
    archived,
  }));
}

/** POST /crm/v3/properties/{objectType}/groups. */
export async function createPropertyGroup(
  api: PortalApi,
  objectType: string,
  input: { name: string; label: string; displayOrder?: number },
): Promise<PropertyGroup> {
  const { name, label, displayOrder, archived } = await api.call('standard', (client) =>
    client.crm.properties.groupsApi.create(objectType, sdkModel<PropertyGroupCreate>(input)),
  );
  return { name, label, displayOrder, archived };
}
