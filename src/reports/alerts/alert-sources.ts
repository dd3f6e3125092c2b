import type { Logger } from '../../shared/logger.ts';
import { buildNpsReport } from '../nps/build-nps-report.ts';
import { buildRetentionReport } from '../retention/build-retention-report.ts';
import type { AlertSources } from './report-alerts.job.ts';

/**
 * The alerts read the very reports a CS lead reads (`harbor report retention|nps`), so an alert never
 * disagrees with the figure on the Retention or NPS page.
 */
export function reportAlertSources(logger: Logger): AlertSources {
  return {
    retention: (db, portalId, query, now) => buildRetentionReport(db, portalId, query, now, logger),
    nps: (db, portalId, query, now) => buildNpsReport({ db, logger, portalId, now }, query),
  };
}
