import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, testPublicBaseUrl } from '../../test/support/test-app.ts';
import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { createRequestLogging, redactUrl } from './request-logging.ts';

describe('request log', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await testDatabaseTargets()[0]!.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when HubSpot redirects to /oauth/callback with a code and state, then neither value reaches the log', async () => {
    const code = 'na1-3f9c-authcode-7d2e41';
    const state = 'state-b64-Zm9vYmFyLXN0YXRl';
    const { app, logLines } = buildTestApp(handle, {
      oauth: {
        clientId: 'client-id-for-test',
        authorizeUrl: 'https://app.hubspot.test/oauth/authorize',
        redirectUri: `${testPublicBaseUrl}/oauth/callback`,
        stateKey: Buffer.alloc(32, 9),
      },
    });

    await request(app).get(`/oauth/callback?code=${code}&state=${state}`);

    const lines = logLines();
    const requestLine = lines.find((line) => line.includes('/oauth/callback'));
    expect(requestLine).toContain('/oauth/callback?code=[redacted]&state=[redacted]');
    for (const line of lines) {
      expect(line).not.toContain(code);
      expect(line).not.toContain(state);
    }
  });

  it('when any route is asked with token parameters, then the request line keeps the path and other parameters only', async () => {
    const { logger, lines } = createCapturingLogger();
    const app = express();
    app.use(createRequestLogging(logger));
    app.get('/oauth/callback', (_req, res) => {
      res.status(400).json({});
    });

    await request(app).get('/oauth/callback?code=c0de-123456&state=st4te-654321&portalId=7').expect(400);

    const logged = lines().join('\n');
    expect(logged).toContain('/oauth/callback?code=[redacted]&state=[redacted]&portalId=7');
    expect(logged).not.toContain('c0de-123456');
    expect(logged).not.toContain('st4te-654321');
  });

  it.each([
    ['/oauth/callback?code=abc&state=def', '/oauth/callback?code=[redacted]&state=[redacted]'],
    [
      '/x?access_token=t1&keep=1&refresh_token=t2',
      '/x?access_token=[redacted]&keep=1&refresh_token=[redacted]',
    ],
    ['/x?TOKEN=t3&page=2', '/x?TOKEN=[redacted]&page=2'],
    ['/x?%63ode=t4', '/x?%63ode=[redacted]'],
    ['/x?code', '/x?code'],
    ['/api/sync/status?portalId=1', '/api/sync/status?portalId=1'],
    ['/healthz', '/healthz'],
  ])('when the URL is %s, then the log shows %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
