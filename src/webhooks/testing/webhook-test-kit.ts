import type { Kysely } from 'kysely';

import { createHubSpotGateway, type HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../../hubspot/token-source.ts';
import { toWebhookEvents, type WebhookEvent } from '../../sandbox/server/platform/webhook-events.pure.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { SandboxStore } from '../../sandbox/store/sandbox-store.ts';
import type { SandboxChange } from '../../sandbox/store/sandbox-types.ts';
import { createTokenCipher } from '../../shared/crypto/token-cipher.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { saveInstall } from '../../store/repositories/portals-repository.ts';
import { replaceCompanyAssociations } from '../../store/repositories/company-associations-repository.ts';
import { lastModifiedProperty, propertiesFor } from '../../sync/sync-catalog.pure.ts';

/** Test support for the webhook processor: a sandbox-backed gateway, a seeded store, and HubSpot's events. */

const recordTypes = ['companies', 'deals', 'tickets'] as const;
const linkedTypes = ['deals', 'tickets', 'contacts'] as const;

/** A gateway on the sandbox's static token; give it the sandbox's rate limit when that is not the default. */
export function sandboxGateway(
  sandbox: RunningSandbox,
  logger: Logger,
  callsPer10Seconds = 100,
): HubSpotGateway {
  return createHubSpotGateway({
    basePath: sandbox.baseUrl,
    logger,
    tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
    rateLimits: { callsPer10Seconds },
    timeoutMs: 10_000,
  });
}

export function sandboxPortal(sandbox: RunningSandbox): SandboxStore {
  const store = sandbox.sandbox.world.portal(sandbox.portalId);
  if (store === undefined) throw new Error('the sandbox has no default portal');
  return store;
}

/** Records the portal as a static-token install, as registerStaticToken would. */
export async function installPortal(db: Kysely<Database>, sandbox: RunningSandbox, now: Date): Promise<void> {
  await saveInstall(
    db,
    createTokenCipher(Buffer.alloc(32, 9)),
    { portalId: sandbox.portalId, authKind: 'static', accessToken: sandbox.accessToken, scopes: [] },
    now,
  );
}

function storedProperties(type: (typeof recordTypes)[number], properties: Record<string, string>) {
  const wanted = new Set(['hs_object_id', ...propertiesFor(type, {})]);
  return Object.fromEntries(Object.entries(properties).filter(([name]) => wanted.has(name)));
}

/** Copies the sandbox portal into the store, as a full sync would leave it. */
export async function seedStoreFromSandbox(
  db: Kysely<Database>,
  sandbox: RunningSandbox,
  now: Date,
): Promise<void> {
  const store = sandboxPortal(sandbox);
  for (const type of recordTypes) {
    const records = [...store.tables[type].all()].filter((record) => !record.archived);
    for (let start = 0; start < records.length; start += 500) {
      await upsertCrmObjects(
        db,
        sandbox.portalId,
        type,
        records.slice(start, start + 500).map((record) => ({
          id: record.id,
          properties: storedProperties(type, record.properties),
          archived: false,
          modifiedAt: new Date(record.properties[lastModifiedProperty[type]] ?? record.updatedAt),
        })),
        now,
      );
    }
  }
  for (const type of linkedTypes) {
    const ids = [...store.tables[type].all()].filter((record) => !record.archived).map((record) => record.id);
    const links = ids.flatMap((objectId) =>
      store.associations.ids(type, objectId, 'companies').map((companyId) => ({ objectId, companyId })),
    );
    await replaceCompanyAssociations(db, sandbox.portalId, type, ids, links, now);
  }
}

/**
 * Differences between the store and the sandbox portal: live record sets, the properties Harbor keeps, and
 * the company links of deals, tickets and contacts. Empty when they match.
 */
export async function diffStoreAgainstSandbox(
  db: Kysely<Database>,
  sandbox: RunningSandbox,
): Promise<string[]> {
  const store = sandboxPortal(sandbox);
  const problems: string[] = [];
  for (const type of recordTypes) {
    const rows = await db
      .selectFrom(type as 'companies')
      .select(['id', 'properties'])
      .where('portal_id', '=', sandbox.portalId)
      .where('archived', '=', false)
      .execute();
    const stored = new Map(rows.map((row) => [row.id, row.properties]));
    const live = [...store.tables[type].all()].filter((record) => !record.archived);
    for (const record of live) {
      const properties = stored.get(record.id);
      if (properties === undefined) {
        problems.push(`${type} ${record.id}: live in HubSpot, missing or archived in the store`);
        continue;
      }
      for (const name of propertiesFor(type, {})) {
        const expected = record.properties[name] ?? null;
        const actual = properties[name] ?? null;
        if (expected !== actual) {
          problems.push(`${type} ${record.id}.${name}: store ${String(actual)}, HubSpot ${String(expected)}`);
        }
      }
      stored.delete(record.id);
    }
    for (const id of stored.keys()) problems.push(`${type} ${id}: live in the store, archived in HubSpot`);
  }
  for (const type of linkedTypes) {
    const rows = await db
      .selectFrom('company_associations')
      .select(['object_id', 'company_id'])
      .where('portal_id', '=', sandbox.portalId)
      .where('object_type', '=', type)
      .execute();
    const stored = new Set(rows.map((row) => `${row.object_id}>${row.company_id}`));
    const expected = new Set<string>();
    for (const record of store.tables[type].all()) {
      if (record.archived) continue;
      for (const companyId of store.associations.ids(type, record.id, 'companies')) {
        expected.add(`${record.id}>${companyId}`);
      }
    }
    for (const link of expected) if (!stored.has(link)) problems.push(`${type} link ${link}: missing`);
    for (const link of stored) if (!expected.has(link)) problems.push(`${type} link ${link}: not in HubSpot`);
  }
  return problems;
}

/** Collects the webhook events HubSpot would send for every change made to the portal, numbered in order. */
export function recordWebhookEvents(
  sandbox: RunningSandbox,
  firstEventId = 1,
): { take(): WebhookEvent[]; stop(): void } {
  let nextEventId = firstEventId;
  let events: WebhookEvent[] = [];
  const stop = sandboxPortal(sandbox).onChange((change: SandboxChange) => {
    for (const draft of toWebhookEvents(change, { portalId: sandbox.portalId, appId: sandbox.appId })) {
      events.push({ ...draft, eventId: nextEventId, attemptNumber: 0 });
      nextEventId += 1;
    }
  });
  return {
    take() {
      const taken = events;
      events = [];
      return taken;
    },
    stop,
  };
}
