import { npsReportWire, surveyListResultWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { actorOf } from '../../health/health-score-routes.ts';
import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery } from '../../http/route-table/wire-schemas.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { reportQuerySchema } from '../report-query-schema.ts';
import { buildNpsReport } from './build-nps-report.ts';
import { buildSurveyList, type SurveyListGateway } from './survey-list.ts';

export interface NpsRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /** HubSpot lists through the gateway; absent where HubSpot is not reachable (the list request answers 503). */
  surveyLists?: { gatewayFor: (portalId: number) => SurveyListGateway } | undefined;
}

/** `harbor report nps`' flags as query parameters. */

const examplePortal = { portalId: '9000001', userId: '7001' };

/**
 * The NPS programme for the home page "NPS": the report (a read, signed like every page's request) and the
 * survey list (a write by a user of the portal, audited). The card's NPS history comes with the company view.
 */
export function npsRoutes(deps: NpsRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/reports/nps',
      summary:
        'NPS, CSAT and CES per segment and period with n and 95 % intervals; survey due; detractor loop',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: reportQuerySchema,
      body: noBody,
      response: npsReportWire,
      example: { query: { ...examplePortal, period: 'quarter' } },
      async handler({ identity, query, log }) {
        const body = await buildNpsReport(
          { db: deps.db, logger: log, portalId: identity.portalId, now: deps.now() },
          query,
        );
        return { kind: 'json', body };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/reports/nps/survey-list',
      summary:
        'puts the contacts of the customers due a survey on the period’s static HubSpot list (audited)',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'member' },
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: surveyListResultWire,
      example: { query: examplePortal, body: {} },
      async handler({ identity }) {
        if (deps.surveyLists === undefined)
          throw new AppError('SERVICE_UNAVAILABLE', 'HubSpot lists are not reachable from this instance');
        const body = await buildSurveyList(
          { db: deps.db, logger: deps.logger, gatewayFor: deps.surveyLists.gatewayFor },
          identity.portalId,
          actorOf(identity),
          deps.now(),
        );
        return { kind: 'json', body };
      },
    }),
  ];
}
