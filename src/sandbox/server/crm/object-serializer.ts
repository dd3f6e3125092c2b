import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { PropertyVersion, SandboxObjectType, SandboxRecord } from '../../store/sandbox-types.ts';
import { v3AssociationTypeName } from './association-spec.ts';

export interface ValueWithTimestamp {
  value: string;
  timestamp: string;
  sourceType: string;
}

/** HubSpot's SimplePublicObject(WithAssociations). Properties with no value are omitted, never null. */
export interface SimplePublicObject {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  propertiesWithHistory?: Record<string, ValueWithTimestamp[]>;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface SerializeOptions {
  /** Names to return, or 'all' for write answers (HubSpot echoes every property the record has). */
  properties: readonly string[] | 'all';
  propertiesWithHistory?: readonly string[] | undefined;
  /** Types whose associated ids to list (v3 `associations` parameter). */
  associations?: readonly SandboxObjectType[] | undefined;
}

function hasValue(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function pickProperties(record: SandboxRecord, names: readonly string[] | 'all'): Record<string, string> {
  const entries =
    names === 'all'
      ? Object.entries(record.properties)
      : names.map((name): [string, string | undefined] => [name, record.properties[name]]);
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => hasValue(entry[1])));
}

function toWire(version: PropertyVersion): ValueWithTimestamp {
  return {
    value: version.value,
    timestamp: new Date(version.timestamp).toISOString(),
    sourceType: version.sourceType,
  };
}

/**
 * Newest first, as HubSpot lists them. A value never changed has no recorded history; it is reported as set
 * when the record was created, which is where the generator and create put such values.
 */
function history(record: SandboxRecord, names: readonly string[]): Record<string, ValueWithTimestamp[]> {
  const result: Record<string, ValueWithTimestamp[]> = {};
  for (const name of names) {
    const versions = record.history?.[name];
    if (versions !== undefined && versions.length > 0) {
      result[name] = versions.map(toWire);
      continue;
    }
    const current = record.properties[name];
    if (hasValue(current)) {
      result[name] = [toWire({ value: current, timestamp: record.createdAt, sourceType: 'API' })];
    }
  }
  return result;
}

function associations(
  store: SandboxStore,
  type: SandboxObjectType,
  record: SandboxRecord,
  toTypes: readonly SandboxObjectType[],
): Record<string, { results: { id: string; type: string }[] }> {
  const result: Record<string, { results: { id: string; type: string }[] }> = {};
  for (const toType of toTypes) {
    const results = store.associations.list(type, record.id, toType).flatMap((linked) =>
      linked.typeIds.map((typeId) => ({
        id: linked.toObjectId,
        type: v3AssociationTypeName(type, toType, typeId),
      })),
    );
    // HubSpot leaves a type out of the map when the record has no association of that type.
    if (results.length > 0) result[toType] = { results };
  }
  return result;
}

export function serializeRecord(
  store: SandboxStore,
  type: SandboxObjectType,
  record: SandboxRecord,
  options: SerializeOptions,
): SimplePublicObject {
  const wire: SimplePublicObject = {
    id: record.id,
    properties: pickProperties(record, options.properties),
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
  };
  if (record.archivedAt !== undefined) wire.archivedAt = new Date(record.archivedAt).toISOString();
  if (options.propertiesWithHistory !== undefined && options.propertiesWithHistory.length > 0) {
    wire.propertiesWithHistory = history(record, options.propertiesWithHistory);
  }
  if (options.associations !== undefined && options.associations.length > 0) {
    const linked = associations(store, type, record, options.associations);
    if (Object.keys(linked).length > 0) wire.associations = linked;
  }
  return wire;
}
