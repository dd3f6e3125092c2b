import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { runSync } from './run-sync.ts';
import { baseProperties } from './sync-catalog.pure.ts';
import { sandboxSnapshot } from './testing/sandbox-truth.ts';
import { snapshotPortalStore } from './testing/store-snapshot.ts';
import {
  createTestGateway,
  listCalls,
  resetSandboxStats,
  sandboxStats,
  startFastSandbox,
  syncDeps,
} from './testing/sync-test-kit.ts';

const thirtyDaysMs = 30 * 86_400_000;

/** GET list calls per type: the listing walks a run made. */
function listCallsByType(calls: Readonly<Record<string, number>>): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const [endpoint, count] of Object.entries(calls)) {
    const type = /^GET \/crm\/v3\/objects\/([a-z_]+)$/.exec(endpoint)?.[1];
    if (type !== undefined) byType[type] = (byType[type] ?? 0) + count;
  }
  return byType;
}

describe.each(testDatabaseTargets())('records the incremental search cannot see, on $name', (target) => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 60, seed: 23 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when HubSpot holds records behind the high-water mark or lost from the store, then the next sync finds and fetches just those, and a sync with matching counts walks no listing', async () => {
    const handle = await target.open();
    try {
      const { portalId } = sandbox;
      const deps = syncDeps(handle.db, createTestGateway(sandbox));
      await runSync(deps, { portalId, mode: 'full' });
      const store = sandbox.sandbox.world.defaultPortal;
      // An import that keeps its old dates: modified long before the high-water mark.
      const old = Date.now() - thirtyDaysMs;
      const company = store.createRecord('companies', { name: 'Imported Ltd' }, old);
      const deal = store.createRecord('deals', { dealname: 'Imported renewal' }, old);
      store.associate('deals', deal.id, 'companies', company.id, 341, old);
      // A contact the store lost (restored from a backup, a bad migration): HubSpot still has it.
      const lost = await handle.db
        .selectFrom('contacts')
        .select('id')
        .where('portal_id', '=', portalId)
        .executeTakeFirstOrThrow();
      await handle.db
        .deleteFrom('contacts')
        .where('portal_id', '=', portalId)
        .where('id', '=', lost.id)
        .execute();
      await resetSandboxStats(sandbox);

      const summary = await runSync(deps, { portalId, mode: 'incremental' });

      expect(summary.status).toBe('succeeded');
      expect(await snapshotPortalStore(handle.db, portalId)).toEqual(sandboxSnapshot(store, baseProperties));
      const walked = listCallsByType((await sandboxStats(sandbox)).calls);
      expect(Object.keys(walked).sort()).toEqual(['companies', 'contacts', 'deals']);

      await resetSandboxStats(sandbox);
      const quiet = await runSync(deps, { portalId, mode: 'incremental' });

      expect(quiet.status).toBe('succeeded');
      expect(listCalls((await sandboxStats(sandbox)).calls)).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('when a record is created behind the high-water mark, then the nightly reconcile fetches it too', async () => {
    const handle = await target.open();
    try {
      const { portalId } = sandbox;
      const deps = syncDeps(handle.db, createTestGateway(sandbox));
      await runSync(deps, { portalId, mode: 'full' });
      const store = sandbox.sandbox.world.defaultPortal;
      store.createRecord('tickets', { subject: 'Back-dated ticket' }, Date.now() - thirtyDaysMs);

      const reconcile = await runSync(deps, { portalId, mode: 'reconcile' });

      expect(reconcile.status).toBe('succeeded');
      expect(await snapshotPortalStore(handle.db, portalId)).toEqual(sandboxSnapshot(store, baseProperties));
    } finally {
      await handle.close();
    }
  });
});
