import express, { type Express } from 'express';

import type { AppDeps } from './app-deps.ts';
import { appRoutes } from './app-routes.ts';
import { createErrorHandler, notFoundHandler } from './error-handler.ts';
import { createHttpMetrics } from './http-metrics.ts';
import { captureRawBody } from './raw-body.ts';
import { createRequestLogging } from './request-logging.ts';
import { createRouteTableRouter } from './route-table/register-routes.ts';

/** Builds the Express app without listening, so tests and main.ts share exactly the same wiring. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(createRequestLogging(deps.logger));
  app.use(createHttpMetrics(deps.metrics));
  // Signatures cover the exact bytes HubSpot sent, so the raw body is kept beside the parsed one.
  app.use(express.json({ limit: deps.bodyLimit, verify: captureRawBody }));

  // Public pages for a browser, outside the route table: its signed calls go through the route table itself.
  if (deps.preview !== undefined) app.use('/preview', deps.preview.handler);
  app.use(createRouteTableRouter(appRoutes(deps), deps));

  app.use(notFoundHandler);
  app.use(createErrorHandler());
  return app;
}
