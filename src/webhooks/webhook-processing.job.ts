import type { Job } from '../jobs/job.ts';
import { listPortalsWithPendingWebhookEvents } from '../store/repositories/webhook-changes-repository.ts';

/** Every 5 seconds (node-cron's optional seconds field comes first). */
export const defaultWebhookSweepSchedule = '*/5 * * * * *';

/**
 * The periodic sweep behind webhook processing: hands every portal with stored, unapplied events to the
 * processor loop, whichever instance stored them. The intake's own notification usually gets there first
 * (within ~50 ms); the sweep catches missed notifications, failed passes and events stored by an instance
 * that died. No lease here: the processor takes the portal's 'webhooks' lease per pass, and going through
 * the loop keeps it to one pass per portal in this process.
 */
export function webhookProcessingJob(schedule = defaultWebhookSweepSchedule): Job {
  return {
    name: 'webhook-processing',
    schedule,
    portals: (deps) => listPortalsWithPendingWebhookEvents(deps.db),
    run(deps, context) {
      deps.webhookProcessor.notify(context.portalId);
      return Promise.resolve();
    },
  };
}
