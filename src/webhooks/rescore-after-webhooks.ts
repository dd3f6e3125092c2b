import type { RescoreQueue } from '../health/rescore-queue/rescore-queue.ts';
import type { Logger } from '../shared/logger.ts';
import type { WebhookProcessingOptions } from './processor/webhook-processor.ts';

/**
 * What the service does once a webhook batch is applied: queues the companies it changed for a rescoring and
 * drains the portal's queue at once, so their scores, write-back and, through onScored, their signals follow
 * the change within seconds instead of at the next sync. The request is stored before any scoring starts: a
 * sync or another rescoring holding the portal leaves it queued, and the rescore-queue job takes it as soon
 * as the portal is free. A failure is thrown for the processor to log; the batch stays applied.
 */
export function rescoreAfterWebhooks(
  queue: Pick<RescoreQueue, 'requestAndDrain'>,
  logger: Logger,
): NonNullable<WebhookProcessingOptions['onBatchApplied']> {
  return async (portalId, companyIds) => {
    const outcome = await queue.requestAndDrain(portalId, companyIds);
    if (outcome.status === 'busy')
      logger.info(
        { portalId, companies: companyIds.length },
        'the portal is being synced or scored; its companies changed by webhooks are queued and rescored right after',
      );
  };
}
