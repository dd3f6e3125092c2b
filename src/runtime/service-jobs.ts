import type { Config } from '../config/config-schema.ts';
import type { HealthServices } from '../health/health-services.ts';
import { createRescoreQueue, type RescoreQueue } from '../health/rescore-queue/rescore-queue.ts';
import { rescoreQueueJob } from '../health/rescore-queue/rescore-queue.job.ts';
import { incrementalSyncJob } from '../jobs/incremental-sync.job.ts';
import { nightlyReconcileJob } from '../jobs/nightly-reconcile.job.ts';
import { createScheduler } from '../jobs/scheduler.ts';
import { signalActionsJob, type SignalActionsJobDeps } from '../jobs/signal-actions.job.ts';
import { reportAlertSources } from '../reports/alerts/alert-sources.ts';
import { reportAlertsJob } from '../reports/alerts/report-alerts.job.ts';
import { feedbackDigestJob } from '../reports/digest/feedback-digest.job.ts';
import { weeklyReviewJob } from '../review/weekly-review.job.ts';
import { runSync } from '../sync/run-sync.ts';
import type { SyncDeps } from '../sync/sync-types.ts';
import {
  createWebhookProcessorLoop,
  type WebhookProcessorLoop,
} from '../webhooks/processor/webhook-processor-loop.ts';
import { rescoreAfterWebhooks } from '../webhooks/rescore-after-webhooks.ts';
import { webhookProcessingJob } from '../webhooks/webhook-processing.job.ts';

export interface ServiceJobs {
  /** Told by the webhook intake which portals it stored events for. */
  webhookProcessor: WebhookProcessorLoop;
  /** Rescorings on demand (webhook and ingest batches), coalesced per company in the database. */
  rescoreQueue: RescoreQueue;
  start(): void;
  /** True when every job stopped before the deadline. */
  stop(timeoutMs: number): Promise<boolean>;
}

/**
 * The service's background work, built idle: the scheduler (incremental sync, nightly reconciliation, the
 * webhook sweep) and the webhook processing loop. Nothing ticks until start(), so the server listens first.
 */
export function buildServiceJobs(
  config: Config,
  syncDeps: SyncDeps,
  health: HealthServices,
  owner: string,
  actionServices: SignalActionsJobDeps,
): ServiceJobs {
  // Rescorings on demand wait in the database, so none is lost to a held lease or a dead instance.
  const rescoreQueue = createRescoreQueue({
    ...syncDeps,
    leaseOwner: `${owner}:rescore`,
    rescore: (portalId, companyIds) => health.rescore(portalId, { companyIds }),
  });
  // The scheduler's webhook-processing job is the periodic sweep; the loop's own is only a backstop.
  const webhookProcessor = createWebhookProcessorLoop(syncDeps, {
    intervalMs: 600_000,
    leaseOwner: `${owner}:webhooks`,
    // The companies a batch changed are rescored at once, so their signals follow webhooks too.
    onBatchApplied: rescoreAfterWebhooks(rescoreQueue, syncDeps.logger),
  });
  const incremental = incrementalSyncJob(config.SYNC_INCREMENTAL_CRON);
  const scheduler = createScheduler({
    deps: {
      ...syncDeps,
      runSync,
      webhookProcessor,
      afterSync: (portalId) => health.rescore(portalId, { scope: 'auto' }),
    },
    jobs: [
      incremental,
      nightlyReconcileJob(config.SYNC_RECONCILE_CRON),
      webhookProcessingJob(),
      rescoreQueueJob(rescoreQueue),
      signalActionsJob(actionServices),
      // Review tasks go through createTaskOnce, whose claims this instance holds.
      weeklyReviewJob({ instanceId: owner, appId: config.HUBSPOT_APP_ID }),
      // Trend alerts of the retention and NPS figures; the CS lead's tasks go through createTaskOnce too.
      reportAlertsJob({ instanceId: owner, sources: reportAlertSources(syncDeps.logger) }),
      // Last month's feedback digest to the product owner, under its own lease; tasks via createTaskOnce.
      feedbackDigestJob({ instanceId: owner, appId: config.HUBSPOT_APP_ID }),
    ],
    owner,
  });
  return {
    webhookProcessor,
    rescoreQueue,
    start() {
      webhookProcessor.start();
      scheduler.start();
      if (!config.SYNC_ON_START) return;
      syncDeps.logger.info({ owner }, 'syncing every active portal once at start');
      void scheduler.runNow(incremental).then((results) => {
        syncDeps.logger.info({ portals: Object.fromEntries(results) }, 'start-up sync finished');
      });
    },
    async stop(timeoutMs) {
      const [isClean] = await Promise.all([scheduler.stop(timeoutMs), webhookProcessor.stop()]);
      return isClean;
    },
  };
}
