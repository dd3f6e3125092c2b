import type { WeeklyReviewWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { toSignalWire } from '../signals/signal-wire.ts';
import type { Database } from '../store/database-schema.ts';
import { latestWeeklyReviewAt, listPlanCompanyIds } from '../store/repositories/action-plans-repository.ts';
import { listSignals } from '../store/repositories/signals-repository.ts';
import { loadActionPlans } from './load-action-plans.ts';
import { buildWeeklyReview } from './weekly-review.pure.ts';

// Enough for the escalated list whatever the portal: it shows at most 200.
const activeSignalsRead = 5_000;

/** The portal's weekly review as of `now`: what `GET /api/review`, `harbor review` and the review job show. */
export async function buildPortalReview(
  db: Kysely<Database>,
  portalId: number,
  now: Date,
): Promise<WeeklyReviewWire> {
  const companyIds = await listPlanCompanyIds(db, portalId);
  const [plans, signals, lastReviewTasksAt] = await Promise.all([
    loadActionPlans(db, portalId, companyIds, now),
    listSignals(db, portalId, { activeOnly: true, limit: activeSignalsRead }),
    latestWeeklyReviewAt(db, portalId),
  ]);
  const at = now.getTime();
  return buildWeeklyReview(
    {
      plans,
      signals: signals.map((signal) => toSignalWire(signal, at)),
      lastReviewTasksAt: lastReviewTasksAt?.getTime() ?? null,
    },
    at,
  );
}
