import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { SandboxObjectType, SandboxRecord } from '../../store/sandbox-types.ts';

/** `idProperty` values that mean "the record id" rather than a unique property. */
function isRecordIdProperty(idProperty: string | undefined): boolean {
  return idProperty === undefined || idProperty === '' || idProperty === 'hs_object_id';
}

/**
 * Finds records by id or by a unique property's value (`idProperty`), among archived or live records only,
 * as HubSpot's `archived` flag selects. Property values match case-insensitively (emails and domains).
 */
export class RecordLookup {
  readonly #store: SandboxStore;
  readonly #type: SandboxObjectType;
  readonly #idProperty: string | undefined;
  readonly #archived: boolean;
  #index: Map<string, SandboxRecord> | undefined;

  constructor(
    store: SandboxStore,
    type: SandboxObjectType,
    idProperty: string | undefined,
    archived = false,
  ) {
    this.#store = store;
    this.#type = type;
    this.#idProperty = isRecordIdProperty(idProperty) ? undefined : idProperty;
    this.#archived = archived;
  }

  find(id: string): SandboxRecord | undefined {
    if (this.#idProperty === undefined) {
      const record = this.#store.tables[this.#type].get(id);
      return record?.archived === this.#archived ? record : undefined;
    }
    const record = this.#buildIndex().get(id.toLowerCase());
    return record?.archived === this.#archived ? record : undefined;
  }

  /** Keeps the index in step after a create (upsert creates records that later inputs may name). */
  remember(record: SandboxRecord): void {
    if (this.#idProperty === undefined || this.#index === undefined) return;
    const value = record.properties[this.#idProperty];
    if (value !== undefined && value !== '') this.#index.set(value.toLowerCase(), record);
  }

  // One scan per request, so a batch of 100 lookups does not scan the table 100 times.
  #buildIndex(): Map<string, SandboxRecord> {
    if (this.#index !== undefined) return this.#index;
    const index = new Map<string, SandboxRecord>();
    const property = this.#idProperty ?? 'hs_object_id';
    for (const record of this.#store.tables[this.#type].all()) {
      if (record.archived !== this.#archived) continue;
      const value = record.properties[property];
      if (value !== undefined && value !== '' && !index.has(value.toLowerCase())) {
        index.set(value.toLowerCase(), record);
      }
    }
    this.#index = index;
    return index;
  }
}
