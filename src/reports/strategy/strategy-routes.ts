import { retentionStrategyWire } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams } from '../../http/route-table/wire-schemas.ts';
import type { Database } from '../../store/database-schema.ts';
import { reportQueryFields } from '../report-query-schema.ts';
import { loadRetentionStrategy } from './load-retention-strategy.ts';

export interface StrategyRouteDeps {
  db: Kysely<Database>;
  now: () => Date;
}

/** The CLI's flags as query parameters; `to` names the last day that counts (periods ending by it are complete). */
const strategyQuery = z.strictObject({
  period: reportQueryFields.period,
  segment: reportQueryFields.segment,
  to: reportQueryFields.to,
  ownerId: reportQueryFields.ownerId,
});

/** The retention strategy for the home page: a read of the portal, signed like every page's request. */
export function strategyRoutes(deps: StrategyRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/reports/strategy',
      summary: 'the retention plan per segment: triggers on, playbooks, targets, metrics against them, trend',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: strategyQuery,
      body: noBody,
      response: retentionStrategyWire,
      example: { query: { portalId: '9000001', userId: '7001', period: 'quarter' } },
      async handler({ identity, query, log }) {
        const body = await loadRetentionStrategy(
          { db: deps.db, logger: log, portalId: identity.portalId, now: deps.now() },
          query,
        );
        return { kind: 'json', body };
      },
    }),
  ];
}
