import { homeAtRiskDefaultLimit, homeAtRiskMaxLimit, homeListCap, homeViewWire } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams, pageLimit } from '../../http/route-table/wire-schemas.ts';
import { listPortfolioAlerts } from '../../store/repositories/report-alerts-repository.ts';
import type { Database } from '../../store/database-schema.ts';
import { listCalibrationProposals } from '../../store/repositories/health-calibration-repository.ts';
import { findPortalAccount } from '../../store/repositories/portals-repository.ts';
import {
  countTiersBySegment,
  listAtRiskCompanies,
  listTierChanges,
  listUpcomingRenewals,
  summarizeAtRisk,
} from '../../store/repositories/home-view-repository.ts';
import { assembleHomeView, atRiskCursorSyntax, decodeAtRiskCursor, homeWindows } from './home-view.pure.ts';

export interface HomeViewDeps {
  db: Kysely<Database>;
  now: () => Date;
}

const homeQuery = z.strictObject({
  // With every list full and every text at its longest the answer is about 95 kB (home-view-size.test.ts).
  limit: pageLimit(homeAtRiskMaxLimit, homeAtRiskDefaultLimit),
  cursor: z
    .string()
    .regex(atRiskCursorSyntax, 'must be the nextCursor of the previous page')
    .optional()
    .transform((cursor) => (cursor === undefined ? undefined : decodeAtRiskCursor(cursor))),
});

// A report whose shape is too old to read is skipped for the next one; a few are enough to find one.
const calibrationsRead = 5;

/** The app home page's one view endpoint (the portfolio), read-only, for any user of an installed portal. */
export function homeViewRoutes(deps: HomeViewDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/views/home',
      summary: 'the portfolio: tiers per segment, at-risk companies by contract value, changes, renewals',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: homeQuery,
      body: noBody,
      response: homeViewWire,
      example: { query: { portalId: '9000001', userId: '7001', limit: String(homeAtRiskMaxLimit) } },
      async handler({ identity: { portalId }, query }) {
        const now = deps.now();
        const windows = homeWindows(now);
        const [tierCounts, atRiskSummary, atRiskRows, tierChanges, renewals, calibrations, account, alerts] =
          await Promise.all([
            countTiersBySegment(deps.db, portalId),
            summarizeAtRisk(deps.db, portalId),
            listAtRiskCompanies(deps.db, portalId, { limit: query.limit + 1, after: query.cursor }),
            listTierChanges(deps.db, portalId, {
              since: windows.tierChangesSince,
              until: now,
              limit: homeListCap,
            }),
            listUpcomingRenewals(deps.db, portalId, {
              fromDay: windows.renewalsFrom,
              toDay: windows.renewalsTo,
              limit: homeListCap,
            }),
            listCalibrationProposals(deps.db, portalId, { limit: calibrationsRead }),
            findPortalAccount(deps.db, portalId),
            listPortfolioAlerts(deps.db, portalId, now),
          ]);
        return {
          kind: 'json',
          body: {
            portfolioAlerts: alerts,
            ...assembleHomeView(
              {
                tierCounts,
                atRiskSummary,
                atRiskRows,
                atRiskLimit: query.limit,
                tierChanges,
                renewals,
                calibrations,
                currency: account?.companyCurrency ?? null,
              },
              now,
            ),
          },
        };
      },
    }),
  ];
}
