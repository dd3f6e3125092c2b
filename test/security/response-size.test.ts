import type { AddressInfo } from 'node:net';

import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { computeHealth } from '../../src/health/engine/compute-health.pure.ts';
import { builtInIndicatorIds } from '../../src/health/model/health-model-schema.ts';
import { appRoutes } from '../../src/http/app-routes.ts';
import { maxResponseBytes } from '../../src/http/route-table/register-routes.ts';
import { computeSignatureV3 } from '../../src/hubspot/signature/hubspot-signature.ts';
import type { DatabaseHandle } from '../../src/store/open-database.ts';
import { createCalibrationProposal } from '../../src/store/repositories/health-calibration-repository.ts';
import { saveHealthModelVersion } from '../../src/store/repositories/health-models-repository.ts';
import {
  saveHealthScores,
  toHealthScoreRecord,
} from '../../src/store/repositories/health-scores-repository.ts';
import { finishSyncRun, startSyncRun } from '../../src/store/repositories/sync-runs-repository.ts';
import { syncedObjectTypes } from '../../src/sync/sync-types.ts';
import { testClientSecret, testPublicBaseUrl } from '../support/test-app.ts';
import { testDatabaseTargets } from '../support/test-databases.ts';
import { largestHealthModel } from './largest-values.ts';
import { sendRaw } from './raw-http.ts';
import { buildSecurityApp, examplePortalId, fixtureNow, seedExamples } from './security-fixture.ts';
import { exampleCase, pathOf } from './security-walk.ts';

/**
 * hubspot.fetch drops answers over 1 MB. With every stored value at the largest the domain limits allow,
 * each route's largest page (its example asks for the largest) must still fit; a route that cannot is
 * paged instead.
 */
describe('largest answers', () => {
  let handle: DatabaseHandle;
  const answers = new Map<string, { status: number; bytes: number; text: string }>();

  beforeAll(async () => {
    nock.restore();
    handle = await testDatabaseTargets()[0]!.open();
    await seedExamples(handle);
    const model = largestHealthModel();
    await saveHealthModelVersion(handle.db, examplePortalId, model, {
      source: 'admin',
      actor: 'hubspot-user:7001',
    });
    // Every property every indicator reads, so every indicator has a value and an explanation.
    const properties: Record<string, string> = {};
    for (const name of Object.values(model.properties)) if (name !== null) properties[name] = '5';
    for (const indicator of model.customIndicators)
      properties[indicator.property] =
        Object.keys(indicator.kind === 'enumeration' ? indicator.points : {})[0] ?? '1';
    properties[model.segmentation.property] =
      Object.keys(model.segmentation.kind === 'values' ? model.segmentation.values : {})[0] ?? '1';
    const records = Array.from({ length: 200 }, (_unused, index) =>
      toHealthScoreRecord(
        computeHealth(
          {
            companyId: String(10_000_000_000_000_000_000n + BigInt(index)),
            properties,
            tickets: [{ createdAt: fixtureNow.getTime() - 86_400_000, priority: 'URGENT', escalated: true }],
            feedback: [
              { type: 'NPS', value: 3, submittedAt: fixtureNow.getTime() - 86_400_000 },
              { type: 'CSAT', value: 0, submittedAt: fixtureNow.getTime() - 86_400_000 },
              { type: 'CES', value: 2, submittedAt: fixtureNow.getTime() - 86_400_000 },
            ],
            history: [7, 30, 90].map((days) => ({
              day: fixtureNow.getTime() - days * 86_400_000,
              score: 90,
              components: { usage: 90, support: 90, payment: 90, engagement: 90, sentiment: 90, custom: 90 },
            })),
          },
          model,
          fixtureNow.getTime(),
        ),
        2,
        fixtureNow,
      ),
    );
    expect(records[0]!.components.flatMap((entry) => entry.indicators).length).toBeGreaterThanOrEqual(
      builtInIndicatorIds.length,
    );
    await saveHealthScores(handle.db, examplePortalId, [...records, { ...records[0]!, companyId: '1001' }]);
    for (let index = 0; index < 60; index += 1) {
      await createCalibrationProposal(handle.db, examplePortalId, {
        baseModelVersion: 2,
        model,
        report: { weights: model.segments, recommendation: { apply: false, reason: 'x'.repeat(500) } },
        actor: `hubspot-user:${'9'.repeat(16)}`,
      });
    }
    for (let index = 0; index < 60; index += 1) {
      const id = await startSyncRun(handle.db, examplePortalId, 'incremental', fixtureNow);
      const types = Object.fromEntries(
        syncedObjectTypes.map((type) => [
          type,
          { done: 123_456_789, estimatedTotal: 123_456_789, phase: 'links' },
        ]),
      );
      await finishSyncRun(
        handle.db,
        id,
        {
          status: 'failed',
          apiCalls: 123_456,
          progress: { phase: 'links', types },
          error: 'e'.repeat(20_000),
        },
        fixtureNow,
      );
    }

    const { app, deps } = buildSecurityApp(handle);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    let clock = 0;
    try {
      for (const spec of appRoutes(deps)) {
        if (spec.method !== 'GET' || spec.auth.kind !== 'hubspot') continue;
        const walkCase = exampleCase(spec, 'largest', {});
        const target = `${pathOf(spec)}?${walkCase.query}`;
        const timestamp = String(fixtureNow.getTime() + clock++);
        const response = await sendRaw(port, {
          method: 'GET',
          target,
          headers: {
            'x-hubspot-request-timestamp': timestamp,
            'x-hubspot-signature-v3': computeSignatureV3({
              clientSecret: testClientSecret,
              method: 'GET',
              uri: `${testPublicBaseUrl}${target}`,
              rawBody: '',
              timestamp,
            }),
          },
        });
        answers.set(spec.path, {
          status: response.status,
          bytes: Buffer.byteLength(response.text),
          text: response.text.slice(0, 300),
        });
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);
  afterAll(async () => {
    nock.activate();
    await handle.close();
  });

  it('when every stored value is as large as the limits allow, then every signed GET route answers its largest page within 1 MB', () => {
    expect(answers.size).toBeGreaterThanOrEqual(6);
    const tooLarge = [...answers].filter(
      ([, answer]) => answer.status !== 200 || answer.bytes >= maxResponseBytes,
    );
    expect(
      tooLarge.map(([path, answer]) => `${path}: ${answer.status} ${answer.bytes} bytes ${answer.text}`),
    ).toEqual([]);
  });
});
