import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { findSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';
import { runSync } from './run-sync.ts';
import { baseProperties } from './sync-catalog.pure.ts';
import { sandboxSnapshot } from './testing/sandbox-truth.ts';
import { snapshotPortalStore } from './testing/store-snapshot.ts';
import {
  callsByType,
  changedPerType,
  createTestGateway,
  mutateSandbox,
  resetSandboxStats,
  sandboxStats,
  startFastSandbox,
  syncDeps,
} from './testing/sync-test-kit.ts';
import { syncedObjectTypes } from './sync-types.ts';

const properties = baseProperties;

describe.each(testDatabaseTargets())('incremental sync and reconcile on $name', (target) => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 150, seed: 17 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when HubSpot changes after a full sync, then an incremental sync leaves the store equal to a fresh full sync, within ceil(K/100)+5 calls per type', async () => {
    const synced = await target.open();
    const fresh = await target.open();
    try {
      const { portalId } = sandbox;
      const deps = syncDeps(synced.db, createTestGateway(sandbox));
      await runSync(deps, { portalId, mode: 'full' });
      const mutation = await mutateSandbox(sandbox, 120);
      const kinds = new Set(Object.values(mutation.changes).flatMap((byKind) => Object.keys(byKind ?? {})));
      expect([...kinds].sort()).toEqual([
        'archived',
        'associated',
        'created',
        'dissociated',
        'merged',
        'updated',
      ]);
      await resetSandboxStats(sandbox);

      const summary = await runSync(deps, { portalId, mode: 'incremental' });

      const calls = callsByType((await sandboxStats(sandbox)).calls);
      const changed = changedPerType(mutation);
      expect(summary.status).toBe('succeeded');
      for (const type of syncedObjectTypes) {
        const budget = Math.ceil((changed[type] ?? 0) / 100) + 5;
        expect(calls[type] ?? 0, `${type} calls`).toBeLessThanOrEqual(budget);
      }
      await runSync(syncDeps(fresh.db, createTestGateway(sandbox)), { portalId, mode: 'full' });
      const afterIncremental = await snapshotPortalStore(synced.db, portalId);
      expect(afterIncremental).toEqual(await snapshotPortalStore(fresh.db, portalId));
      expect(afterIncremental.records).toEqual(
        sandboxSnapshot(sandbox.sandbox.world.defaultPortal, properties).records,
      );
      expect(summary.counts.companies?.archived).toBe(mutation.changes.companies?.merged?.length);
      expect(summary.counts.deals?.archived ?? 0).toBe(mutation.changes.deals?.archived?.length ?? 0);
      expect(summary.counts.tickets?.archived ?? 0).toBe(mutation.changes.tickets?.archived?.length ?? 0);
      const state = await findSyncCheckpoint(synced.db, portalId, 'deals');
      expect(state?.phase).toBe('idle');
    } finally {
      await synced.close();
      await fresh.close();
    }
  });

  it('when contacts are merged, deleted and moved between companies, then incremental and reconcile keep every link and survey attribution right', async () => {
    const handle = await target.open();
    try {
      const { portalId } = sandbox;
      const deps = syncDeps(handle.db, createTestGateway(sandbox));
      await runSync(deps, { portalId, mode: 'full' });
      const store = sandbox.sandbox.world.defaultPortal;
      const now = Date.now();
      const answered = [...store.tables.feedback_submissions.all()]
        .filter((record) => !record.archived)
        .map((record) => record.properties.hs_contact_id ?? '');
      const [moved = '', deleted = '', mergedAway = '', survivor = ''] = [...new Set(answered)];
      const [fromCompany = ''] = store.associations.ids('contacts', moved, 'companies');
      const otherCompany = [...store.tables.companies.all()].find(
        (company) => !company.archived && company.id !== fromCompany,
      )?.id;
      store.dissociate('contacts', moved, 'companies', fromCompany, 279, now);
      store.associate('contacts', moved, 'companies', otherCompany ?? '', 279, now);
      store.archiveRecord('contacts', deleted, now);
      store.mergeRecords('contacts', survivor, mergedAway, now);
      const expected = sandboxSnapshot(store, properties);

      const incremental = await runSync(deps, { portalId, mode: 'incremental' });

      const afterIncremental = await snapshotPortalStore(handle.db, portalId);
      expect(incremental.status).toBe('succeeded');
      expect(afterIncremental.links).toEqual(expected.links);
      expect(afterIncremental.records.contacts).toEqual(expected.records.contacts);

      store.archiveRecord(
        'deals',
        [...store.tables.deals.all()].find((deal) => !deal.archived)?.id ?? '',
        Date.now(),
      );
      await mutateSandbox(sandbox, 40);
      const reconcile = await runSync(deps, { portalId, mode: 'reconcile' });

      expect(reconcile.status).toBe('succeeded');
      expect(await snapshotPortalStore(handle.db, portalId)).toEqual(sandboxSnapshot(store, properties));
    } finally {
      await handle.close();
    }
  });
});
