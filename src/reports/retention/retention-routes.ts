import { retentionReportWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams } from '../../http/route-table/wire-schemas.ts';
import type { Database } from '../../store/database-schema.ts';
import { reportQuerySchema } from '../report-query-schema.ts';
import { buildRetentionReport } from './build-retention-report.ts';

export interface RetentionRouteDeps {
  db: Kysely<Database>;
  now: () => Date;
}

/** `harbor report retention`'s flags as query parameters (the owner as `ownerId`). */

/** The retention report for the home page "Retention": a read of the portal, signed like every page's request. */
export function retentionRoutes(deps: RetentionRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/reports/retention',
      summary:
        'GRR, NRR, logo and revenue churn of each period’s starting customers, per segment and for all',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: reportQuerySchema,
      body: noBody,
      response: retentionReportWire,
      example: { query: { portalId: '9000001', userId: '7001', period: 'quarter' } },
      async handler({ identity, query, log }) {
        const body = await buildRetentionReport(deps.db, identity.portalId, query, deps.now(), log);
        return { kind: 'json', body };
      },
    }),
  ];
}
