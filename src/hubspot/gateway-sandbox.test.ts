import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import { createHubSpotGateway, createStoredTokenSources } from './hubspot-gateway.ts';
import { HubSpotNotFoundError, HubSpotRateLimitedError } from './hubspot-errors.ts';
import { exchangeAuthorizationCode, fetchTokenInfo } from './oauth-tokens.ts';
import type { PortalGateway } from './portal-gateway.ts';
import { createMemoryLogger } from './testing/test-kit.ts';
import { createStaticTokenSource, type StoredCredentials } from './token-source.ts';

interface SandboxStats {
  totalCalls: number;
  rateLimited: Record<string, number>;
  faults: Record<string, number>;
}

async function sandboxStats(sandbox: RunningSandbox): Promise<SandboxStats> {
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/stats`);
  return (await response.json()) as SandboxStats;
}

function gatewayFor(
  sandbox: RunningSandbox,
  callsPer10Seconds: number,
  searchesPerSecond = 5,
): PortalGateway {
  return createHubSpotGateway({
    basePath: sandbox.baseUrl,
    logger: createMemoryLogger().logger,
    tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
    rateLimits: { callsPer10Seconds, searchesPerSecond },
    timeoutMs: 10_000,
  }).forPortal(sandbox.portalId);
}

describe('gateway against the sandbox with 5xx and dropped connections', () => {
  let sandbox: RunningSandbox;
  let gateway: PortalGateway;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      companies: 10_000,
      seed: 11,
      rateLimit: 1_000,
      searchPerSecond: 50,
      faults: '5xx=0.1,drop=0.02',
    });
    gateway = gatewayFor(sandbox, 1_000, 45);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when paging through 10,000 companies, then each comes back exactly once', async () => {
    const ids: string[] = [];
    for await (const page of gateway.listPages('companies', { properties: ['name', 'domain'] })) {
      ids.push(...page.results.map((record) => record.id));
    }

    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    const stats = await sandboxStats(sandbox);
    expect(stats.faults['5xx']).toBeGreaterThan(0);
    expect(stats.faults.drop).toBeGreaterThan(0);
    expect(Object.values(stats.rateLimited).reduce((sum, count) => sum + count, 0)).toBe(0);
  });

  it('when walking every company modified since the start, then search crosses the 10,000 cap without loss or repeats', async () => {
    const ids: string[] = [];
    for await (const page of gateway.searchModifiedSince('companies', { sinceMs: 0, properties: ['name'] })) {
      ids.push(...page.results.map((record) => record.id));
    }

    expect(new Set(ids).size).toBe(10_000);
    expect(ids).toHaveLength(10_000);
  });
});

describe('gateway functions against the sandbox', () => {
  let sandbox: RunningSandbox;
  let gateway: PortalGateway;
  let companyIds: string[];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, companies: 120, seed: 5 });
    gateway = gatewayFor(sandbox, 100);
    companyIds = [];
    for await (const page of gateway.listPages('companies', { properties: ['name'] })) {
      companyIds.push(...page.results.map((record) => record.id));
    }
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when reading and searching, then records, batches and search pages come back mapped', async () => {
    const [first = '', second = ''] = companyIds;
    const company = await gateway.getById('companies', first, {
      properties: ['name'],
      associations: ['deals'],
    });
    const batch = await gateway.batchRead('companies', [...companyIds, '424242'], { properties: ['name'] });
    const page = await gateway.search('companies', {
      filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: second }] }],
      properties: ['name'],
      limit: 10,
    });

    expect(companyIds).toHaveLength(120);
    expect(company.properties.name).toEqual(expect.any(String));
    expect(company.createdAt).toBeInstanceOf(Date);
    expect(batch.results).toHaveLength(120);
    expect(batch.errors).toMatchObject([{ category: 'OBJECT_NOT_FOUND', ids: ['424242'] }]);
    expect(page.results.map((record) => record.id)).toEqual([second]);
    await expect(gateway.getById('companies', '424242', { properties: [] })).rejects.toBeInstanceOf(
      HubSpotNotFoundError,
    );
  });

  it('when reading companies with property history, then 50 go per call and each history ends in today’s value', async () => {
    const names = [
      'last_login_date',
      'notes_last_contacted',
      'active_users_30d',
      'customer_status',
      'churn_date',
    ];
    const callsBefore = gateway.callCount();

    const batch = await gateway.batchRead('companies', companyIds, {
      properties: names,
      propertiesWithHistory: names,
    });

    expect(gateway.callCount() - callsBefore).toBe(3);
    expect(batch.results).toHaveLength(120);
    for (const company of batch.results) {
      for (const name of names) {
        const versions = company.propertiesWithHistory?.[name] ?? [];
        expect(versions[0]?.value ?? null, name).toBe(company.properties[name] ?? null);
        for (let i = 1; i < versions.length; i += 1) {
          expect(versions[i]?.timestamp, name).toBeLessThan(versions[i - 1]?.timestamp ?? 0);
        }
      }
      expect(company.propertiesWithHistory?.last_login_date?.length).toBeGreaterThan(1);
    }
    const churned = batch.results.filter((company) => company.properties.customer_status === 'churned');
    expect(churned.length).toBeGreaterThan(0);
    for (const company of churned) {
      const [churnedAt, before] = company.propertiesWithHistory?.customer_status ?? [];
      expect(churnedAt?.timestamp).toBeGreaterThan(before?.timestamp ?? Infinity);
      expect(before?.value).toBe('active');
      expect(company.propertiesWithHistory?.churn_date?.[0]?.timestamp).toBe(churnedAt?.timestamp);
    }
  });

  it('when writing, then create, update, upsert, tasks and associations take effect', async () => {
    const [companyId = ''] = companyIds;
    const created = await gateway.batchCreate('companies', [
      { properties: { name: 'Gateway Test Co', domain: 'gateway-test.example' } },
    ]);
    const newId = created.results[0]?.id ?? '';
    const updated = await gateway.batchUpdate('companies', [
      { id: newId, properties: { name: 'Renamed Co' } },
    ]);
    const upserted = await gateway.batchUpsert('companies', [
      { id: 'gateway-test.example', idProperty: 'domain', properties: { name: 'Upserted Co' } },
      { id: 'brand-new.example', idProperty: 'domain', properties: { name: 'Brand New Co' } },
    ]);
    const task = await gateway.createTask({
      companyId,
      subject: 'Renewal call',
      dueAt: new Date('2026-12-01T09:00:00Z'),
    });
    const taskLinks = await gateway.associationsBatchRead('tasks', 'companies', [task.id]);
    await gateway.createDefaultAssociation(
      { objectType: 'tasks', id: task.id },
      { objectType: 'companies', id: newId },
    );
    const afterDefault = await gateway.associationsBatchRead('tasks', 'companies', [task.id]);
    const dealLinks = await gateway.associationsBatchRead('companies', 'deals', companyIds);

    expect(updated.results[0]?.properties.name).toBe('Renamed Co');
    expect(upserted.results.map((record) => record.isNew)).toEqual([false, true]);
    expect(taskLinks.byId.get(task.id)).toEqual([
      { toObjectId: companyId, types: [expect.objectContaining({ typeId: 192 })] },
    ]);
    expect(
      afterDefault.byId
        .get(task.id)
        ?.map((link) => link.toObjectId)
        .sort(),
    ).toEqual([companyId, newId].sort());
    expect([...dealLinks.byId.values()].some((links) => links.length > 0)).toBe(true);
    expect(dealLinks.errors).toEqual([]);
  });

  it('when reading metadata, then properties, groups, owners and pipelines come back, and new ones can be made', async () => {
    await gateway.createPropertyGroup('companies', { name: 'harbor_gateway_test', label: 'Harbor (test)' });
    await gateway.createProperty('companies', {
      name: 'harbor_gateway_score',
      label: 'Score',
      type: 'number',
      fieldType: 'number',
      groupName: 'harbor_gateway_test',
    });

    const properties = await gateway.listProperties('companies');
    const groups = await gateway.listPropertyGroups('companies');
    const owners = await gateway.listAllOwners();
    const dealPipelines = await gateway.listPipelines('deals');
    const ticketPipelines = await gateway.listPipelines('tickets');

    expect(properties.map((property) => property.name)).toContain('harbor_gateway_score');
    expect(groups.map((group) => group.name)).toContain('harbor_gateway_test');
    expect(owners.length).toBeGreaterThan(0);
    expect(dealPipelines[0]?.stages.length).toBeGreaterThan(0);
    expect(ticketPipelines.length).toBeGreaterThan(0);
  });

  it('when installing by OAuth, then the code exchange, token info and a refresh before expiry all work', async () => {
    const redirectUri = 'http://127.0.0.1:9/oauth/callback';
    const authorize = new URL(`${sandbox.baseUrl}/oauth/authorize`);
    authorize.searchParams.set('client_id', sandbox.clientId);
    authorize.searchParams.set('redirect_uri', redirectUri);
    authorize.searchParams.set('scope', 'oauth crm.objects.companies.read');
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const settings = {
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      basePath: sandbox.baseUrl,
    };

    const tokens = await exchangeAuthorizationCode({ code, redirectUri, ...settings });
    const info = await fetchTokenInfo(tokens.accessToken, { basePath: sandbox.baseUrl });
    // Stored as if it expired in a minute, so the first call must refresh it first.
    const row: StoredCredentials = {
      authKind: 'oauth',
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      tokenExpiresAt: new Date(Date.now() + 60_000),
      isActive: true,
    };
    const saved: string[] = [];
    const oauthGateway = createHubSpotGateway({
      basePath: sandbox.baseUrl,
      logger: createMemoryLogger().logger,
      tokenSourceFor: createStoredTokenSources({
        basePath: sandbox.baseUrl,
        load: () => Promise.resolve(row),
        save: (_portalId, refreshed) => {
          saved.push(refreshed.accessToken);
          return Promise.resolve();
        },
        oauthClient: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      }),
    }).forPortal(info.hubId);

    const company = await oauthGateway.getById('companies', companyIds[0] ?? '', { properties: ['name'] });

    expect(info.hubId).toBe(sandbox.portalId);
    expect(tokens.hubId).toBe(sandbox.portalId);
    expect(info.scopes).toContain('crm.objects.companies.read');
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toBe(tokens.accessToken);
    expect(company.id).toBe(companyIds[0]);
  });
});

describe('gateway against the sandbox’s rate limits', () => {
  it('when 429 bursts are injected, then calls still succeed after waiting', async () => {
    const sandbox = await startSandbox({ port: 0, companies: 20, seed: 2, faults: '429burst=0.2:2' });
    try {
      const gateway = gatewayFor(sandbox, 100);
      const ids: string[] = [];
      for await (const page of gateway.listPages('companies', { properties: [] })) {
        ids.push(...page.results.map((record) => record.id));
      }
      for (const id of ids.slice(0, 8)) await gateway.getById('companies', id, { properties: [] });

      const stats = await sandboxStats(sandbox);
      expect(stats.faults['429burst']).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });

  it('when the daily limit is reached, then the next call fails at once with a daily rate-limit error', async () => {
    const sandbox = await startSandbox({ port: 0, companies: 5, seed: 2, dailyLimit: 2 });
    try {
      const gateway = gatewayFor(sandbox, 100);
      await gateway.listAllOwners();
      await gateway.listPipelines('deals');

      const error = await gateway.listPipelines('tickets').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(HubSpotRateLimitedError);
      expect(error).toMatchObject({ isDaily: true, policyName: 'DAILY' });
      expect((await sandboxStats(sandbox)).totalCalls).toBe(3);
    } finally {
      await sandbox.close();
    }
  });
});
