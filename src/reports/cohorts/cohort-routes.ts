import { cohortReportWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams } from '../../http/route-table/wire-schemas.ts';
import type { Database } from '../../store/database-schema.ts';
import { reportQuerySchema } from '../report-query-schema.ts';
import { buildCohortReport } from './build-cohort-report.ts';

export interface CohortRouteDeps {
  db: Kysely<Database>;
  now: () => Date;
}

/** `harbor report cohorts`' flags as query parameters. */

/** The cohort report for the home page "Cohorts": a read of the portal, signed like every page's request. */
export function cohortRoutes(deps: CohortRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/reports/cohorts',
      summary:
        'Kaplan–Meier survival of customers by start quarter, logos and revenue, with the table behind it',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: reportQuerySchema,
      body: noBody,
      response: cohortReportWire,
      example: { query: { portalId: '9000001', userId: '7001', period: 'quarter' } },
      async handler({ identity, query, log }) {
        const body = await buildCohortReport(deps.db, log, identity.portalId, query, deps.now());
        return { kind: 'json', body };
      },
    }),
  ];
}
