import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import {
  finishSyncRun,
  startSyncRun,
  updateSyncRunProgress,
} from '../store/repositories/sync-runs-repository.ts';
import { saveSyncCheckpoint } from '../store/repositories/sync-state-repository.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

function signed(path: string, options: { secret?: string; timestamp?: number } = {}) {
  const timestamp = String(options.timestamp ?? now.getTime());
  return {
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: options.secret ?? testClientSecret,
      method: 'GET',
      uri: `${testPublicBaseUrl}${path}`,
      rawBody: '',
      timestamp,
    }),
    'x-hubspot-request-timestamp': timestamp,
  };
}

describe.each(testDatabaseTargets())('GET /api/sync/status on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [555, 777]);
    const full = await startSyncRun(handle.db, 555, 'full', new Date('2026-11-24T10:00:00Z'));
    await finishSyncRun(
      handle.db,
      full,
      { status: 'succeeded', apiCalls: 412, progress: { companies: { done: 3000, estimatedTotal: 3000 } } },
      new Date('2026-11-24T10:04:00Z'),
    );
    const incremental = await startSyncRun(handle.db, 555, 'incremental', new Date('2026-11-24T11:55:00Z'));
    await updateSyncRunProgress(handle.db, incremental, { companies: { done: 40 } }, 3);
    await startSyncRun(handle.db, 777, 'full', new Date('2026-11-24T11:00:00Z'));
    await saveSyncCheckpoint(
      handle.db,
      555,
      {
        objectType: 'companies',
        phase: 'incremental',
        checkpoint: { kind: 'incremental', after: 'secret-cursor' },
        lastModifiedAt: new Date('2026-11-24T11:54:00Z'),
      },
      now,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when HubSpot asks for a portal, then its runs come newest first with the checkpoints, and nothing of other portals', async () => {
    const { app } = buildTestApp(handle);
    const path = '/api/sync/status?portalId=555';
    const response = await request(app).get(path).set(signed(path)).expect(200);
    expect(response.body).toEqual({
      portalId: 555,
      runs: [
        {
          id: expect.any(Number),
          mode: 'incremental',
          status: 'running',
          startedAt: '2026-11-24T11:55:00.000Z',
          finishedAt: null,
          apiCalls: 3,
          progress: { companies: { done: 40 } },
          error: null,
        },
        {
          id: expect.any(Number),
          mode: 'full',
          status: 'succeeded',
          startedAt: '2026-11-24T10:00:00.000Z',
          finishedAt: '2026-11-24T10:04:00.000Z',
          apiCalls: 412,
          progress: { companies: { done: 3000, estimatedTotal: 3000 } },
          error: null,
        },
      ],
      checkpoints: [
        { objectType: 'companies', phase: 'incremental', lastModifiedAt: '2026-11-24T11:54:00.000Z' },
      ],
    });
    expect(JSON.stringify(response.body)).not.toContain('secret-cursor');
  });

  it('when a limit is given, then only that many runs come back', async () => {
    const { app } = buildTestApp(handle);
    const path = '/api/sync/status?portalId=555&limit=1';
    const response = await request(app).get(path).set(signed(path)).expect(200);
    expect(response.body.runs).toHaveLength(1);
  });

  it('when the portal has no install, then the answer is 403 saying so', async () => {
    const { app } = buildTestApp(handle);
    const path = '/api/sync/status?portalId=999';
    const response = await request(app).get(path).set(signed(path)).expect(403);
    expect(response.body.error.code).toBe('PORTAL_NOT_INSTALLED');
  });

  it.each([
    ['/api/sync/status', 'IDENTITY_INVALID', /names no portal/],
    [
      '/api/sync/status?portalId=abc',
      'IDENTITY_INVALID',
      /^Cannot tell who is asking: portalId must be decimal digits/,
    ],
    ['/api/sync/status?portalId=0x22b', 'IDENTITY_INVALID', /portalId must be decimal digits/],
    ['/api/sync/status?portalId=555&portalId=556', 'IDENTITY_INVALID', /more than one portal/],
    ['/api/sync/status?portalId=555&limit=500', 'VALIDATION_FAILED', /^limit: /],
  ])('when the query is %s, then the answer is 400 naming the problem', async (path, code, message) => {
    const { app } = buildTestApp(handle);
    const response = await request(app).get(path).set(signed(path)).expect(400);
    expect(response.body.error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it.each([
    ['unsigned', () => ({}), 'SIGNATURE_MISSING'],
    [
      'signed with another secret',
      (path: string) => signed(path, { secret: 'not-ours' }),
      'SIGNATURE_MISMATCH',
    ],
    ['signed for another portal', () => signed('/api/sync/status?portalId=777'), 'SIGNATURE_MISMATCH'],
    [
      'signed six minutes ago',
      (path: string) => signed(path, { timestamp: now.getTime() - 360_000 }),
      'SIGNATURE_EXPIRED',
    ],
  ])(
    'when the request is %s, then the answer is 401 and no status is shown',
    async (_label, headers, code) => {
      const { app } = buildTestApp(handle);
      const path = '/api/sync/status?portalId=555';
      const response = await request(app).get(path).set(headers(path)).expect(401);
      expect(response.body.error.code).toBe(code);
      expect(response.body.runs).toBeUndefined();
    },
  );
});
