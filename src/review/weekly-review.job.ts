import type { Job } from '../jobs/job.ts';
import { loadActionSettings } from '../signals/signal-settings-store.ts';
import { findWeeklyReview, recordWeeklyReview } from '../store/repositories/action-plans-repository.ts';
import { findPortalAccount, listActivePortalIds } from '../store/repositories/portals-repository.ts';
import { createTaskOnce } from '../tasks/create-task-once.ts';
import type { TaskDeps } from '../tasks/task-deps.ts';
import { reviewPageUrl, reviewTask } from './review-task.pure.ts';
import { buildPortalReview } from './weekly-review.ts';
import { dueReviewWeek } from './weekly-review.pure.ts';

/**
 * Every hour at minute 7 (UTC): a portal's review hour is a whole hour of its own zone, so the first tick
 * after it comes within the hour (zones offset by half an hour wait 30 minutes more), off the minute the
 * syncs start on.
 */
export const defaultWeeklyReviewSchedule = '7 * * * *';

export interface WeeklyReviewJobOptions {
  /** Holder of the review tasks' claims (INSTANCE_ID). */
  instanceId: string;
  /** Harbor's HubSpot app id, for a link to the review page; without it the task says where the page is. */
  appId?: string | undefined;
  schedule?: string;
}

export type WeeklyReviewOutcome =
  | { status: 'not_due' | 'done' }
  | { status: 'made'; week: string; owners: number; tasksCreated: number }
  /** Some owner's task is not made yet (HubSpot failed, or another instance is making it): next hour again. */
  | { status: 'incomplete'; week: string; missing: number };

/**
 * Makes the portal's review of this week once its day and hour have come in the portal's zone: one task per
 * owner with at-risk or expansion accounts, then the week's `weekly_reviews` row. Each task's key is the
 * owner and the week, so a rerun, a crash between tasks or a second instance never makes a second one; the
 * row is written only when every owner has their task, so a failed owner is tried again next hour.
 */
export async function runWeeklyReview(
  deps: TaskDeps & { now: () => Date },
  portalId: number,
  options: Pick<WeeklyReviewJobOptions, 'appId'> = {},
): Promise<WeeklyReviewOutcome> {
  const now = deps.now();
  const [account, settings] = await Promise.all([
    findPortalAccount(deps.db, portalId),
    loadActionSettings(deps.db, deps.logger, portalId),
  ]);
  const week = dueReviewWeek(now.getTime(), account?.timeZone ?? null, settings.automations.weeklyReview);
  if (week === null) return { status: 'not_due' };
  if ((await findWeeklyReview(deps.db, portalId, week)) !== undefined) return { status: 'done' };

  const review = await buildPortalReview(deps.db, portalId, now);
  const { routing } = settings.signals;
  let owners = 0;
  let tasksCreated = 0;
  let missing = 0;
  for (const owner of review.owners) {
    const task = reviewTask(
      portalId,
      owner,
      {
        week,
        language: routing.taskLanguage,
        reviewUrl: reviewPageUrl(portalId, options.appId),
        unownedAssignee: routing.escalationOwnerId ?? routing.ownerFallbackId,
      },
      now.getTime(),
    );
    if (task === undefined) continue;
    owners += 1;
    try {
      const result = await createTaskOnce(deps, task);
      if (result.outcome === 'in_progress') missing += 1;
      else if (result.outcome === 'created') tasksCreated += 1;
    } catch (error) {
      missing += 1;
      deps.logger.warn(
        { err: error, portalId, key: task.key },
        'a weekly review task was not made; retrying next hour',
      );
    }
  }
  if (missing > 0) return { status: 'incomplete', week, missing };
  await recordWeeklyReview(deps.db, portalId, { week, owners, tasksCreated }, deps.now());
  deps.logger.info({ portalId, week, owners, tasksCreated }, 'weekly review tasks made');
  return { status: 'made', week, owners, tasksCreated };
}

/**
 * The weekly review job. No lease: the task keys and the week's row make it safe for two instances to run
 * it side by side, and it holds nothing a sync needs.
 */
export function weeklyReviewJob(options: WeeklyReviewJobOptions): Job {
  return {
    name: 'weekly-review',
    schedule: options.schedule ?? defaultWeeklyReviewSchedule,
    portals: (deps) => listActivePortalIds(deps.db),
    async run(deps, context) {
      await runWeeklyReview(
        {
          db: deps.db,
          gateway: deps.gateway,
          logger: context.logger,
          instanceId: options.instanceId,
          now: deps.now,
        },
        context.portalId,
        { appId: options.appId },
      );
    },
  };
}
