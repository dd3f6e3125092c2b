import type { SandboxStore } from '../store/sandbox-store.ts';
import type { PropertyVersion, SandboxObjectType, SandboxRecord } from '../store/sandbox-types.ts';

/**
 * Stores a generated record silently (bulk load: no change events). The caller builds `properties` as one
 * object literal with every key in a fixed order, system properties included, so all records of a type share
 * a hidden class.
 */
export function insertGenerated(
  store: SandboxStore,
  type: SandboxObjectType,
  id: string,
  properties: Record<string, string>,
  createdAt: number,
  updatedAt: number,
  history?: Record<string, PropertyVersion[]>,
): void {
  const record: SandboxRecord =
    history === undefined
      ? { id, properties, createdAt, updatedAt, archived: false }
      : { id, properties, createdAt, updatedAt, archived: false, history };
  store.tables[type].insert(record);
}
