import type { BatchItemError, CrmRecord, PropertyVersion } from './gateway-types.ts';

/** The fields every SDK object model shares (SimplePublicObject and its variants). */
export interface SdkObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: Date;
  updatedAt: Date;
  archived?: boolean;
  associations?: Record<string, { results: { id: string }[] }>;
  /** The SDK turns each `timestamp` into a Date; a body it did not deserialize still has the ISO string. */
  propertiesWithHistory?: Record<string, { value: string; timestamp: Date | string }[]>;
}

export interface SdkStandardError {
  status: string;
  category: string;
  message: string;
  context?: Record<string, string[]>;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function associationIds(associations: NonNullable<SdkObject['associations']>): Record<string, string[]> {
  return Object.fromEntries(
    // An id can appear once per association type (labelled and unlabelled); keep it once.
    Object.entries(associations).map(([type, { results }]) => [type, [...new Set(results.map((r) => r.id))]]),
  );
}

function propertyHistory(
  history: NonNullable<SdkObject['propertiesWithHistory']>,
): Record<string, PropertyVersion[]> {
  return Object.fromEntries(
    Object.entries(history).map(([name, versions]) => [
      name,
      versions.map(({ value, timestamp }) => ({ value, timestamp: toDate(timestamp).getTime() })),
    ]),
  );
}

export function toCrmRecord(object: SdkObject): CrmRecord {
  return {
    id: object.id,
    properties: { ...object.properties },
    createdAt: toDate(object.createdAt),
    updatedAt: toDate(object.updatedAt),
    archived: object.archived ?? false,
    ...(object.associations === undefined ? {} : { associations: associationIds(object.associations) }),
    ...(object.propertiesWithHistory === undefined
      ? {}
      : { propertiesWithHistory: propertyHistory(object.propertiesWithHistory) }),
  };
}

export function toBatchItemError(error: SdkStandardError): BatchItemError {
  const context = error.context ?? {};
  return {
    status: error.status,
    category: error.category,
    message: error.message,
    ids: context.ids ?? [],
    context,
  };
}

/** Batch responses carry `errors` only in their 207 "WithErrors" variant. */
export function batchErrors(response: object): BatchItemError[] {
  const errors = (response as { errors?: SdkStandardError[] }).errors ?? [];
  return errors.map(toBatchItemError);
}

/** Splits `items` into chunks of at most `size` (HubSpot batch limits). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
