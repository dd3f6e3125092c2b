import type { Express } from 'express';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appRoutes } from '../../src/http/app-routes.ts';
import type { DatabaseHandle } from '../../src/store/open-database.ts';
import { testDatabaseTargets } from '../support/test-databases.ts';
import { listRegisteredRoutes } from './registered-routes.ts';
import { buildSecurityApp, seedExamples } from './security-fixture.ts';
import { walkRouteTable, type RouteReport } from './security-walk.ts';

describe.each(testDatabaseTargets())('route table security on $name', (target) => {
  let handle: DatabaseHandle;
  let reports: RouteReport[];
  let app: Express;

  beforeAll(async () => {
    // nock's interceptor parses every client socket, raw ones too, and would fix up (or choke on) the very
    // bytes this walk sends wrong on purpose. Its requests go only to the walk's own server on 127.0.0.1,
    // and every service that could call out is a stand-in.
    nock.restore();
    handle = await target.open();
    await seedExamples(handle);
    const built = buildSecurityApp(handle);
    app = built.app;
    reports = await walkRouteTable(app, built.deps, handle);
  }, 300_000);
  afterAll(async () => {
    nock.activate();
    await handle.close();
  });

  it('when the app is built, then every route it answers comes from the route table', () => {
    const table = appRoutes(buildSecurityApp(handle).deps).map((spec) => `${spec.method} ${spec.path}`);
    const registered = listRegisteredRoutes(app).filter((route) => !route.startsWith('ALL '));
    expect(registered.sort()).toEqual([...table].sort());
  });

  it('when every route is attacked and fed malformed input, then each is refused with a 4xx, nothing is written and nothing answers 500', () => {
    const failing = reports.filter((report) => report.failures.length > 0);
    expect(failing.map((report) => `${report.route}:\n  ${report.failures.join('\n  ')}`).join('\n')).toBe(
      '',
    );
    for (const report of reports) {
      expect(report.serverErrors).toBe(0);
      expect(report.rowsChangedByRefused).toBe(0);
      expect(report.refusedAsExpected).toBe(report.tried);
      expect(report.tried).toBeGreaterThan(10);
    }
  });
});
