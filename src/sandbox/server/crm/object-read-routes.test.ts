import type express from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  buildCrmTestApp,
  buildTestPortal,
  insertRecord,
  resultsOf,
  type TestPortal,
} from './test-support.ts';

describe('CRM objects v3: list and read', () => {
  let portal: TestPortal;
  let app: express.Express;
  beforeEach(() => {
    portal = buildTestPortal();
    app = buildCrmTestApp(portal.store);
  });

  it('when paging companies with a limit, then every live record is visited exactly once', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const response = await request(app)
        .get('/crm/v3/objects/companies')
        .query({ limit: 7, ...(after === undefined ? {} : { after }) })
        .expect(200);
      expect(response.body.results.length).toBeLessThanOrEqual(7);
      seen.push(...resultsOf(response.body).map((item) => item.id ?? ''));
      after = response.body.paging?.next.after;
      pages += 1;
    } while (after !== undefined && pages < 10);
    const live = portal.companyIds.filter((id) => id !== portal.archivedCompanyId);
    expect(seen).toEqual(live);
    expect(pages).toBe(4);
  });

  it('when a page asks for property history, then it holds at most 50 records and pages on', async () => {
    for (let i = 0; i < 60; i += 1) {
      insertRecord(portal.store, 'companies', { name: `Extra ${i}` }, Date.parse('2026-02-01T00:00:00Z'));
    }
    const withHistory = await request(app)
      .get('/crm/v3/objects/companies')
      .query({ limit: 100, propertiesWithHistory: 'name' })
      .expect(200);
    expect(withHistory.body.results).toHaveLength(50);
    expect(withHistory.body.paging.next.after).toBe(withHistory.body.results[49].id);
    const without = await request(app).get('/crm/v3/objects/companies').query({ limit: 100 }).expect(200);
    expect(without.body.results.length).toBeGreaterThan(50);
  });

  it('when no limit is given, then 10 records come back with a next cursor', async () => {
    const response = await request(app).get('/crm/v3/objects/companies').expect(200);
    expect(response.body.results).toHaveLength(10);
    expect(response.body.paging.next.after).toBe(response.body.results[9].id);
  });

  it('when limit is 100, then it is accepted, and above 100 it is a 400 VALIDATION_ERROR', async () => {
    await request(app).get('/crm/v3/objects/companies?limit=100').expect(200);
    const response = await request(app).get('/crm/v3/objects/companies?limit=101').expect(400);
    expect(response.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(response.body.message).toContain('limit');
    expect(response.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when no properties are asked, then the type defaults come back and empty ones are omitted', async () => {
    const response = await request(app).get(`/crm/v3/objects/companies/${portal.companyIds[0]}`).expect(200);
    expect(Object.keys(response.body.properties as object).sort()).toEqual(
      ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'].sort(),
    );
    expect(response.body).toMatchObject({
      id: portal.companyIds[0],
      archived: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('when properties come comma-separated and repeated, then exactly those plus the system ones come back', async () => {
    const response = await request(app)
      .get(
        `/crm/v3/objects/companies/${portal.companyIds[1]}?properties=industry,annualrevenue&properties=missing_one`,
      )
      .expect(200);
    expect(response.body.properties).toEqual({
      industry: 'RETAIL',
      annualrevenue: '2000',
      hs_object_id: portal.companyIds[1],
      createdate: '2026-01-02T00:00:00.000Z',
      hs_lastmodifieddate: '2026-01-02T00:00:00.000Z',
    });
  });

  it('when propertiesWithHistory is asked, then versions come newest first with ISO timestamps', async () => {
    const response = await request(app)
      .get(`/crm/v3/objects/companies/${portal.companyIds[0]}?propertiesWithHistory=name,domain`)
      .expect(200);
    expect(response.body.propertiesWithHistory.name).toEqual([
      { value: 'Company 00', timestamp: '2026-01-04T00:00:00.000Z', sourceType: 'CRM_UI' },
      { value: 'Old Name', timestamp: '2026-01-01T00:00:00.000Z', sourceType: 'IMPORT' },
    ]);
    expect(response.body.propertiesWithHistory.domain).toHaveLength(1);
    expect(response.body.properties.name).toBe('Company 00');
  });

  it('when associations are asked, then ids come with HubSpot type names, primary and unlabeled both', async () => {
    const dealId = portal.dealIds[0] ?? '';
    const response = await request(app)
      .get(`/crm/v3/objects/deals/${dealId}?associations=companies&associations=tickets`)
      .expect(200);
    expect(response.body.associations).toEqual({
      companies: {
        results: [
          { id: portal.companyIds[0], type: 'deal_to_company' },
          { id: portal.companyIds[0], type: 'deal_to_company_unlabeled' },
        ],
      },
    });
    const company = await request(app).get(`/crm/v3/objects/companies?associations=deal&limit=1`).expect(200);
    expect(company.body.results[0].associations.deals.results).toHaveLength(3);
    expect(company.body.results[0].associations.deals.results[0].type).toBe('company_to_deal');
  });

  it('when archived=true, then only archived records come back, with archivedAt', async () => {
    const response = await request(app).get('/crm/v3/objects/companies?archived=true').expect(200);
    expect(response.body.results).toHaveLength(1);
    expect(response.body.results[0]).toMatchObject({
      id: portal.archivedCompanyId,
      archived: true,
      archivedAt: '2026-02-10T00:00:00.000Z',
    });
    expect(response.body.paging).toBeUndefined();
  });

  it('when an archived record is read, then 404 unless archived=true', async () => {
    await request(app).get(`/crm/v3/objects/companies/${portal.archivedCompanyId}`).expect(404);
    await request(app).get(`/crm/v3/objects/companies/${portal.archivedCompanyId}?archived=true`).expect(200);
  });

  it('when the id is unknown, then 404 OBJECT_NOT_FOUND', async () => {
    const response = await request(app).get('/crm/v3/objects/companies/999').expect(404);
    expect(response.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
  });

  it('when idProperty names a unique property, then the record is found by its value', async () => {
    const response = await request(app)
      .get('/crm/v3/objects/companies/COMPANY-03.example?idProperty=domain')
      .expect(200);
    expect(response.body.id).toBe(portal.companyIds[3]);
  });

  it('when the object type is unknown, then 404; singular names and type ids are accepted', async () => {
    const response = await request(app).get('/crm/v3/objects/widgets').expect(404);
    expect(response.body.category).toBe('OBJECT_NOT_FOUND');
    await request(app).get('/crm/v3/objects/0-3').expect(200);
    await request(app).get('/crm/v3/objects/company').expect(200);
  });

  it('when feedback submissions are listed, then they read like any object', async () => {
    const response = await request(app)
      .get('/crm/v3/objects/feedback_submissions?properties=hs_value')
      .expect(200);
    expect(resultsOf(response.body).map((item) => item.properties?.hs_value)).toEqual(['9', '3']);
  });
});
