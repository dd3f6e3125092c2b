import { signalCommandWire, signalPageWire, signalWire } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { actorOf } from '../health/health-score-routes.ts';
import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import {
  crmObjectId,
  noBody,
  noParams,
  noQuery,
  pageLimit,
  rowId,
} from '../http/route-table/wire-schemas.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Database } from '../store/database-schema.ts';
import { listSignals } from '../store/repositories/signals-repository.ts';
import type { SignalCommand } from './lifecycle/signal-actions.pure.ts';
import type { SignalService } from './signal-service.ts';
import { toSignalWire } from './signal-wire.ts';

export interface SignalRouteDeps {
  db: Kysely<Database>;
  now: () => Date;
  signals?: SignalService | undefined;
}

const listQuery = z.strictObject({
  companyId: crmObjectId.optional(),
  /** `all` includes closed signals (the history); the default is the active ones. */
  status: z.enum(['active', 'all']).default('active'),
  limit: pageLimit(200, 50),
  before: rowId.optional(),
});
const commandParams = z.strictObject({ signalId: rowId });
const examplePortal = { portalId: '9000001', userId: '7001' };

function toCommand(wire: z.infer<typeof signalCommandWire>): SignalCommand {
  return wire.kind === 'snooze' ? { ...wire, until: Date.parse(wire.until) } : wire;
}

/**
 * Signals for the card, the home pages and workflow builders: a signed list, and a signed command per signal
 * (acknowledge, start its action, snooze, confirm a recovery, resolve, dismiss). Commands need a signed user
 * who is one of the portal's users: the history names who did what.
 */
export function signalRoutes(deps: SignalRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/signals',
      summary: 'signals of the portal or of one company, newest first',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: listQuery,
      body: noBody,
      response: signalPageWire,
      example: { query: { ...examplePortal, status: 'all', limit: '50' } },
      async handler({ identity, query }) {
        const rows = await listSignals(deps.db, identity.portalId, {
          companyId: query.companyId,
          activeOnly: query.status === 'active',
          limit: query.limit + 1,
          beforeId: query.before,
        });
        const page = rows.slice(0, query.limit);
        const now = deps.now().getTime();
        return {
          kind: 'json',
          body: {
            signals: page.map((signal) => toSignalWire(signal, now)),
            nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
          },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/signals/:signalId/commands',
      summary: 'acknowledge, start the action, snooze, confirm recovery, resolve or dismiss a signal',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'member' },
      effect: 'write',
      params: commandParams,
      query: noQuery,
      body: signalCommandWire,
      response: signalWire,
      example: { params: { signalId: '1' }, query: examplePortal, body: { kind: 'acknowledge' } },
      async handler({ identity, params, body }) {
        if (deps.signals === undefined)
          throw new AppError('SERVICE_UNAVAILABLE', 'Signals are not running in this instance');
        const signal = await deps.signals.command(
          identity.portalId,
          params.signalId,
          toCommand(body),
          actorOf(identity),
        );
        return { kind: 'json', body: toSignalWire(signal, deps.now().getTime()) };
      },
    }),
  ];
}
