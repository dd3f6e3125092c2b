import {
  createdProperty,
  lastModifiedProperty,
  type SandboxObjectType,
  type SandboxRecord,
} from './sandbox-types.ts';

/** Where each type's ids start, so an id names its type at a glance and types never share ids. */
const idBase: Record<SandboxObjectType, number> = {
  companies: 10_000_000_000,
  deals: 20_000_000_000,
  tickets: 30_000_000_000,
  contacts: 40_000_000_000,
  feedback_submissions: 50_000_000_000,
  tasks: 60_000_000_000,
  notes: 70_000_000_000,
};

/**
 * The records of one object type, in id order (ids only grow, so insertion order is id order). Paging uses
 * the last id served as the cursor, like HubSpot's opaque `after`.
 */
export class ObjectTable {
  readonly type: SandboxObjectType;
  readonly #records = new Map<string, SandboxRecord>();
  readonly #order: string[] = [];
  #nextId: number;

  constructor(type: SandboxObjectType) {
    this.type = type;
    this.#nextId = idBase[type] + 1;
  }

  get size(): number {
    return this.#records.size;
  }

  /** Allocates the next id without storing anything (the generator builds records itself). */
  allocateId(): string {
    const id = String(this.#nextId);
    this.#nextId += 1;
    return id;
  }

  /** Stores a fully built record as is; no change event (used by the generator). */
  insert(record: SandboxRecord): void {
    if (this.#records.has(record.id)) throw new Error(`${this.type} ${record.id} already exists`);
    this.#records.set(record.id, record);
    this.#order.push(record.id);
  }

  get(id: string): SandboxRecord | undefined {
    return this.#records.get(id);
  }

  /** Creates a record with the system properties HubSpot sets itself. */
  create(properties: Record<string, string>, now: number): SandboxRecord {
    const id = this.allocateId();
    const record: SandboxRecord = {
      id,
      properties: {
        ...properties,
        hs_object_id: id,
        [createdProperty[this.type]]: new Date(now).toISOString(),
        [lastModifiedProperty[this.type]]: new Date(now).toISOString(),
      },
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
    this.insert(record);
    return record;
  }

  /**
   * Applies property changes, keeping the previous value in the record's history. Returns the names whose
   * value actually changed (HubSpot does not bump anything for a no-op write of the same value).
   */
  update(id: string, properties: Record<string, string>, now: number, sourceType = 'API'): string[] {
    const record = this.#records.get(id);
    if (record === undefined || record.archived) return [];
    const changed: string[] = [];
    for (const [name, value] of Object.entries(properties)) {
      const previous = record.properties[name];
      if (previous === value) continue;
      if (previous !== undefined) {
        record.history ??= {};
        const versions = (record.history[name] ??= [
          { value: previous, timestamp: record.updatedAt, sourceType: 'API' },
        ]);
        versions.unshift({ value, timestamp: now, sourceType });
      }
      record.properties[name] = value;
      changed.push(name);
    }
    if (changed.length > 0) {
      record.updatedAt = now;
      record.properties[lastModifiedProperty[this.type]] = new Date(now).toISOString();
    }
    return changed;
  }

  archive(id: string, now: number): boolean {
    const record = this.#records.get(id);
    if (record === undefined || record.archived) return false;
    record.archived = true;
    record.archivedAt = now;
    record.updatedAt = now;
    return true;
  }

  /** Up to `limit` records after the cursor id, in id order, filtered by archived state. */
  page(
    after: string | undefined,
    limit: number,
    archived: boolean,
  ): { records: SandboxRecord[]; nextAfter?: string } {
    let start = 0;
    if (after !== undefined) {
      start = this.#indexAfter(after);
    }
    const records: SandboxRecord[] = [];
    let index = start;
    for (; index < this.#order.length && records.length < limit; index += 1) {
      const record = this.#records.get(this.#order[index] ?? '');
      if (record?.archived === archived) records.push(record);
    }
    const hasMore = this.#hasMatchFrom(index, archived);
    const last = records.at(-1);
    return hasMore && last !== undefined ? { records, nextAfter: last.id } : { records };
  }

  /** Every record, archived ones included, in id order. */
  *all(): IterableIterator<SandboxRecord> {
    for (const id of this.#order) {
      const record = this.#records.get(id);
      if (record !== undefined) yield record;
    }
  }

  #hasMatchFrom(index: number, archived: boolean): boolean {
    for (let i = index; i < this.#order.length; i += 1) {
      if (this.#records.get(this.#order[i] ?? '')?.archived === archived) return true;
    }
    return false;
  }

  /** First position whose id is greater than `after` (binary search; ids are increasing integers). */
  #indexAfter(after: string): number {
    const target = Number(after);
    if (!Number.isFinite(target)) return this.#order.length;
    let low = 0;
    let high = this.#order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (Number(this.#order[mid]) <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
