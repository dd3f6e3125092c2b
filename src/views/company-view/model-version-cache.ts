import type { HealthModel } from '../../health/model/health-model-schema.ts';

/**
 * Parsed health models by portal and version. A saved version never changes (edits save a new one), so a
 * version parsed once serves every later card without reading or validating its JSON again. Bounded: the
 * oldest entry goes when a new one would exceed `maxEntries`.
 */
export interface ModelVersionCache {
  get(portalId: number, version: number): HealthModel | undefined;
  set(portalId: number, version: number, model: HealthModel): void;
}

export function createModelVersionCache(maxEntries = 1_000): ModelVersionCache {
  const entries = new Map<string, HealthModel>();
  return {
    get: (portalId, version) => entries.get(`${portalId}:${version}`),
    set(portalId, version, model) {
      const key = `${portalId}:${version}`;
      entries.delete(key);
      entries.set(key, model);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
  };
}
