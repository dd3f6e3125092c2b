import express, { type Express, type RequestHandler } from 'express';

import { createHealthScoreRoutes } from '../health/health-score-routes.ts';
import { createInstallRoutes } from '../install/install-routes.ts';
import { createSyncStatusRoutes } from '../sync/sync-status-routes.ts';
import { createWebhookIntakeRoutes } from '../webhooks/webhook-intake-routes.ts';
import type { AppDeps } from './app-deps.ts';
import { createErrorHandler, notFoundHandler } from './error-handler.ts';
import { createHealthRoutes } from './health-routes.ts';
import { createHttpMetrics } from './http-metrics.ts';
import { captureRawBody } from './raw-body.ts';
import { createRequestLogging } from './request-logging.ts';

/** Builds the Express app without listening, so tests and main.ts share exactly the same wiring. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(createRequestLogging(deps.logger));
  app.use(createHttpMetrics(deps.metrics));
  // Signatures cover the exact bytes HubSpot sent, so the raw body is kept beside the parsed one.
  app.use(express.json({ limit: deps.bodyLimit, verify: captureRawBody }));

  app.use(createHealthRoutes(deps.db, deps.metrics));
  app.use('/webhooks/hubspot', notifyWhenWebhooksStored(deps.onWebhookEventsStored));
  app.use(createWebhookIntakeRoutes(deps));
  app.use(createInstallRoutes(deps));
  app.use(createSyncStatusRoutes(deps));
  app.use(createHealthScoreRoutes(deps));

  app.use(notFoundHandler);
  app.use(createErrorHandler());
  return app;
}

/**
 * Tells the webhook processor which portals just had events stored, once the intake has answered 200 (so the
 * batch was verified, validated and stored): processing starts within milliseconds, not at the next sweep.
 */
function notifyWhenWebhooksStored(notify: AppDeps['onWebhookEventsStored']): RequestHandler {
  return (req, res, next) => {
    if (notify !== undefined && req.method === 'POST') {
      res.once('finish', () => {
        if (res.statusCode !== 200 || !Array.isArray(req.body)) return;
        const portals = new Set<number>();
        for (const event of req.body as unknown[]) {
          const portalId = (event as { portalId?: unknown } | null)?.portalId;
          if (typeof portalId === 'number') portals.add(portalId);
        }
        for (const portalId of portals) notify(portalId);
      });
    }
    next();
  };
}
