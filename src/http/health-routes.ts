import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import { z } from 'zod';

import type { Database } from '../store/database-schema.ts';
import { checkDatabaseReadiness } from '../store/database-readiness.ts';
import { defineRoute, type RouteSpec } from './route-table/route-spec.ts';
import { noBody, noParams, noQuery } from './route-table/wire-schemas.ts';

const publicRead = { auth: { kind: 'public' }, identity: { kind: 'none' }, effect: 'read' } as const;

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. /metrics. */
export function serviceHealthRoutes(deps: { db: Kysely<Database>; metrics: Registry }): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/healthz',
      summary: 'the process answers',
      ...publicRead,
      params: noParams,
      query: noQuery,
      body: noBody,
      response: z.strictObject({ status: z.literal('ok') }),
      example: {},
      handler: () => ({ kind: 'json', body: { status: 'ok' as const } }),
    }),
    defineRoute({
      method: 'GET',
      path: '/readyz',
      summary: 'the database answers and every migration is applied',
      ...publicRead,
      params: noParams,
      query: noQuery,
      body: noBody,
      response: z.strictObject({
        status: z.enum(['ready', 'not ready']),
        database: z.enum(['up', 'down']),
        pendingMigrations: z.array(z.string()).optional(),
      }),
      example: {},
      async handler() {
        const readiness = await checkDatabaseReadiness(deps.db);
        return {
          kind: 'json',
          status: readiness.isReady ? 200 : 503,
          body: {
            status: readiness.isReady ? ('ready' as const) : ('not ready' as const),
            ...readiness.detail,
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/metrics',
      summary: 'Prometheus metrics',
      ...publicRead,
      params: noParams,
      query: noQuery,
      body: noBody,
      response: z.never(),
      example: {},
      async handler() {
        return { kind: 'text', contentType: deps.metrics.contentType, body: await deps.metrics.metrics() };
      },
    }),
  ];
}
