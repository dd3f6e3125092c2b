import type { HealthServices } from '../health/health-services.ts';
import { isAppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { WebhookProcessingOptions } from './processor/webhook-processor.ts';

/**
 * What the service does once a webhook batch is applied: rescores the companies it changed, under the
 * portal's rescore lease (rescoreNow), so their scores and, through onScored, their signals follow the
 * change within seconds instead of at the next sync. A sync or another rescoring holding the portal is no
 * failure: a sync ends by rescoring every company changed since the last scoring, and the daily full
 * rescoring catches the rest. Anything else is thrown for the processor to log; the batch stays applied.
 */
export function rescoreAfterWebhooks(
  health: Pick<HealthServices, 'rescoreNow'>,
  logger: Logger,
): NonNullable<WebhookProcessingOptions['onBatchApplied']> {
  return async (portalId, companyIds) => {
    try {
      await health.rescoreNow(portalId, { companyIds });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
      logger.info(
        { portalId, companies: companyIds.length },
        'the portal is being synced or scored; its companies changed by webhooks are rescored after the sync',
      );
    }
  };
}
