import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { defaultHealthModel } from '../health/model/default-health-model.ts';
import type { HealthModel } from '../health/model/health-model-schema.ts';
import { modelProperties } from '../health/model/model-properties.pure.ts';
import { rescorePortal } from '../health/scoring/rescore-portal.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { findHealthScore } from '../store/repositories/health-scores-repository.ts';
import { saveHealthModelVersion } from '../store/repositories/health-models-repository.ts';
import { saveSettingsVersion } from '../store/repositories/settings-repository.ts';
import { loadMappedProperties } from './mapped-properties.ts';
import { runSync } from './run-sync.ts';
import {
  createQuietLogger,
  createTestGateway,
  resetSandboxStats,
  sandboxStats,
  startFastSandbox,
  syncDeps,
} from './testing/sync-test-kit.ts';

/** The default model plus an enumeration indicator on the company property `csm_sentiment`, weighted in every segment. */
function modelWithCsmSentiment(): HealthModel {
  const model = JSON.parse(JSON.stringify(defaultHealthModel)) as HealthModel;
  model.customIndicators = [
    {
      kind: 'enumeration',
      id: 'csm_sentiment',
      label: 'CSM sentiment',
      property: 'csm_sentiment',
      points: { positive: 100, neutral: 60, negative: 10 },
    },
  ];
  for (const segment of Object.values(model.segments)) segment.weights['custom:csm_sentiment'] = 10;
  return model;
}

describe.each(testDatabaseTargets())('properties the sync reads for the health model on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("when a portal has no model yet, then the default model's company and ticket properties are read", async () => {
    const mapped = await loadMappedProperties(handle.db, 101);

    const needed = modelProperties(defaultHealthModel);
    expect(mapped.companies).toEqual(needed.companies);
    expect(mapped.companies).toEqual(
      expect.arrayContaining(['seats_purchased', 'active_users_30d', 'contract_value', 'customer_status']),
    );
    expect(mapped.tickets).toEqual(['escalated']);
    expect(mapped.deals).toBeUndefined();
  });

  it("when an admin mapped properties too, then both are read, each once, and the admin's bad names are dropped", async () => {
    await saveSettingsVersion(
      handle.db,
      102,
      { mappedProperties: { companies: ['industry', 'seats_purchased', 'Bad Name!'], deals: ['amount'] } },
      'test',
    );

    const mapped = await loadMappedProperties(handle.db, 102);

    expect(mapped.companies).toContain('industry');
    expect(mapped.companies?.filter((name) => name === 'seats_purchased')).toHaveLength(1);
    expect(mapped.companies).not.toContain('Bad Name!');
    expect(mapped.deals).toEqual(['amount']);
  });

  it('when the stored model has a custom indicator on csm_sentiment, then companies include it', async () => {
    await saveHealthModelVersion(handle.db, 103, modelWithCsmSentiment(), { source: 'admin', actor: 'test' });

    const mapped = await loadMappedProperties(handle.db, 103);

    expect(mapped.companies).toContain('csm_sentiment');
    expect(mapped.companies).toContain('seats_purchased');
  });

  it('when the stored model maps usage elsewhere and has no escalation property, then the sync follows it', async () => {
    const model = JSON.parse(JSON.stringify(defaultHealthModel)) as HealthModel;
    model.properties.seats = 'licenses_bought';
    model.support.escalationProperty = null;
    await saveHealthModelVersion(handle.db, 104, model, { source: 'admin', actor: 'test' });

    const mapped = await loadMappedProperties(handle.db, 104);

    expect(mapped.companies).toContain('licenses_bought');
    expect(mapped.companies).not.toContain('seats_purchased');
    expect(mapped.tickets).toEqual([]);
  });

  it("when the stored model is unreadable, then the default model's properties are read and the sync is not stopped", async () => {
    await saveHealthModelVersion(handle.db, 105, { segments: 'broken' }, { source: 'admin', actor: 'test' });

    const mapped = await loadMappedProperties(handle.db, 105);

    expect(mapped.companies).toEqual(modelProperties(defaultHealthModel).companies);
  });
});

describe.each(testDatabaseTargets())('syncing after a custom indicator is added on $name', (target) => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  const sentiments = ['positive', 'neutral', 'negative'] as const;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 30, seed: 41 });
    handle = await target.open();
    const store = sandbox.sandbox.world.defaultPortal;
    [...store.tables.companies.all()].forEach((company, index) => {
      store.updateRecord('companies', company.id, { csm_sentiment: sentiments[index % 3]! }, Date.now());
    });
  });
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  const storedSentiments = async () => {
    const rows = await handle.db
      .selectFrom('companies')
      .select(['id', 'properties'])
      .where('portal_id', '=', sandbox.portalId)
      .where('archived', '=', false)
      .execute();
    return new Map(rows.map((row) => [row.id, row.properties.csm_sentiment]));
  };

  it('when the model has no such indicator, then the sync does not read csm_sentiment', async () => {
    const deps = syncDeps(handle.db, createTestGateway(sandbox));
    expect((await runSync(deps, { portalId: sandbox.portalId, mode: 'full' })).status).toBe('succeeded');

    const stored = await storedSentiments();
    expect(stored.size).toBe(30);
    expect([...stored.values()].every((value) => value === undefined)).toBe(true);
  });

  it('when an admin adds the indicator, then the next sync re-reads companies in full and stores csm_sentiment for every company', async () => {
    await saveHealthModelVersion(handle.db, sandbox.portalId, modelWithCsmSentiment(), {
      source: 'admin',
      actor: 'test',
    });
    await resetSandboxStats(sandbox);

    const summary = await runSync(syncDeps(handle.db, createTestGateway(sandbox)), {
      portalId: sandbox.portalId,
      mode: 'incremental',
    });

    expect(summary.status).toBe('succeeded');
    expect(summary.counts.companies?.written).toBe(30);
    const calls = (await sandboxStats(sandbox)).calls;
    // Companies were listed page by page (a full pass), not searched for changes; tickets' list did not change.
    expect(calls['GET /crm/v3/objects/companies']).toBeGreaterThanOrEqual(1);
    expect(calls['POST /crm/v3/objects/companies/search'] ?? 0).toBe(0);
    expect(calls['GET /crm/v3/objects/tickets'] ?? 0).toBe(0);
    const stored = await storedSentiments();
    for (const company of sandbox.sandbox.world.defaultPortal.tables.companies.all()) {
      expect(stored.get(company.id), company.id).toBe(company.properties.csm_sentiment);
    }
  });

  it('when the portal is rescored, then the indicator counts in the score with its label and points', async () => {
    const { logger } = createQuietLogger();
    await rescorePortal({ db: handle.db, logger, now: () => new Date() }, sandbox.portalId);

    const stored = await storedSentiments();
    const [companyId, sentiment] = [...stored].find(([, value]) => value === 'negative')!;
    const score = await findHealthScore(handle.db, sandbox.portalId, companyId);
    const custom = score?.components.find((component) => component.id === 'custom');
    expect(sentiment).toBe('negative');
    expect(custom?.indicators).toEqual([
      expect.objectContaining({
        id: 'custom:csm_sentiment',
        label: 'CSM sentiment',
        value: 'negative',
        points: 10,
      }),
    ]);
  });
});
