import type { Kysely } from 'kysely';

import { defaultHealthModel } from '../health/model/default-health-model.ts';
import { healthModelSchema } from '../health/model/health-model-schema.ts';
import { modelProperties } from '../health/model/model-properties.pure.ts';
import type { Database } from '../store/database-schema.ts';
import { findCurrentHealthModel } from '../store/repositories/health-models-repository.ts';
import { findCurrentSettings } from '../store/repositories/settings-repository.ts';
import { parseMappedProperties, type MappedProperties } from './sync-catalog.pure.ts';

/**
 * The extra properties a portal's sync reads: the admin's mapped ones from settings plus every property the
 * portal's health model scores (a custom indicator, a remapped usage property). When the list grows the sync
 * re-reads that type in full, so a new indicator has data at the next sync.
 */
export async function loadMappedProperties(
  db: Kysely<Database>,
  portalId: number,
): Promise<MappedProperties> {
  const mapped = parseMappedProperties((await findCurrentSettings(db, portalId))?.settings);
  const stored = await findCurrentHealthModel(db, portalId);
  const parsed = stored === undefined ? undefined : healthModelSchema.safeParse(stored.model);
  const model = parsed?.success === true ? parsed.data : defaultHealthModel;
  const needed = modelProperties(model);
  return {
    ...mapped,
    companies: [...new Set([...(mapped.companies ?? []), ...needed.companies])],
    tickets: [...new Set([...(mapped.tickets ?? []), ...needed.tickets])],
  };
}
