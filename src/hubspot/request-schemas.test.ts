import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { associationsBatchRead, createDefaultAssociation } from './associations.ts';
import { createSdkClient } from './client-factory.ts';
import { batchCreate, batchRead, batchUpdate, batchUpsert } from './crm-batch.ts';
import { getById } from './crm-objects.ts';
import { search } from './crm-search.ts';
import { exchangeAuthorizationCode, refreshAccessToken } from './oauth-tokens.ts';
import { listAllOwners } from './owners.ts';
import { listPages } from './paging.ts';
import type { PortalApi } from './portal-api.ts';
import { createProperty, createPropertyGroup } from './properties.ts';
import { sdkModel } from './sdk-model.ts';
import { searchModifiedSince } from './search-windows.ts';
import { createTask } from './tasks.ts';
import { createTestApi, wireBatch, wireObject } from './testing/test-kit.ts';

// HubSpot's published OpenAPI documents are test fixtures kept outside the repository (licence).
const specDir = fileURLToPath(new URL('../../../shared/hubspot-openapi/', import.meta.url));
const specFiles = [
  'crm-companies-v3.json',
  'crm-tasks-v3.json',
  'crm-associations-v4.json',
  'crm-properties-v3.json',
  'crm-owners-v3.json',
  'oauth-v1.json',
];

type Json = Record<string, unknown>;

function loadSpec(file: string): Json {
  const spec = JSON.parse(readFileSync(`${specDir}${file}`, 'utf8')) as {
    components: { schemas: Record<string, { properties?: Record<string, Json> }> };
  };
  // Known defect in the published schema: it types `sorts` items as strings, but HubSpot only honours
  // `{ propertyName, direction }` objects, which is what we send. Everything else is checked as published.
  const sorts = spec.components.schemas.PublicObjectSearchRequest?.properties?.sorts;
  if (sorts !== undefined) {
    sorts.items = {
      type: 'object',
      required: ['propertyName', 'direction'],
      additionalProperties: false,
      properties: {
        propertyName: { type: 'string' },
        direction: { type: 'string', enum: ['ASCENDING', 'DESCENDING'] },
      },
    };
  }
  return spec;
}

/** Canned, minimal answers; this server only judges requests. */
function answer(req: Request): [number, unknown] {
  const { method, path } = req;
  if (path.endsWith('/search')) return [200, { total: 0, results: [] }];
  if (path.includes('/batch/')) return [path.endsWith('/create') ? 201 : 200, wireBatch([])];
  if (path.startsWith('/crm/v4/objects/')) return [200, wireBatch([])];
  if (path === '/oauth/v1/token') {
    return [200, { access_token: 'a', refresh_token: 'r', expires_in: 1800, token_type: 'bearer' }];
  }
  if (path.startsWith('/crm/v3/owners')) return [200, { results: [] }];
  if (path.endsWith('/groups'))
    return [201, { name: 'harbor', label: 'Harbor', displayOrder: 0, archived: false }];
  if (path.startsWith('/crm/v3/properties/')) {
    return [
      201,
      {
        name: 'p',
        label: 'P',
        type: 'string',
        fieldType: 'text',
        groupName: 'harbor',
        description: '',
        options: [],
      },
    ];
  }
  if (method === 'POST') return [201, wireObject('1')];
  if (/\/crm\/v3\/objects\/\w+\/\d+$/.test(path)) return [200, wireObject('1')];
  return [200, { results: [] }];
}

describe.skipIf(!existsSync(specDir))("requests against HubSpot's published OpenAPI schemas", () => {
  const checked: string[] = [];
  let server: Server;
  let baseUrl: string;
  let api: PortalApi;

  beforeAll(async () => {
    // One app per document: the validator keeps a document's schemas to itself, so documents cannot share one.
    const apps = specFiles.map((file) => {
      const spec = loadSpec(file);
      const app = express();
      app.use(express.json());
      app.use(express.urlencoded({ extended: false }));
      app.use(
        OpenApiValidator.middleware({
          apiSpec: spec as never,
          validateRequests: true,
          validateResponses: false,
          validateSecurity: false,
        }),
      );
      app.use((req: Request, res: Response) => {
        checked.push(`${req.method} ${req.path}`);
        const [status, body] = answer(req);
        res.status(status).json(body);
      });
      app.use(
        (error: { status?: number; message: string }, _req: Request, res: Response, _next: NextFunction) => {
          res
            .status(error.status ?? 500)
            .json({ message: `schema: ${error.message}`, category: 'VALIDATION_ERROR' });
        },
      );
      const patterns = Object.keys(spec.paths as Json).map(
        (path) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
      );
      return { app, patterns };
    });
    const front = express();
    front.use((req: Request, res: Response, next: NextFunction) => {
      const owner = apps.find(({ patterns }) => patterns.some((pattern) => pattern.test(req.path)));
      if (owner === undefined) {
        res.status(500).json({ message: `undocumented request ${req.method} ${req.path}`, category: 'TEST' });
        return;
      }
      owner.app(req, res, next);
    });
    await new Promise<void>((resolve) => {
      server = front.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    api = createTestApi({ basePath: baseUrl, retry: { maxAttempts: 1 } }).api;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('when a search body lacks `after` (as the SDK allows), then the checker rejects it', async () => {
    const client = createSdkClient({ basePath: baseUrl, accessToken: 'token' });
    const bare = client.crm.objects.searchApi.doSearch(
      'companies',
      sdkModel<PublicObjectSearchRequest>({ limit: 1, filterGroups: [], sorts: [], properties: [] }),
    );
    await expect(bare).rejects.toMatchObject({ code: 400 });
  });

  it('when searching, then the body carries after, limit, properties, sorts and filterGroups as published', async () => {
    await search(api, 'companies', {});
    await search(api, 'companies', {
      filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: ['acme.example'] }] }],
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
      properties: ['name'],
      limit: 200,
      query: 'acme',
    });
    for await (const page of searchModifiedSince(api, 'companies', { sinceMs: 0, properties: ['name'] })) {
      expect(page.results).toEqual([]);
    }
    expect(checked.filter((line) => line.endsWith('/search'))).toHaveLength(3);
  });

  it('when reading, listing and batch-writing companies, then every request is valid', async () => {
    await getById(api, 'companies', '7', { properties: ['name'], associations: ['deals'] });
    for await (const page of listPages(api, 'companies', {
      properties: ['name', 'domain'],
      associations: ['deals'],
    })) {
      expect(page.after).toBeUndefined();
    }
    await batchRead(api, 'companies', ['1', '2'], { properties: ['name'] });
    await batchRead(api, 'companies', ['1', '2'], { properties: [], propertiesWithHistory: ['name'] });
    await batchCreate(api, 'companies', [{ properties: { name: 'Acme' } }]);
    await batchUpdate(api, 'companies', [{ id: '1', properties: { name: 'Acme' } }]);
    await batchUpsert(api, 'companies', [
      { id: 'acme.example', idProperty: 'domain', properties: { name: 'Acme' } },
    ]);
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /crm/v3/objects/companies/batch/read',
        'POST /crm/v3/objects/companies/batch/create',
        'POST /crm/v3/objects/companies/batch/update',
        'POST /crm/v3/objects/companies/batch/upsert',
      ]),
    );
  });

  it('when creating a task, associations and properties, then every request is valid', async () => {
    await createTask(api, { companyId: '7', subject: 'Call', dueAt: new Date('2026-01-01T00:00:00Z') });
    await associationsBatchRead(api, 'companies', 'deals', ['7']);
    await createDefaultAssociation(
      api,
      { objectType: 'tasks', id: '1' },
      { objectType: 'companies', id: '7' },
    );
    await createProperty(api, 'companies', {
      name: 'harbor_tier',
      label: 'Tier',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'harbor',
      options: [{ label: 'Healthy', value: 'healthy', hidden: false, displayOrder: 0 }],
    });
    await createPropertyGroup(api, 'companies', { name: 'harbor', label: 'Harbor' });
    await listAllOwners(api);
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /crm/v3/objects/tasks',
        'POST /crm/v4/associations/companies/deals/batch/read',
      ]),
    );
  });

  it('when exchanging and refreshing OAuth tokens, then the form matches the token endpoint', async () => {
    const settings = { clientId: 'id', clientSecret: 'secret', basePath: baseUrl };
    await exchangeAuthorizationCode({ code: 'c', redirectUri: 'https://harbor.test/cb', ...settings });
    await refreshAccessToken({ refreshToken: 'r', ...settings });
    expect(checked.filter((line) => line === 'POST /oauth/v1/token')).toHaveLength(2);
  });
});
