import express, { Router } from 'express';

import { createAssociationBatchRoutes } from './association-batch-routes.ts';
import { createAssociationRoutes } from './association-routes.ts';
import { createBatchRoutes } from './batch-routes.ts';
import { createBatchWriteRoutes } from './batch-write-routes.ts';
import { crmErrorHandler } from './crm-errors.ts';
import { createListRoutes } from './list-routes.ts';
import { createObjectRoutes } from './object-routes.ts';
import { createOwnerRoutes } from './owner-routes.ts';
import { createPipelineRoutes } from './pipeline-routes.ts';
import { createPropertyGroupRoutes } from './property-group-routes.ts';
import { createPropertyRoutes } from './property-routes.ts';
import { createSearchRoutes } from './search-routes.ts';

/**
 * The HubSpot CRM API of the sandbox (objects v3 with batch and search, associations v4, properties and
 * groups, owners, pipelines) in HubSpot's wire format. Mounted at the root behind the auth middleware, which
 * sets the request context. Bad input is answered with HubSpot's 400 body, never a crash.
 */
export function createCrmRoutes(): Router {
  const router = Router();
  // A no-op when the app parsed the body already; keeps the routes whole when mounted on a bare app.
  router.use('/crm', express.json({ limit: '5mb' }));
  router.use(createObjectRoutes());
  router.use(createBatchRoutes());
  router.use(createBatchWriteRoutes());
  router.use(createSearchRoutes());
  router.use(createAssociationRoutes());
  router.use(createAssociationBatchRoutes());
  router.use(createPropertyGroupRoutes());
  router.use(createPropertyRoutes());
  router.use(createOwnerRoutes());
  router.use(createPipelineRoutes());
  router.use(createListRoutes());
  router.use('/crm', crmErrorHandler);
  return router;
}
