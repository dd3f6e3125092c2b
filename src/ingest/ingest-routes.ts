import {
  ingestKeyCreatedWire,
  ingestKeyCreateWire,
  ingestKeyListWire,
  ingestKeyWire,
  maxIngestKeys,
  type IngestKeyWire,
} from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { actorOf } from '../health/health-score-routes.ts';
import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery, rowId } from '../http/route-table/wire-schemas.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import {
  listIngestKeys,
  revokeIngestKey,
  type IngestKeyRecord,
} from '../store/repositories/usage-ingest-repository.ts';
import { issueIngestKey, portalOfIngestKey } from './ingest-keys.ts';
import { createUsageIngest } from './usage-ingest.ts';

export interface IngestRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /** Told the companies an ingest batch changed, once stored (rescoring); must not throw or block. */
  onUsageIngested?: ((portalId: number, companyIds: readonly string[]) => void) | undefined;
}

const examplePortal = { portalId: '9000001', userId: '7001' };
const member = {
  auth: { kind: 'hubspot', versions: ['v3'] },
  identity: { kind: 'signed-url', user: 'member' },
} as const;

const ingestAnswerWire = z.strictObject({
  received: z.number().int(),
  applied: z.number().int(),
  companies: z.number().int(),
  refused: z.array(z.strictObject({ index: z.number().int(), reason: z.string() })),
});

function toKeyWire(key: IngestKeyRecord): IngestKeyWire {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/**
 * The usage ingest API a customer's product calls with its ingest key (the portal comes from the key, never
 * from the request), and the settings "Usage data" tab's key management (signed, admins of the portal).
 */
export function ingestRoutes(deps: IngestRouteDeps): RouteSpec[] {
  const ingestUsage = createUsageIngest({ ...deps, onIngested: deps.onUsageIngested });
  return [
    defineRoute({
      method: 'POST',
      path: '/api/ingest/usage',
      summary: "a product's daily usage per company, with the portal's ingest key (rows checked one by one)",
      auth: { kind: 'public' },
      identity: { kind: 'none' },
      // Each row replaces its (company, day, metric) values: a re-sent batch changes nothing more.
      effect: 'idempotent',
      params: noParams,
      query: noQuery,
      body: z.strictObject({ rows: z.array(z.unknown()) }),
      response: ingestAnswerWire,
      example: {
        body: {
          rows: [
            {
              company: { id: '1001' },
              date: '2026-11-23',
              metrics: { activeUsers: 12, seats: 20, logins: 41, minutes: 380 },
              features: { 'reports.export': 3 },
            },
          ],
        },
      },
      async handler({ headers, body }) {
        const portalId = await portalOfIngestKey(deps.db, headers.authorization);
        return { kind: 'json', body: await ingestUsage(portalId, body.rows) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/settings/ingest-keys',
      summary: "the portal's ingest keys (prefix only), newest first",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: ingestKeyListWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        const keys = await listIngestKeys(deps.db, identity.portalId, maxIngestKeys);
        return { kind: 'json', body: { keys: keys.map(toKeyWire) } };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/settings/ingest-keys',
      summary: 'create an ingest key: the answer is the only time the key is shown',
      ...member,
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: ingestKeyCreateWire,
      response: ingestKeyCreatedWire,
      example: { query: examplePortal, body: { name: 'Product usage export' } },
      async handler({ identity, body }) {
        const live = (await listIngestKeys(deps.db, identity.portalId, maxIngestKeys)).filter(
          (key) => key.revokedAt === null,
        );
        if (live.length >= maxIngestKeys)
          throw new AppError('CONFLICT', `An account may hold ${maxIngestKeys} live keys; revoke one first`);
        const created = await issueIngestKey(
          deps.db,
          identity.portalId,
          { name: body.name, createdBy: actorOf(identity) },
          deps.now(),
        );
        return { kind: 'json', status: 201, body: { key: toKeyWire(created.key), secret: created.secret } };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/settings/ingest-keys/:keyId/revoke',
      summary: 'revoke an ingest key: pushes with it are refused from now on',
      ...member,
      effect: 'write',
      params: z.strictObject({ keyId: rowId }),
      query: noQuery,
      body: noBody,
      response: ingestKeyWire,
      example: { params: { keyId: '1' }, query: examplePortal },
      async handler({ identity, params }) {
        const key = await revokeIngestKey(
          deps.db,
          identity.portalId,
          params.keyId,
          actorOf(identity),
          deps.now(),
        );
        if (key === undefined)
          throw new AppError('NOT_FOUND', `No ingest key ${params.keyId} in this account`);
        return { kind: 'json', body: toKeyWire(key) };
      },
    }),
  ];
}
