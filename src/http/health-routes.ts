import { Router } from 'express';
import type { Registry } from 'prom-client';

import type { Database } from '../store/database-schema.ts';
import { checkDatabaseReadiness } from '../store/database-readiness.ts';
import type { Kysely } from 'kysely';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. /metrics. */
export function createHealthRoutes(db: Kysely<Database>, metrics: Registry): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkDatabaseReadiness(db);
    res
      .status(readiness.isReady ? 200 : 503)
      .json({ status: readiness.isReady ? 'ready' : 'not ready', ...readiness.detail });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  return router;
}
