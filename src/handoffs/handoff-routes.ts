import { companyHandoffsWire, handoffRequestWire, handoffWire } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { actorOf } from '../health/health-score-routes.ts';
import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import { crmObjectId, noBody, noParams, noQuery } from '../http/route-table/wire-schemas.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import {
  listOpenCompanyDeals,
  loadCompanyName,
  type HandoffRow,
} from '../store/repositories/handoffs-repository.ts';
import { automationHandoffKey, financeHandoffKey } from './handoff-keys.pure.ts';
import type { HandoffRequest } from './handoff-service.ts';
import { handoffWires, loadCompanyHandoffs } from './load-company-handoffs.ts';

/** What the routes need of the hand-off service (src/handoffs/handoff-service.ts, bound to the task deps). */
export interface HandoffRunner {
  handOff(portalId: number, request: HandoffRequest): Promise<HandoffRow>;
}

export interface HandoffRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /** Absent where HubSpot tasks are not created (tests, the preview): the request then answers 503. */
  handoffs?: HandoffRunner | undefined;
}

const listQuery = z.strictObject({ companyId: crmObjectId });
const examplePortal = { portalId: '9000001', userId: '7001' };

/**
 * The company card's hand-offs: the list (with the company's open deals for the finance request, and which
 * destinations are set up), and a person's request — the renewal to finance, or an automation. Reading needs
 * a signed request of the portal; a request needs one of its users, whom the hand-off names.
 */
export function handoffRoutes(deps: HandoffRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/handoffs',
      summary: "a company's hand-offs (newest first), its open deals and which destinations are routed",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: listQuery,
      body: noBody,
      response: companyHandoffsWire,
      example: { query: { ...examplePortal, companyId: '1001' } },
      async handler({ identity: { portalId }, query }) {
        // A company of another portal, or one Harbor has not synced, has no hand-offs to show.
        if ((await loadCompanyName(deps.db, portalId, query.companyId)) === undefined)
          throw new AppError('NOT_FOUND', `Company ${query.companyId} is not known`);
        const block = await loadCompanyHandoffs(deps.db, deps.logger, portalId, query.companyId);
        return { kind: 'json', body: { companyId: query.companyId, ...block } };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/handoffs',
      summary: 'a user hands the renewal to finance or asks for an automation: a task for that team, logged',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'member' },
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: handoffRequestWire,
      response: handoffWire,
      example: {
        query: examplePortal,
        body: { kind: 'automation', companyId: '1001', note: 'Remind the CSM 120 days before each renewal' },
      },
      async handler({ identity, body }) {
        const { portalId } = identity;
        if (deps.handoffs === undefined)
          throw new AppError('SERVICE_UNAVAILABLE', 'Hand-offs are not running in this instance');
        // Only a company Harbor holds for this portal: another portal's company is not found here.
        const companyName = await loadCompanyName(deps.db, portalId, body.companyId);
        if (companyName === undefined)
          throw new AppError('NOT_FOUND', `Company ${body.companyId} is not known`);
        const now = deps.now();
        const requestedBy = actorOf(identity);
        let request: HandoffRequest;
        if (body.kind === 'finance') {
          const deal = (await listOpenCompanyDeals(deps.db, portalId, body.companyId)).find(
            (candidate) => candidate.id === body.dealId,
          );
          if (body.dealId === undefined || deal === undefined) {
            throw new AppError('VALIDATION_FAILED', 'Pick one of the company’s open deals for the renewal', {
              details: { dealId: body.dealId ?? null },
            });
          }
          request = {
            kind: 'finance',
            key: financeHandoffKey(body.companyId, deal.id, now),
            companyId: body.companyId,
            dealId: deal.id,
            reason: `Renewal ${deal.name === null ? `#${deal.id}` : `"${deal.name}"`} needs a price change`,
            note: body.note,
            requestedBy,
            manual: true,
            facts: { kind: 'finance', dealId: deal.id, dealName: deal.name, note: body.note },
          };
        } else {
          request = {
            kind: 'automation',
            key: automationHandoffKey(body.companyId, body.note),
            companyId: body.companyId,
            reason: 'Automation request',
            note: body.note,
            requestedBy,
            manual: true,
            facts: { kind: 'automation', note: body.note },
          };
        }
        const row = await deps.handoffs.handOff(portalId, request);
        const [wire] = await handoffWires(deps.db, portalId, [row]);
        if (wire === undefined) throw new Error('the hand-off vanished');
        return { kind: 'json', body: wire };
      },
    }),
  ];
}
