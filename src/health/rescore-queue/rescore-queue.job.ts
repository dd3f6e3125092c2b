import type { Job } from '../../jobs/job.ts';
import { listPortalsWithPendingRescores } from '../../store/repositories/rescore-queue-repository.ts';
import type { RescoreQueue } from './rescore-queue.ts';

/** Every 3 seconds (node-cron's optional seconds field comes first). */
export const defaultRescoreQueueSchedule = '*/3 * * * * *';

/**
 * The periodic pass over the rescore queue: what a drain could not do at once (a sync held the portal, the
 * instance that queued it died, a rescoring failed) is done within seconds of the portal coming free. No job
 * lease: each drain takes the portal's sync lease itself, under its own name, so it never runs beside a sync.
 */
export function rescoreQueueJob(
  queue: Pick<RescoreQueue, 'drain'>,
  schedule = defaultRescoreQueueSchedule,
): Job {
  return {
    name: 'rescore-queue',
    schedule,
    portals: (deps) => listPortalsWithPendingRescores(deps.db),
    async run(_deps, context) {
      const outcome = await queue.drain(context.portalId);
      if (outcome.companies > 0)
        context.logger.info({ ...outcome }, 'rescored the companies waiting in the queue');
    },
  };
}
