import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { loadScoreTimes } from '../../store/repositories/rescore-scope-repository.ts';
import { DAY_MS } from '../engine/property-values.pure.ts';

export type RescoreScope = { kind: 'full'; reason: string } | { kind: 'changed'; since: Date };

/**
 * Whether a rescoring after a sync must cover every company or only those whose data changed. Every
 * company is rescored at least once a UTC day (its "days since" indicators, trends and dwell move with the
 * calendar) and whenever the model changed; in between, only companies the sync touched.
 */
export async function decideRescoreScope(
  db: Kysely<Database>,
  portalId: number,
  modelVersion: number,
  now: Date,
): Promise<RescoreScope> {
  const times = await loadScoreTimes(db, portalId, modelVersion);
  if (times.oldest === null || times.newest === null) return { kind: 'full', reason: 'first scoring' };
  if (times.staleModel) return { kind: 'full', reason: 'the model changed' };
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  if (times.oldest.getTime() < today) return { kind: 'full', reason: 'the daily rescoring' };
  return { kind: 'changed', since: times.newest };
}
