import type { Kysely } from 'kysely';

import { AppError } from '../../shared/errors/app-error.ts';
import type { Database, HealthModelSource } from '../../store/database-schema.ts';
import {
  findCurrentHealthModel,
  saveHealthModelVersion,
} from '../../store/repositories/health-models-repository.ts';
import { defaultHealthModel } from './default-health-model.ts';
import { healthModelSchema, type HealthModel } from './health-model-schema.ts';

export interface ActiveHealthModel {
  version: number;
  model: HealthModel;
  source: HealthModelSource;
  createdBy: string;
  createdAt: Date;
}

/**
 * The portal's current model. A portal that never had one gets the default saved as version 1 (audited like
 * any other change), so every stored score names a model version that can be shown later.
 */
export async function loadActiveHealthModel(
  db: Kysely<Database>,
  portalId: number,
): Promise<ActiveHealthModel> {
  let stored = await findCurrentHealthModel(db, portalId);
  if (stored === undefined) {
    await saveHealthModelVersion(db, portalId, defaultHealthModel, { source: 'default', actor: 'harbor' });
    stored = await findCurrentHealthModel(db, portalId);
  }
  if (stored === undefined) throw new AppError('INTERNAL', 'the default health model could not be saved');
  const parsed = healthModelSchema.safeParse(stored.model);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `health model v${stored.version} of portal ${portalId} is invalid`,
      {
        details: { issues: parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.')) },
        isOperational: false,
      },
    );
  }
  return {
    version: stored.version,
    model: parsed.data,
    source: stored.source,
    createdBy: stored.createdBy,
    createdAt: stored.createdAt,
  };
}
