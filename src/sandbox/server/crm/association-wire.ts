import type { AssociatedRecord } from '../../store/association-table.ts';
import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { SandboxObjectType, SandboxRecord } from '../../store/sandbox-types.ts';
import { associationLabel } from './association-spec.ts';
import { notFoundError, validationError } from './crm-errors.ts';
import { objectTypeId, singularName } from './object-types.ts';

/** v4 AssociationSpecWithLabel: `label` is left out when there is none (the spec's string is not nullable). */
export interface AssociationTypeWire {
  category: 'HUBSPOT_DEFINED';
  typeId: number;
  label?: string;
}

/** v4 MultiAssociatedObjectWithLabel; the spec declares toObjectId a string (ids are strings on the wire). */
export interface AssociatedObjectWire {
  toObjectId: string;
  associationTypes: AssociationTypeWire[];
}

export function associationTypesWire(typeIds: readonly number[]): AssociationTypeWire[] {
  return typeIds.map((typeId) => {
    const label = associationLabel(typeId);
    return label === undefined
      ? { category: 'HUBSPOT_DEFINED', typeId }
      : { category: 'HUBSPOT_DEFINED', typeId, label };
  });
}

function toWire(linked: AssociatedRecord): AssociatedObjectWire {
  return { toObjectId: linked.toObjectId, associationTypes: associationTypesWire(linked.typeIds) };
}

/** An offset cursor into one record's association list (link order is stable while nothing changes). */
export function parseOffset(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  if (!/^\d+$/.test(after))
    throw validationError(`after must be a paging cursor from an earlier answer: ${after}`);
  return Number(after);
}

export function pageOfAssociations(
  list: readonly AssociatedRecord[],
  offset: number,
  limit: number,
): { to: AssociatedObjectWire[]; nextAfter?: string } {
  const end = offset + limit;
  const to = list.slice(offset, end).map(toWire);
  return end < list.length ? { to, nextAfter: String(end) } : { to };
}

export function liveRecord(
  store: SandboxStore,
  type: SandboxObjectType,
  id: string,
): SandboxRecord | undefined {
  const record = store.tables[type].get(id);
  return record === undefined || record.archived ? undefined : record;
}

export function requireLiveRecord(store: SandboxStore, type: SandboxObjectType, id: string): SandboxRecord {
  const record = liveRecord(store, type, id);
  if (record === undefined) {
    throw notFoundError(`No ${singularName(type)} with id ${id} exists.`, { id: [id] });
  }
  return record;
}

/** v4 LabelsBetweenObjectPair: the pair's type ids (`0-2`), not names, and the labels of its types. */
export function labelsBetween(
  from: SandboxObjectType,
  fromId: string,
  to: SandboxObjectType,
  toId: string,
  typeIds: readonly number[],
): Record<string, unknown> {
  return {
    fromObjectTypeId: objectTypeId(from),
    fromObjectId: fromId,
    toObjectTypeId: objectTypeId(to),
    toObjectId: toId,
    labels: typeIds.flatMap((typeId) => associationLabel(typeId) ?? []),
  };
}
