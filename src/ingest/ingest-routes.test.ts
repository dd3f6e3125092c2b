import type { Express } from 'express';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { listAudit } from '../store/repositories/audit-log-repository.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { upsertOwners } from '../store/repositories/owners-repository.ts';
import { issueIngestKey } from './ingest-keys.ts';

/** buildTestApp's clock. */
const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_400_001;
const otherPortal = 9_400_002;
const adminUserId = '7001';
let requestCount = 0;

function signedHeaders(method: string, path: string, body = '') {
  const timestamp = String(now.getTime() + requestCount++);
  return {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': timestamp,
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: testClientSecret,
      method,
      uri: `${testPublicBaseUrl}${path}`,
      rawBody: body,
      timestamp,
    }),
  };
}

const row = (companyId: string, date: string, metrics: Record<string, number>, features = {}) => ({
  company: { id: companyId },
  date,
  metrics,
  features,
});

describe.each(testDatabaseTargets())('the usage ingest API on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;
  let secret: string;
  let otherSecret: string;
  const ingested: { portalId: number; companyIds: readonly string[] }[] = [];

  const push = (body: unknown, key: string | null = secret) => {
    const call = request(app).post('/api/ingest/usage').set('content-type', 'application/json');
    return (key === null ? call : call.set('authorization', `Bearer ${key}`)).send(JSON.stringify(body));
  };
  const stored = async (companyId: string) => {
    const { rows } = await sql<{ date: string; metric: string; value: number }>`
      select to_char(date, 'YYYY-MM-DD') as date, metric, value from usage_daily
      where company_id = ${companyId} order by date, metric`.execute(handle.db);
    return rows.map((r) => `${r.date} ${r.metric}=${r.value}`);
  };
  const signed = (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const full = `${path}?portalId=${portal}&userId=${adminUserId}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    const call = method === 'GET' ? request(app).get(full) : request(app).post(full);
    return call.set(signedHeaders(method, full, raw)).send(raw === '' ? undefined : raw);
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal, otherPortal]);
    await upsertOwners(
      handle.db,
      portal,
      [
        {
          id: '501',
          email: 'a@c.example',
          firstName: 'A',
          lastName: 'B',
          userId: adminUserId,
          archived: false,
        },
      ],
      now,
    );
    const company = (id: string, domain: string) => ({
      id,
      properties: { name: `Co ${id}`, domain },
      archived: false,
      modifiedAt: now,
    });
    await upsertCrmObjects(
      handle.db,
      portal,
      'companies',
      [
        company('101', 'acme.example'),
        company('102', 'Beta.example'),
        company('103', 'twin.example'),
        company('104', 'twin.example'),
      ],
      now,
    );
    await upsertCrmObjects(handle.db, otherPortal, 'companies', [company('201', 'other.example')], now);
    secret = (await issueIngestKey(handle.db, portal, { name: 'product', createdBy: 'test' }, now)).secret;
    otherSecret = (await issueIngestKey(handle.db, otherPortal, { name: 'p2', createdBy: 'test' }, now))
      .secret;
    app = buildTestApp(handle, {
      logger: createCapturingLogger().logger,
      onUsageIngested: (portalId, companyIds) => ingested.push({ portalId, companyIds }),
    }).app;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a batch mixes good and bad rows, then the good rows are stored whole and every bad one is named with its index and reason', async () => {
    const response = await push({
      rows: [
        row('101', '2026-11-20', { activeUsers: 8, seats: 10 }, { 'reports.export': 4 }),
        row('101', '2026-11-21', { activeUsers: -1, seats: 10 }),
        { company: { domain: 'BETA.example' }, date: '2026-11-20', metrics: { logins: 30 } },
        row('101', '2026-13-01', { logins: 1 }),
        { company: { domain: 'twin.example' }, date: '2026-11-20', metrics: { logins: 3 } },
        row('999', '2026-11-20', { logins: 1 }),
        row('101', '2026-11-27', { logins: 1 }),
        row('101', '2026-11-22', {}),
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ received: 8, applied: 2, companies: 2 });
    const refused = response.body.refused as { index: number; reason: string }[];
    expect(refused.map((r) => r.index)).toEqual([1, 3, 4, 5, 6, 7]);
    expect(refused[0]?.reason).toMatch(/^metrics\.activeUsers: /);
    expect(refused[2]?.reason).toMatch(/several companies have domain twin\.example/);
    expect(refused[3]?.reason).toMatch(/no company 999/);
    expect(refused[4]?.reason).toMatch(/in the future/);
    // The row with a negative value left none of its metrics behind, seats included.
    expect(await stored('101')).toEqual([
      '2026-11-20 activeUsers=8',
      '2026-11-20 feature:reports.export=4',
      '2026-11-20 seats=10',
    ]);
    expect(await stored('102')).toEqual(['2026-11-20 logins=30']);
    expect(ingested.at(-1)).toEqual({ portalId: portal, companyIds: ['101', '102'] });
  });

  it('when a row is sent again with other values, then they replace the old ones (nothing adds up)', async () => {
    const first = row('102', '2026-11-18', { logins: 5, minutes: 60 });
    await push({ rows: [first] });
    await push({ rows: [first] });
    await push({ rows: [row('102', '2026-11-18', { logins: 7 })] });
    expect((await stored('102')).filter((line) => line.startsWith('2026-11-18'))).toEqual([
      '2026-11-18 logins=7',
      '2026-11-18 minutes=60',
    ]);
  });

  it('when one batch names the same day and metric twice, then the later row wins', async () => {
    await push({ rows: [row('102', '2026-11-10', { logins: 1 }), row('102', '2026-11-10', { logins: 2 })] });
    expect((await stored('102')).filter((line) => line.startsWith('2026-11-10'))).toEqual([
      '2026-11-10 logins=2',
    ]);
  });

  it('when a batch has more than 5,000 rows, then it is refused whole with a 413 that says to split it', async () => {
    const rows = Array.from({ length: 5_001 }, () => row('103', '2026-11-01', { logins: 1 }));
    const response = await push({ rows });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.error.message).toMatch(/at most 5000 rows; this one has 5001.*smaller batches/);
    expect(await stored('103')).toEqual([]);
  });

  it("when the key is missing, unknown, revoked or another portal's, then nothing of this portal is written", async () => {
    const body = { rows: [row('103', '2026-11-02', { logins: 1 })] };
    expect((await push(body, null)).status).toBe(401);
    expect((await push(body, 'hik_notakey')).status).toBe(401);
    // Another portal's key: the portal comes from the key, so company 103 is not one of its companies.
    const crossed = await push(body, otherSecret);
    expect(crossed.status).toBe(200);
    expect(crossed.body.applied).toBe(0);
    expect(crossed.body.refused[0].reason).toMatch(/no company 103/);
    expect(await stored('103')).toEqual([]);

    const created = await signed('POST', '/api/settings/ingest-keys', { name: 'to revoke' });
    expect(created.status).toBe(201);
    const fresh = created.body.secret as string;
    expect(fresh.startsWith(created.body.key.prefix as string)).toBe(true);
    expect((await push(body, fresh)).body.applied).toBe(1);
    const revoked = await signed('POST', `/api/settings/ingest-keys/${created.body.key.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBe(now.toISOString());
    const refused = await push({ rows: [row('103', '2026-11-03', { logins: 1 })] }, fresh);
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/revoked/);
    expect(await stored('103')).toEqual(['2026-11-02 logins=1']);
  });

  it('when an admin lists keys, then they see names and prefixes but never a key, and creation and revocation are audited', async () => {
    const listed = await signed('GET', '/api/settings/ingest-keys');
    expect(listed.status).toBe(200);
    const keys = listed.body.keys as { name: string; prefix: string; revokedAt: string | null }[];
    expect(keys.map((key) => [key.name, key.revokedAt !== null])).toEqual([
      ['to revoke', true],
      ['product', false],
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const { rows } = await sql<{ hash: string }>`select hash from ingest_keys`.execute(handle.db);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash) && !secret.includes(r.hash))).toBe(true);
    const actions = (await listAudit(handle.db, portal)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['ingest_key.create', 'ingest_key.revoke']));
  });

  it('when a key of another portal is revoked by id, then it is not found and stays live', async () => {
    const { rows } = await sql<{
      id: string;
    }>`select id from ingest_keys where portal_id = ${otherPortal}`.execute(handle.db);
    const response = await signed('POST', `/api/settings/ingest-keys/${rows[0]?.id ?? '0'}/revoke`);
    expect(response.status).toBe(404);
    expect((await push({ rows: [] }, otherSecret)).status).toBe(200);
  });
});
