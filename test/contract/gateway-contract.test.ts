import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHubSpotGateway } from '../../src/hubspot/hubspot-gateway.ts';
import {
  exchangeAuthorizationCode,
  fetchTokenInfo,
  refreshAccessToken,
} from '../../src/hubspot/oauth-tokens.ts';
import type { PortalGateway } from '../../src/hubspot/portal-gateway.ts';
import { createStaticTokenSource } from '../../src/hubspot/token-source.ts';
import { harborTaskKeyDefinition, harborTaskKeyProperty } from '../../src/tasks/harbor-task-property.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import {
  specsAvailable,
  specsMissingReason,
  startContractSandbox,
  type ContractSandbox,
} from './contract-sandbox.ts';

if (!specsAvailable) process.stdout.write(`${specsMissingReason}\n`);

async function collect<T>(pages: AsyncIterable<{ results: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.results);
  return all;
}

describe.skipIf(!specsAvailable)(
  'HubSpot contract: the gateway against the sandbox, judged by HubSpot OpenAPI documents',
  () => {
    let contract: ContractSandbox;
    let gateway: PortalGateway;

    beforeAll(async () => {
      contract = await startContractSandbox({ companies: 40, seed: 5, rateLimit: 1000 });
      gateway = createHubSpotGateway({
        basePath: contract.baseUrl,
        logger: createCapturingLogger().logger,
        tokenSourceFor: () => createStaticTokenSource(contract.accessToken),
        rateLimits: { callsPer10Seconds: 1000 },
      }).forPortal(contract.portalId);
    });

    afterAll(async () => {
      await contract.close();
    });

    it('when Harbor reads every object type, then each request and response keeps to the contract', async () => {
      for (const type of ['companies', 'deals', 'tickets', 'contacts', 'feedback_submissions']) {
        const records = await collect(
          gateway.listPages(type, {
            properties: ['hs_object_id'],
            associations: type === 'companies' ? ['deals'] : [],
          }),
        );
        expect(records.length).toBeGreaterThan(0);
        const first = records[0]!;
        expect((await gateway.getById(type, first.id, { properties: ['hs_object_id'] })).id).toBe(first.id);
        const batch = await gateway.batchRead(
          type,
          [...records.slice(0, 3).map((record) => record.id), '1'],
          { properties: ['hs_object_id'] },
        );
        expect(batch.results).toHaveLength(Math.min(3, records.length));
        expect(batch.errors.length).toBeGreaterThan(0);
      }
      expect(contract.violations).toEqual([]);
    });

    it('when Harbor searches, windows by modification time and reads associations, then the contract holds', async () => {
      const page = await gateway.search('companies', {
        filterGroups: [{ filters: [{ propertyName: 'contract_value', operator: 'GT', value: '1000' }] }],
        sorts: [{ propertyName: 'contract_value', direction: 'DESCENDING' }],
        properties: ['name', 'contract_value'],
        limit: 10,
      });
      expect(page.total).toBeGreaterThan(0);
      const modified = await collect(
        gateway.searchModifiedSince('tickets', { sinceMs: 0, properties: ['subject'] }),
      );
      expect(modified.length).toBeGreaterThan(0);
      const companies = await collect(gateway.listPages('companies', { properties: ['name'] }));
      const links = await gateway.associationsBatchRead(
        'companies',
        'deals',
        companies.slice(0, 10).map((company) => company.id),
      );
      expect(links.byId.size).toBeGreaterThan(0);
      expect(contract.violations).toEqual([]);
    });

    it('when Harbor writes records, properties, associations and tasks, then the contract holds', async () => {
      const [company] = (
        await gateway.batchCreate('companies', [
          { properties: { name: 'Contract Co', domain: 'contract.example' } },
        ])
      ).results;
      expect(company).toBeDefined();
      await gateway.batchUpdate('companies', [
        { id: company!.id, properties: { name: 'Contract Co Renamed' } },
      ]);
      await gateway.batchUpsert('companies', [
        { id: 'contract.example', idProperty: 'domain', properties: { name: 'Contract Co Upserted' } },
      ]);
      const [deal] = (
        await gateway.batchCreate('deals', [
          {
            properties: { dealname: 'Contract deal', pipeline: 'default', dealstage: 'appointmentscheduled' },
          },
        ])
      ).results;
      await gateway.createDefaultAssociation(
        { objectType: 'deals', id: deal!.id },
        { objectType: 'companies', id: company!.id },
      );
      await gateway.createPropertyGroup('companies', {
        name: 'harbor_contract',
        label: 'Harbor (contract test)',
      });
      await gateway.createProperty('companies', {
        name: 'harbor_contract_score',
        label: 'Score',
        type: 'number',
        fieldType: 'number',
        groupName: 'harbor_contract',
      });
      expect(
        (await gateway.listProperties('companies')).some(
          (property) => property.name === 'harbor_contract_score',
        ),
      ).toBe(true);
      expect(
        (await gateway.listPropertyGroups('companies')).some((group) => group.name === 'harbor_contract'),
      ).toBe(true);
      expect((await gateway.listAllOwners()).length).toBeGreaterThan(0);
      expect((await gateway.listPipelines('deals')).length).toBeGreaterThan(0);
      const task = await gateway.createTask({
        companyId: company!.id,
        subject: 'Call the champion',
        dueAt: new Date('2026-12-01T09:00:00Z'),
      });
      expect(task.properties.hs_task_subject).toBe('Call the champion');
      expect(contract.violations).toEqual([]);
    });

    it('when Harbor creates a keyed task once and reads tasks back by key and by modification, then the contract holds', async () => {
      const [company] = (await gateway.batchCreate('companies', [{ properties: { name: 'Task Co' } }]))
        .results;
      await gateway.createPropertyGroup('tasks', { name: 'harbor', label: 'Harbor' });
      await gateway.createProperty('tasks', harborTaskKeyDefinition);
      const task = await gateway.createTask(
        {
          companyId: company!.id,
          subject: 'Kick-off call',
          body: 'Onboarding, step 1',
          dueAt: new Date('2026-12-01T09:00:00Z'),
          priority: 'HIGH',
          type: 'CALL',
          properties: { [harborTaskKeyProperty]: 'playbook:contract:1' },
        },
        { retryUnknownOutcome: false },
      );
      const byKey = await gateway.search('tasks', {
        filterGroups: [
          {
            filters: [{ propertyName: harborTaskKeyProperty, operator: 'EQ', value: 'playbook:contract:1' }],
          },
        ],
        properties: [harborTaskKeyProperty, 'hs_task_status', 'hs_task_completion_date'],
        limit: 10,
      });
      const modified = await collect(
        gateway.searchModifiedSince('tasks', {
          sinceMs: 0,
          properties: [harborTaskKeyProperty, 'hs_task_status'],
          filters: [{ propertyName: harborTaskKeyProperty, operator: 'HAS_PROPERTY' }],
        }),
      );
      expect(byKey.results.map((record) => record.id)).toEqual([task.id]);
      expect(modified.map((record) => record.id)).toEqual([task.id]);
      expect(contract.violations).toEqual([]);
    });

    it('when Harbor runs the OAuth grants and token info, then the contract holds', async () => {
      const authorize = new URL(`${contract.baseUrl}/oauth/authorize`);
      authorize.search = new URLSearchParams({
        client_id: contract.clientId,
        redirect_uri: 'https://harbor.test/oauth/callback',
        scope: 'oauth',
        state: 's',
      }).toString();
      const redirect = await fetch(authorize, { redirect: 'manual' });
      const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const settings = {
        clientId: contract.clientId,
        clientSecret: contract.clientSecret,
        basePath: contract.baseUrl,
      };
      const tokens = await exchangeAuthorizationCode({
        code,
        redirectUri: 'https://harbor.test/oauth/callback',
        ...settings,
      });
      await refreshAccessToken({ refreshToken: tokens.refreshToken, ...settings });
      expect((await fetchTokenInfo(tokens.accessToken, { basePath: contract.baseUrl })).hubId).toBe(
        contract.portalId,
      );
      expect(contract.violations).toEqual([]);
    });

    it('when the suite has run, then the documents judged the traffic (the harness is not idle)', () => {
      expect(contract.judged()).toBeGreaterThan(25);
    });
  },
);

describe.skipIf(!specsAvailable)('HubSpot contract harness', () => {
  it('when the sandbox answers with a property set to null, then the harness records a response violation', async () => {
    const broken = Router();
    broken.get('/crm/v3/objects/companies/:id', (req, res) => {
      res.json({
        id: req.params.id,
        properties: { name: null },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        archived: false,
      });
    });
    const contract = await startContractSandbox({ crmRoutes: broken });
    try {
      await fetch(`${contract.baseUrl}/crm/v3/objects/companies/1`, {
        headers: { authorization: `Bearer ${contract.accessToken}` },
      });
      expect(contract.violations).toContainEqual(
        expect.objectContaining({
          direction: 'response',
          message: '/response/properties/name must be string',
        }),
      );
    } finally {
      await contract.close();
    }
  });

  it('when a client sends a search without the fields the document requires, then the harness records a request violation', async () => {
    const contract = await startContractSandbox({ companies: 2 });
    try {
      const response = await fetch(`${contract.baseUrl}/crm/v3/objects/companies/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${contract.accessToken}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(400);
      expect(contract.violations[0]).toMatchObject({
        direction: 'request',
        message: expect.stringContaining("required property 'after'"),
      });
    } finally {
      await contract.close();
    }
  });
});
