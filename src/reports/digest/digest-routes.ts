import { digestDocumentWire, digestListWire, digestMonthSchema } from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery } from '../../http/route-table/wire-schemas.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { findDigest, listDigests } from '../../store/repositories/feedback-digests-repository.ts';
import { computeFeedbackDigest } from './build-feedback-digest.ts';

export interface DigestRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
}

const examplePortal = { portalId: '9000001', userId: '7001' };

/** The stored feedback digests for the home page "Feedback digest": the list, and one month's digest. */
export function digestRoutes(deps: DigestRouteDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/reports/digests',
      summary: 'the portal’s stored product-feedback digests, newest month first',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: digestListWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        return { kind: 'json', body: { digests: await listDigests(deps.db, identity.portalId) } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/reports/digests/:month',
      summary:
        'one month’s product-feedback digest: themes, counts, contract value, trend, quotes (a month not built yet is computed, not stored)',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: z.strictObject({ month: digestMonthSchema }),
      query: noQuery,
      body: noBody,
      response: digestDocumentWire,
      example: { params: { month: '2026-11' }, query: examplePortal },
      async handler({ identity, params, log }) {
        const stored =
          (await findDigest(deps.db, identity.portalId, params.month)) ??
          // Nothing stored (the job has not reached that month): what it would hold now, delivery pending.
          (await computeFeedbackDigest(
            { db: deps.db, logger: log },
            identity.portalId,
            params.month,
            deps.now(),
          ));
        return { kind: 'json', body: { digest: stored.digest, markdown: stored.markdown } };
      },
    }),
  ];
}
