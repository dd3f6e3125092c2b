import type { Express } from 'express';

import type { AppDeps } from '../../src/http/app-deps.ts';
import { createApp } from '../../src/http/create-app.ts';
import { createMetricsRegistry } from '../../src/http/http-metrics.ts';
import type { DatabaseHandle } from '../../src/store/open-database.ts';
import { createCapturingLogger } from './capturing-logger.ts';

export const testClientSecret = 'test-client-secret-1f2e3d';
export const testPublicBaseUrl = 'https://harbor.test';

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
    now: () => new Date('2026-11-24T12:00:00.000Z'),
    ...overrides,
  };
  return { app: createApp(deps), logLines: lines, deps };
}
