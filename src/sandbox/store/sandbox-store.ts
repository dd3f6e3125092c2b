import { AssociationTable } from './association-table.ts';
import { FlowTable } from './flow-table.ts';
import { ObjectTable } from './object-table.ts';
import {
  sandboxObjectTypes,
  type SandboxChange,
  type SandboxObjectType,
  type SandboxOwner,
  type SandboxPipeline,
  type SandboxProperty,
  type SandboxPropertyGroup,
  type SandboxRecord,
} from './sandbox-types.ts';
import { withTaskCompletion } from './task-completion.ts';

export type ChangeListener = (change: SandboxChange) => void;

/**
 * One HubSpot portal held in memory: records, associations, owners and property definitions. Every change
 * made through its methods is announced to listeners (webhook delivery, the admin change log); bulk loading
 * through the tables directly is silent.
 */
export class SandboxStore {
  readonly portalId: number;
  readonly tables: Record<SandboxObjectType, ObjectTable>;
  readonly associations = new AssociationTable();
  readonly owners: SandboxOwner[] = [];
  readonly properties = new Map<SandboxObjectType, Map<string, SandboxProperty>>();
  readonly propertyGroups = new Map<SandboxObjectType, Map<string, SandboxPropertyGroup>>();
  readonly pipelines: Record<'deals' | 'tickets', SandboxPipeline[]> = { deals: [], tickets: [] };
  /** Automation v4 flows (workflows); changes to them are not CRM changes and announce nothing. */
  readonly flows = new FlowTable();
  readonly #listeners: ChangeListener[] = [];

  constructor(portalId: number) {
    this.portalId = portalId;
    this.tables = Object.fromEntries(
      sandboxObjectTypes.map((type) => [type, new ObjectTable(type)]),
    ) as Record<SandboxObjectType, ObjectTable>;
    for (const type of sandboxObjectTypes) {
      this.properties.set(type, new Map());
      this.propertyGroups.set(type, new Map());
    }
  }

  onChange(listener: ChangeListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index >= 0) this.#listeners.splice(index, 1);
    };
  }

  #emit(change: SandboxChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  createRecord(type: SandboxObjectType, properties: Record<string, string>, now: number): SandboxRecord {
    const record = this.tables[type].create(withTaskCompletion(type, undefined, properties, now), now);
    this.#emit({ kind: 'creation', objectType: type, objectId: record.id, at: now });
    return record;
  }

  /** Returns the changed property names; one webhook-style change per changed property. */
  updateRecord(
    type: SandboxObjectType,
    id: string,
    properties: Record<string, string>,
    now: number,
  ): string[] {
    const before = this.tables[type].get(id);
    const changed = this.tables[type].update(id, withTaskCompletion(type, before, properties, now), now);
    const record = this.tables[type].get(id);
    for (const propertyName of changed) {
      const propertyValue = record?.properties[propertyName] ?? '';
      this.#emit({
        kind: 'propertyChange',
        objectType: type,
        objectId: id,
        propertyName,
        propertyValue,
        at: now,
      });
    }
    return changed;
  }

  /** Archives a record and drops its associations, as HubSpot does. */
  archiveRecord(type: SandboxObjectType, id: string, now: number): boolean {
    if (!this.tables[type].archive(id, now)) return false;
    this.associations.removeAll(type, id, sandboxObjectTypes);
    this.#emit({ kind: 'deletion', objectType: type, objectId: id, at: now });
    return true;
  }

  associate(
    from: SandboxObjectType,
    fromId: string,
    to: SandboxObjectType,
    toId: string,
    typeId: number,
    now: number,
  ): boolean {
    return this.#changeLink({
      fromType: from,
      fromId,
      toType: to,
      toId,
      associationTypeId: typeId,
      removed: false,
      at: now,
    });
  }

  dissociate(
    from: SandboxObjectType,
    fromId: string,
    to: SandboxObjectType,
    toId: string,
    typeId: number,
    now: number,
  ): boolean {
    return this.#changeLink({
      fromType: from,
      fromId,
      toType: to,
      toId,
      associationTypeId: typeId,
      removed: true,
      at: now,
    });
  }

  /** Adds or removes a link and announces it only when something actually changed. */
  #changeLink(change: Omit<Extract<SandboxChange, { kind: 'associationChange' }>, 'kind'>): boolean {
    const { fromType, fromId, toType, toId } = change;
    const changed = change.removed
      ? this.associations.remove(fromType, fromId, toType, toId)
      : this.associations.add(fromType, fromId, toType, toId);
    if (changed) this.#emit({ kind: 'associationChange', ...change });
    return changed;
  }

  /**
   * Merges `mergedId` into `primaryId`: the merged record is archived, its associations move to the primary,
   * and the primary lists it in hs_merged_object_ids, like HubSpot's merge.
   */
  mergeRecords(type: SandboxObjectType, primaryId: string, mergedId: string, now: number): boolean {
    const table = this.tables[type];
    const primary = table.get(primaryId);
    const merged = table.get(mergedId);
    if (
      primary === undefined ||
      merged === undefined ||
      primary.archived ||
      merged.archived ||
      primaryId === mergedId
    ) {
      return false;
    }
    for (const toType of sandboxObjectTypes) {
      for (const toId of [...this.associations.ids(type, mergedId, toType)]) {
        this.associations.add(type, primaryId, toType, toId);
      }
    }
    const previous = primary.properties.hs_merged_object_ids;
    table.update(
      primaryId,
      {
        hs_merged_object_ids:
          previous === undefined || previous === '' ? mergedId : `${previous};${mergedId}`,
      },
      now,
    );
    table.archive(mergedId, now);
    this.associations.removeAll(type, mergedId, sandboxObjectTypes);
    this.#emit({
      kind: 'merge',
      objectType: type,
      objectId: primaryId,
      mergedObjectIds: [mergedId],
      at: now,
    });
    return true;
  }

  /** Counts of live (not archived) records per type. */
  counts(): Record<SandboxObjectType, number> {
    const counts = {} as Record<SandboxObjectType, number>;
    for (const type of sandboxObjectTypes) {
      let live = 0;
      for (const record of this.tables[type].all()) if (!record.archived) live += 1;
      counts[type] = live;
    }
    return counts;
  }
}
