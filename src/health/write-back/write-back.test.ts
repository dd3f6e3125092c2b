import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { BatchResult, CrmRecord } from '../../hubspot/gateway-types.ts';
import { HubSpotNotFoundError } from '../../hubspot/hubspot-errors.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { loadWrittenValues } from '../../store/repositories/health-writeback-repository.ts';
import {
  createQuietLogger,
  createTestGateway,
  resetSandboxStats,
  sandboxStats,
  startFastSandbox,
} from '../../sync/testing/sync-test-kit.ts';
import type { HealthResult } from '../health-types.ts';
import { ensureHarborProperties } from './ensure-harbor-properties.ts';
import { harborCompanyProperties, harborPropertyNames } from './harbor-company-properties.ts';
import { createWriteBackSink } from './write-back-sink.ts';
import { toWriteBackValues, type HarborPropertyValues } from './write-back-values.pure.ts';
import { writeBackHealth, type WriteBackItem } from './write-back.ts';

const t1 = Date.parse('2026-12-01T06:00:00.000Z');
const t2 = Date.parse('2026-12-02T06:00:00.000Z');
const t3 = Date.parse('2026-12-03T06:00:00.000Z');

const batchUpdate = 'POST /crm/v3/objects/companies/batch/update';
const propertyCreate = 'POST /crm/v3/properties/companies';
const groupCreate = 'POST /crm/v3/properties/companies/groups';
const propertyList = 'GET /crm/v3/properties/companies';

function result(companyId: string, score: number | null): HealthResult {
  return {
    companyId,
    segment: 'smb',
    score,
    tier: score === null ? null : score >= 70 ? 'healthy' : score >= 40 ? 'watch' : 'at_risk',
    tierSince: score === null ? null : t1,
    pendingTier: null,
    confidence: score === null ? 0 : 75,
    churnProbability: null,
    trend: { d7: null, d30: score === null ? null : -4.2, d90: null },
    components: [],
    topDriver: {
      indicator: 'days_since_csm_touch',
      component: 'engagement',
      label: 'Last CSM touch',
      value: 61,
      pointsLost: 9,
    },
    changes: [],
  };
}

function items(scores: ReadonlyMap<string, number | null>, computedAt: number, version = 1): WriteBackItem[] {
  return [...scores].map(([companyId, score]) => ({
    companyId,
    values: toWriteBackValues(result(companyId, score), version, computedAt),
  }));
}

/** What HubSpot shows for the Harbor properties (an empty value is no value: HubSpot omits it). */
function nonEmpty(values: HarborPropertyValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}

async function harborValues(gateway: PortalGateway, ids: readonly string[]): Promise<Map<string, unknown>> {
  const { results } = await gateway.batchRead('companies', ids, { properties: [...harborPropertyNames] });
  return new Map(
    results.map((record) => [
      record.id,
      Object.fromEntries(
        Object.entries(record.properties).filter(
          ([name, value]) => name.startsWith('harbor_') && value !== null && value !== '',
        ),
      ),
    ]),
  );
}

async function callsSinceReset(sandbox: RunningSandbox): Promise<Record<string, number>> {
  return (await sandboxStats(sandbox)).calls;
}

describe.each(testDatabaseTargets())('health write-back against the sandbox on $name', (target) => {
  let sandbox: RunningSandbox;
  let gateway: HubSpotGateway;
  let portal: PortalGateway;
  let handle: DatabaseHandle;
  let ids: string[];
  let scores: Map<string, number | null>;
  const quiet = createQuietLogger();

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 250, seed: 21 });
    gateway = createTestGateway(sandbox);
    portal = gateway.forPortal(sandbox.portalId);
    handle = await target.open();
    ids = [];
    for await (const page of portal.listPages('companies', { properties: [] })) {
      ids.push(...page.results.map((record) => record.id));
    }
    scores = new Map(ids.map((id, index) => [id, (index * 7) % 101]));
  });
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  const deps = () => ({ db: handle.db, gateway, logger: quiet.logger });

  it('when writing back the first time, then the group and properties are created and 250 companies go in 3 batch calls', async () => {
    await resetSandboxStats(sandbox);
    const summary = await writeBackHealth(deps(), sandbox.portalId, items(scores, t1));

    expect(summary).toEqual({
      considered: 250,
      changed: 250,
      written: 250,
      missing: 0,
      failed: 0,
      calls: 3 + 1 + 1 + 1 + 7,
      updateCalls: 3,
      propertiesCreated: ['group:harbor_health', ...harborCompanyProperties.map((p) => p.name)],
    });
    const calls = await callsSinceReset(sandbox);
    expect(calls[batchUpdate]).toBe(3);
    expect(calls[groupCreate]).toBe(1);
    expect(calls[propertyCreate]).toBe(7);
    const definitions = await portal.listProperties('companies');
    expect(definitions.find((p) => p.name === 'harbor_health_tier')).toMatchObject({
      groupName: 'harbor_health',
      type: 'enumeration',
      options: [
        expect.objectContaining({ value: 'healthy', label: 'Healthy' }),
        expect.objectContaining({ value: 'watch', label: 'Watch' }),
        expect.objectContaining({ value: 'at_risk', label: 'At risk' }),
      ],
    });
  });

  it('when reading the companies from HubSpot, then they hold exactly the values written', async () => {
    const expected = items(scores, t1);
    const shown = await harborValues(portal, ids);
    expect(shown.size).toBe(250);
    for (const item of expected) expect(shown.get(item.companyId)).toEqual(nonEmpty(item.values));
    const recorded = await loadWrittenValues(handle.db, sandbox.portalId, ids);
    expect(recorded.get(ids[0]!)).toEqual(expected[0]!.values);
  });

  it('when the same results are written again a day later, then HubSpot is not called at all', async () => {
    await resetSandboxStats(sandbox);
    const summary = await writeBackHealth(deps(), sandbox.portalId, items(scores, t2));

    expect(summary).toMatchObject({ considered: 250, changed: 0, written: 0, calls: 0, updateCalls: 0 });
    expect((await sandboxStats(sandbox)).totalCalls).toBe(0);
  });

  it('when one company’s score changes, then exactly that company is written, with a fresh computed time', async () => {
    const [changedId, unchangedId] = [ids[10]!, ids[11]!];
    scores.set(changedId, 3);
    await resetSandboxStats(sandbox);
    const summary = await writeBackHealth(deps(), sandbox.portalId, items(scores, t2));

    expect(summary).toMatchObject({ changed: 1, written: 1, updateCalls: 1, calls: 2 });
    const calls = await callsSinceReset(sandbox);
    expect(calls[batchUpdate]).toBe(1);
    expect(calls[propertyList]).toBe(1);
    const shown = await harborValues(portal, [changedId, unchangedId]);
    expect(shown.get(changedId)).toMatchObject({
      harbor_health_score: '3',
      harbor_health_tier: 'at_risk',
      harbor_health_computed_at: new Date(t2).toISOString(),
    });
    expect(shown.get(unchangedId)).toMatchObject({ harbor_health_computed_at: new Date(t1).toISOString() });
  });

  it('when a company loses its score, then its values are cleared once and not again', async () => {
    const id = ids[20]!;
    scores.set(id, null);
    const first = await writeBackHealth(deps(), sandbox.portalId, items(scores, t2));
    const again = await writeBackHealth(deps(), sandbox.portalId, items(scores, t3));

    expect(first).toMatchObject({ changed: 1, written: 1 });
    expect(again).toMatchObject({ changed: 0, calls: 0 });
    expect((await harborValues(portal, [id])).get(id)).toEqual({
      harbor_health_confidence: '0',
      harbor_health_model_version: '1',
      harbor_health_computed_at: new Date(t2).toISOString(),
    });
  });

  it('when a company was deleted in HubSpot meanwhile, then it is skipped and logged and the others are written', async () => {
    const [deletedId, liveId] = [ids[30]!, ids[31]!];
    const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/companies/${deletedId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sandbox.accessToken}` },
    });
    expect(response.status).toBe(204);
    scores.set(deletedId, 1);
    scores.set(liveId, 2);
    const summary = await writeBackHealth(deps(), sandbox.portalId, items(scores, t3));

    expect(summary).toMatchObject({ changed: 2, written: 1, missing: 1, failed: 0 });
    const recorded = await loadWrittenValues(handle.db, sandbox.portalId, [deletedId, liveId]);
    expect(recorded.get(liveId)?.harbor_health_score).toBe('2');
    expect(recorded.get(deletedId)?.harbor_health_score).not.toBe('1');
    expect(
      quiet
        .lines()
        .some((line) => line.includes('companies HubSpot no longer has') && line.includes(deletedId)),
    ).toBe(true);
  });

  it('when the properties exist, then ensuring them again creates nothing and costs one listing call', async () => {
    await resetSandboxStats(sandbox);
    expect(await ensureHarborProperties(portal)).toEqual({ groupCreated: false, created: [], calls: 1 });
    expect((await sandboxStats(sandbox)).totalCalls).toBe(1);
  });

  it('when a rescoring run hands over pages, then the sink checks the properties once and adds the pages up', async () => {
    const live = ids.filter((id) => id !== ids[30]);
    const sink = createWriteBackSink(deps(), sandbox.portalId);
    await resetSandboxStats(sandbox);
    await sink.write(
      live.slice(0, 120).map((id) => result(id, 50)),
      2,
      new Date(t3),
    );
    await sink.write(
      live.slice(120).map((id) => result(id, 50)),
      2,
      new Date(t3),
    );

    expect(await sink.finish()).toMatchObject({
      considered: 249,
      changed: 249,
      written: 249,
      updateCalls: 2 + 2,
    });
    const calls = await callsSinceReset(sandbox);
    expect(calls[propertyList]).toBe(1);
    expect(calls[batchUpdate]).toBe(4);
  });
});

describe('ensuring Harbor properties when one exists with another type', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 5, seed: 3 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('then a clear conflict is thrown and nothing is created or redefined', async () => {
    const portal = createTestGateway(sandbox).forPortal(sandbox.portalId);
    await portal.createPropertyGroup('companies', { name: 'harbor_health', label: 'Harbor health' });
    await portal.createProperty('companies', {
      name: 'harbor_health_score',
      label: 'Health score',
      type: 'string',
      fieldType: 'text',
      groupName: 'harbor_health',
    });
    await resetSandboxStats(sandbox);

    await expect(ensureHarborProperties(portal)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /harbor_health_score exists as a string property, but Harbor writes a number/,
      ),
    });
    expect((await sandboxStats(sandbox)).calls).toEqual({ [propertyList]: 1 });
    const score = (await portal.listProperties('companies')).find((p) => p.name === 'harbor_health_score');
    expect(score?.type).toBe('string');
  });
});

describe.each(testDatabaseTargets())(
  'health write-back when HubSpot fails a whole batch on $name',
  (target) => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await target.open();
    });
    afterAll(async () => {
      await handle.close();
    });

    it('when a result is NaN, then that value is not sent (HubSpot keeps the old one), the rest are, and it is logged', async () => {
      const sent: { id: string; properties: Record<string, string> }[] = [];
      const portal = {
        portalId: 8,
        listProperties: () =>
          Promise.resolve(
            harborCompanyProperties.map((p) => ({
              ...p,
              description: '',
              options: p.options ?? [],
              hidden: false,
              hubspotDefined: false,
              hasUniqueValue: false,
            })),
          ),
        batchUpdate: (
          _type: string,
          inputs: readonly { id: string; properties: Record<string, string> }[],
        ): Promise<BatchResult<CrmRecord>> => {
          sent.push(...inputs);
          const at = new Date(t1);
          return Promise.resolve({
            results: inputs.map((input) => ({
              id: input.id,
              properties: {},
              createdAt: at,
              updatedAt: at,
              archived: false,
            })),
            errors: [],
          });
        },
      } as unknown as PortalGateway;
      const gateway = { forPortal: () => portal, forget: () => undefined } satisfies HubSpotGateway;
      const capturing = createCapturingLogger();
      const deps = { db: handle.db, gateway, logger: capturing.logger };

      await writeBackHealth(deps, 8, items(new Map([['1', 64]]), t1));
      const broken = { ...result('1', 70), score: Number.NaN, confidence: Number.NaN };
      const summary = await writeBackHealth(deps, 8, [
        { companyId: '1', values: toWriteBackValues(broken, 1, t2) },
      ]);

      expect(summary).toMatchObject({ changed: 1, written: 1, failed: 0 });
      // The tier moved to healthy and is sent; the NaN score and confidence are not.
      expect(sent[1]).toEqual({
        id: '1',
        properties: {
          harbor_health_tier: 'healthy',
          harbor_health_computed_at: new Date(t2).toISOString(),
        },
      });
      expect(JSON.stringify(sent)).not.toMatch(/NaN/);
      // What Harbor records as written still holds the score HubSpot kept.
      expect((await loadWrittenValues(handle.db, 8, ['1'])).get('1')).toMatchObject({
        harbor_health_score: '64',
        harbor_health_confidence: '75',
        harbor_health_tier: 'healthy',
      });
      const warning = capturing.lines().find((line) => line.includes('not finite numbers'));
      expect(JSON.parse(warning ?? '{}')).toMatchObject({
        count: 1,
        companies: [{ companyId: '1', properties: ['harbor_health_score', 'harbor_health_confidence'] }],
      });
    });

    it('when a batch is refused with 404 for a deleted company, then one read finds it and the rest are sent again', async () => {
      const deleted = new Set(['2']);
      const updates: string[][] = [];
      const portal = {
        portalId: 7,
        listProperties: () =>
          Promise.resolve(
            harborCompanyProperties.map((p) => ({
              ...p,
              description: '',
              options: p.options ?? [],
              hidden: false,
              hubspotDefined: false,
              hasUniqueValue: false,
            })),
          ),
        batchUpdate: (_type: string, inputs: readonly { id: string }[]): Promise<BatchResult<CrmRecord>> => {
          updates.push(inputs.map((input) => input.id));
          if (inputs.some((input) => deleted.has(input.id))) {
            return Promise.reject(
              new HubSpotNotFoundError('Could not update some COMPANY objects', { hubspotStatus: 404 }),
            );
          }
          const at = new Date(t1);
          return Promise.resolve({
            results: inputs.map((input) => ({
              id: input.id,
              properties: {},
              createdAt: at,
              updatedAt: at,
              archived: false,
            })),
            errors: [],
          });
        },
        batchRead: (_type: string, ids: readonly string[]): Promise<BatchResult<CrmRecord>> => {
          const at = new Date(t1);
          return Promise.resolve({
            results: ids
              .filter((id) => !deleted.has(id))
              .map((id) => ({ id, properties: {}, createdAt: at, updatedAt: at, archived: false })),
            errors: [],
          });
        },
      } as unknown as PortalGateway;
      const gateway = { forPortal: () => portal, forget: () => undefined } satisfies HubSpotGateway;

      const summary = await writeBackHealth(
        { db: handle.db, gateway, logger: createQuietLogger().logger },
        7,
        items(
          new Map([
            ['1', 10],
            ['2', 20],
            ['3', 30],
          ]),
          t1,
        ),
      );

      expect(updates).toEqual([
        ['1', '2', '3'],
        ['1', '3'],
      ]);
      expect(summary).toMatchObject({
        changed: 3,
        written: 2,
        missing: 1,
        failed: 0,
        updateCalls: 2,
        calls: 1 + 3,
      });
      expect([...(await loadWrittenValues(handle.db, 7, ['1', '2', '3'])).keys()].sort()).toEqual(['1', '3']);
    });
  },
);
