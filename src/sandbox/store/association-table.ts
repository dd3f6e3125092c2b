import { defaultAssociationTypeId, primaryTypeIds } from './association-types.ts';
import type { SandboxObjectType } from './sandbox-types.ts';

export interface AssociatedRecord {
  toObjectId: string;
  /** HUBSPOT_DEFINED type ids: the default one, plus the primary one where it applies. */
  typeIds: number[];
}

/**
 * Associations in both directions. Kept as plain id lists per (from type, to type, from id) because a large
 * portal holds millions of links; type ids are derived (the pair's default, plus "primary" for the first
 * company of a deal or ticket), as HubSpot reports them.
 */
export class AssociationTable {
  readonly #links = new Map<string, Map<string, string[]>>();

  #bucket(from: SandboxObjectType, to: SandboxObjectType): Map<string, string[]> {
    const key = `${from}>${to}`;
    let bucket = this.#links.get(key);
    if (bucket === undefined) {
      bucket = new Map();
      this.#links.set(key, bucket);
    }
    return bucket;
  }

  /** Links both directions; returns false when the link already existed. */
  add(from: SandboxObjectType, fromId: string, to: SandboxObjectType, toId: string): boolean {
    const isNew = addOne(this.#bucket(from, to), fromId, toId);
    addOne(this.#bucket(to, from), toId, fromId);
    return isNew;
  }

  /** Unlinks both directions; returns false when there was no link. */
  remove(from: SandboxObjectType, fromId: string, to: SandboxObjectType, toId: string): boolean {
    const existed = removeOne(this.#bucket(from, to), fromId, toId);
    removeOne(this.#bucket(to, from), toId, fromId);
    return existed;
  }

  /** Ids linked to `fromId`, in the order they were linked. */
  ids(from: SandboxObjectType, fromId: string, to: SandboxObjectType): readonly string[] {
    return this.#links.get(`${from}>${to}`)?.get(fromId) ?? [];
  }

  list(from: SandboxObjectType, fromId: string, to: SandboxObjectType): AssociatedRecord[] {
    const defaultId = defaultAssociationTypeId(from, to);
    return this.ids(from, fromId, to).map((toObjectId, index) => {
      const typeIds = defaultId === undefined ? [] : [defaultId];
      const primary = index === 0 ? primaryTypeId(from, to) : undefined;
      if (primary !== undefined) typeIds.unshift(primary);
      return { toObjectId, typeIds };
    });
  }

  /** Drops every link of a record (archive), returning the records it was linked to by type. */
  removeAll(
    type: SandboxObjectType,
    id: string,
    types: readonly SandboxObjectType[],
  ): { toType: SandboxObjectType; toId: string }[] {
    const removed: { toType: SandboxObjectType; toId: string }[] = [];
    for (const toType of types) {
      for (const toId of [...this.ids(type, id, toType)]) {
        this.remove(type, id, toType, toId);
        removed.push({ toType, toId });
      }
    }
    return removed;
  }
}

function primaryTypeId(from: SandboxObjectType, to: SandboxObjectType): number | undefined {
  if (from === 'deals' && to === 'companies') return primaryTypeIds.dealToCompany;
  if (from === 'tickets' && to === 'companies') return primaryTypeIds.ticketToCompany;
  return undefined;
}

function addOne(bucket: Map<string, string[]>, fromId: string, toId: string): boolean {
  const list = bucket.get(fromId);
  if (list === undefined) {
    bucket.set(fromId, [toId]);
    return true;
  }
  if (list.includes(toId)) return false;
  list.push(toId);
  return true;
}

function removeOne(bucket: Map<string, string[]>, fromId: string, toId: string): boolean {
  const list = bucket.get(fromId);
  const index = list?.indexOf(toId) ?? -1;
  if (list === undefined || index < 0) return false;
  list.splice(index, 1);
  if (list.length === 0) bucket.delete(fromId);
  return true;
}
