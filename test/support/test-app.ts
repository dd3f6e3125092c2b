import type { Express } from 'express';

import type { AppDeps } from '../../src/http/app-deps.ts';
import { createApp } from '../../src/http/create-app.ts';
import { computeSignatureV3 } from '../../src/hubspot/signature/hubspot-signature.ts';
import { createMetricsRegistry } from '../../src/http/http-metrics.ts';
import { createInstaller } from '../../src/install/installer.ts';
import { createTokenCipher } from '../../src/shared/crypto/token-cipher.ts';
import type { DatabaseHandle } from '../../src/store/open-database.ts';
import { createCapturingLogger } from './capturing-logger.ts';

export const testClientSecret = 'test-client-secret-1f2e3d';
export const testPublicBaseUrl = 'https://harbor.test';
/** buildTestApp's clock. */
export const testNow = new Date('2026-11-24T12:00:00.000Z');

let signedRequests = 0;

/**
 * The headers HubSpot sends with a v3-signed request (hubspot.fetch) to the test app, timed at its clock; each
 * request gets its own timestamp, so the replay guard never sees one signature twice.
 */
export function signedHubSpotHeaders(
  method: string,
  path: string,
  body = '',
  /** The app's clock when a test gives buildTestApp another `now`. */
  at: Date = testNow,
): Record<string, string> {
  const timestamp = String(at.getTime() + signedRequests++);
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

/** createApp with test defaults; `now` is fixed so signatures can be computed for a known instant. */
export function buildTestApp(
  database: DatabaseHandle,
  overrides: Partial<AppDeps> = {},
): { app: Express; logLines: () => string[]; deps: AppDeps } {
  const { logger, lines } = createCapturingLogger();
  const deps: AppDeps = {
    logger,
    db: database.db,
    metrics: createMetricsRegistry(),
    publicBaseUrl: testPublicBaseUrl,
    hubspotClientSecret: testClientSecret,
    bodyLimit: '1mb',
    oauth: undefined,
    installer: createInstaller({
      db: database.db,
      cipher: createTokenCipher(Buffer.alloc(32, 5)),
      exchangeCode: () => Promise.reject(new Error('this test does not exchange OAuth codes')),
      describeToken: () => Promise.reject(new Error('this test does not describe tokens')),
      now: () => testNow,
    }),
    now: () => testNow,
    ...overrides,
  };
  return { app: createApp(deps), logLines: lines, deps };
}
