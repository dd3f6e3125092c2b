/** Object types the sandbox serves under /crm/v3/objects/{type}. */
export const sandboxObjectTypes = [
  'companies',
  'deals',
  'tickets',
  'contacts',
  'feedback_submissions',
  'tasks',
  'notes',
] as const;
export type SandboxObjectType = (typeof sandboxObjectTypes)[number];

export function isSandboxObjectType(value: string): value is SandboxObjectType {
  return (sandboxObjectTypes as readonly string[]).includes(value);
}

/** HubSpot's own last-modified property name per type (contacts differ: `lastmodifieddate`). */
export const lastModifiedProperty: Record<SandboxObjectType, string> = {
  companies: 'hs_lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  tickets: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  feedback_submissions: 'hs_lastmodifieddate',
  tasks: 'hs_lastmodifieddate',
  notes: 'hs_lastmodifieddate',
};

/** Creation-date property per type. */
export const createdProperty: Record<SandboxObjectType, string> = {
  companies: 'createdate',
  deals: 'createdate',
  tickets: 'createdate',
  contacts: 'createdate',
  feedback_submissions: 'hs_createdate',
  tasks: 'hs_createdate',
  notes: 'hs_createdate',
};

/** One value a property held, newest first in a record's history (HubSpot's propertiesWithHistory). */
export interface PropertyVersion {
  value: string;
  /** ms since epoch. */
  timestamp: number;
  sourceType: string;
}

/**
 * A CRM record as the sandbox keeps it: HubSpot's wire form (every value a string), with times as epoch ms.
 * `properties` always holds hs_object_id, the created and last-modified properties, kept in step with
 * createdAt/updatedAt by the store.
 */
export interface SandboxRecord {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** Earlier values of selected properties (newest first), only where the generator or updates recorded them. */
  history?: Record<string, PropertyVersion[]>;
}

export interface SandboxOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  type: 'PERSON' | 'QUEUE';
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface SandboxPropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

/** A property definition in HubSpot's properties-API shape. */
export interface SandboxProperty {
  name: string;
  label: string;
  type: 'bool' | 'date' | 'datetime' | 'enumeration' | 'number' | 'phone_number' | 'string';
  fieldType: string;
  groupName: string;
  description: string;
  options: SandboxPropertyOption[];
  displayOrder: number;
  hidden: boolean;
  formField: boolean;
  hubspotDefined: boolean;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface SandboxPropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export interface SandboxPipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  /** HubSpot's stage metadata: deals carry `isClosed` and `probability` ('1.0' won, '0.0' lost); tickets `ticketState` ('OPEN' | 'CLOSED'). */
  metadata: Record<string, string>;
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface SandboxPipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: SandboxPipelineStage[];
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What changed, for webhook delivery and the admin change log. */
export type SandboxChange =
  | { kind: 'creation'; objectType: SandboxObjectType; objectId: string; at: number }
  | {
      kind: 'propertyChange';
      objectType: SandboxObjectType;
      objectId: string;
      propertyName: string;
      propertyValue: string;
      at: number;
    }
  | { kind: 'deletion'; objectType: SandboxObjectType; objectId: string; at: number }
  | { kind: 'merge'; objectType: SandboxObjectType; objectId: string; mergedObjectIds: string[]; at: number }
  | {
      kind: 'associationChange';
      fromType: SandboxObjectType;
      fromId: string;
      toType: SandboxObjectType;
      toId: string;
      associationTypeId: number;
      removed: boolean;
      at: number;
    };
