import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { exchangeAuthorizationCode } from '../hubspot/oauth-tokens.ts';
import { generatePortal } from '../sandbox/generator/generate-portal.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { SandboxStore } from '../sandbox/store/sandbox-store.ts';
import { sandboxObjectTypes } from '../sandbox/store/sandbox-types.ts';
import { runSync } from './run-sync.ts';
import { baseProperties } from './sync-catalog.pure.ts';
import { sandboxSnapshot } from './testing/sandbox-truth.ts';
import { snapshotPortalStore } from './testing/store-snapshot.ts';
import { createTestGateway, startFastSandbox, syncDeps } from './testing/sync-test-kit.ts';

const secondPortalId = 7_000_002;

/** Fills an installed (empty) sandbox portal with a generated one: same ids as the first portal's, other data. */
function fillPortal(target: SandboxStore, source: SandboxStore): void {
  for (const type of sandboxObjectTypes) {
    for (const record of source.tables[type].all()) target.tables[type].insert(structuredClone(record));
    for (const record of source.tables[type].all()) {
      for (const toType of sandboxObjectTypes) {
        for (const toId of source.associations.ids(type, record.id, toType)) {
          target.associations.add(type, record.id, toType, toId);
        }
      }
    }
    target.properties.set(type, new Map(source.properties.get(type)));
  }
  target.owners.push(...source.owners);
  target.pipelines.deals.push(...source.pipelines.deals);
  target.pipelines.tickets.push(...source.pipelines.tickets);
}

/** Installs the app in a second portal through the sandbox's OAuth flow and returns its access token. */
async function installSecondPortal(sandbox: RunningSandbox): Promise<string> {
  const redirectUri = 'http://127.0.0.1:9/oauth/callback';
  const authorize = new URL(`${sandbox.baseUrl}/oauth/authorize`);
  authorize.searchParams.set('client_id', sandbox.clientId);
  authorize.searchParams.set('redirect_uri', redirectUri);
  authorize.searchParams.set(
    'scope',
    'oauth crm.objects.companies.read crm.objects.deals.read crm.objects.contacts.read crm.objects.owners.read tickets crm.objects.feedback_submissions.read',
  );
  authorize.searchParams.set('portal_id', String(secondPortalId));
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const tokens = await exchangeAuthorizationCode({
    code,
    redirectUri,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    basePath: sandbox.baseUrl,
  });
  return tokens.accessToken;
}

describe.each(testDatabaseTargets())('two portals on $name', (target) => {
  let sandbox: RunningSandbox;
  let secondToken: string;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 150, seed: 41 });
    secondToken = await installSecondPortal(sandbox);
    const second = sandbox.sandbox.world.portal(secondPortalId);
    if (second === undefined) throw new Error('second portal not installed');
    const generated = generatePortal({ companies: 120, seed: 42, now: Date.now(), portalId: secondPortalId });
    fillPortal(second, generated.store);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when two portals sharing record ids sync side by side into one database, then neither sees the other’s rows', async () => {
    const handle = await target.open();
    try {
      const first = sandbox.sandbox.world.defaultPortal;
      const second = sandbox.sandbox.world.portal(secondPortalId);
      const tokens = new Map([
        [sandbox.portalId, sandbox.accessToken],
        [secondPortalId, secondToken],
      ]);
      const deps = syncDeps(handle.db, createTestGateway(sandbox, { tokens }));

      const summaries = await Promise.all([
        runSync(deps, { portalId: sandbox.portalId, mode: 'full' }),
        runSync(deps, { portalId: secondPortalId, mode: 'full' }),
      ]);

      expect(summaries.map((summary) => summary.status)).toEqual(['succeeded', 'succeeded']);
      const firstSnapshot = await snapshotPortalStore(handle.db, sandbox.portalId);
      const secondSnapshot = await snapshotPortalStore(handle.db, secondPortalId);
      expect(firstSnapshot).toEqual(sandboxSnapshot(first, baseProperties));
      expect(secondSnapshot).toEqual(sandboxSnapshot(second ?? first, baseProperties));
      const secondIds = new Set(secondSnapshot.records.companies.map((company) => company.id));
      expect(firstSnapshot.records.companies.filter((company) => secondIds.has(company.id)).length).toBe(120);
      expect(firstSnapshot.records.companies[0]?.properties.name).not.toBe(
        secondSnapshot.records.companies[0]?.properties.name,
      );
    } finally {
      await handle.close();
    }
  });
});
