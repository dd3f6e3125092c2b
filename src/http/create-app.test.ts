import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp } from '../../test/support/test-app.ts';
import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { createErrorHandler } from './error-handler.ts';
import { createRequestLogging } from './request-logging.ts';

describe.each(testDatabaseTargets())('service shell on $name', (target) => {
  let handle: DatabaseHandle;
  let unmigrated: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    unmigrated = await target.open({ migrate: false });
  });
  afterAll(async () => {
    await handle.close();
    await unmigrated.close();
  });

  it('when /healthz and /readyz are asked on a migrated database, then both answer 200', async () => {
    const { app } = buildTestApp(handle);
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(app).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up', pendingMigrations: [] });
  });

  it('when migrations are not applied, then /readyz answers 503 and lists them', async () => {
    const { app } = buildTestApp(unmigrated);
    const response = await request(app).get('/readyz').expect(503);
    expect(response.body).toMatchObject({
      status: 'not ready',
      database: 'up',
      // Every migration is pending on an empty database; later ones join the list as they are added.
      pendingMigrations: expect.arrayContaining(['0001-initial-schema']),
    });
  });

  it('when the database is closed, then /readyz answers 503 database down', async () => {
    const closed = await target.open();
    await closed.close();
    const { app } = buildTestApp(closed);
    const response = await request(app).get('/readyz').expect(503);
    expect(response.body).toMatchObject({ database: 'down' });
  });
});

describe('service shell', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await testDatabaseTargets()[0]!.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when requests are served, then /metrics reports counts and latency by route pattern', async () => {
    const { app } = buildTestApp(handle);
    await request(app).get('/healthz');
    await request(app).get('/no/such/path/123');
    const text = (await request(app).get('/metrics').expect(200)).text;
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz",status="200"\}/,
    );
    expect(text).toMatch(/process_cpu_seconds_total/);
  });

  it('when a caller sends X-Request-Id, then the response and every log line carry it', async () => {
    const { app, logLines } = buildTestApp(handle);
    const response = await request(app).get('/nowhere').set('X-Request-Id', 'trace-42').expect(404);
    expect(response.headers['x-request-id']).toBe('trace-42');
    expect(response.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /nowhere', requestId: 'trace-42' },
    });
    const lines = logLines().map((line) => JSON.parse(line) as { req?: { id?: string } });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => line.req?.id === 'trace-42')).toBe(true);
  });

  it('when no request id is sent, then one is generated and returned', async () => {
    const { app } = buildTestApp(handle);
    const response = await request(app).get('/healthz');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the body is not valid JSON, then the answer is 400 MALFORMED_JSON in the one error shape', async () => {
    const { app } = buildTestApp(handle);
    const response = await request(app)
      .post('/webhooks/hubspot')
      .set('content-type', 'application/json')
      .send('{"broken":');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'MALFORMED_JSON' });
    expect(typeof response.body.error.requestId).toBe('string');
  });

  it('when the body is over the limit, then the answer is 413 PAYLOAD_TOO_LARGE', async () => {
    const { app } = buildTestApp(handle, { bodyLimit: '1kb' });
    const response = await request(app)
      .post('/webhooks/hubspot')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ big: 'x'.repeat(2048) }));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('error handler', () => {
  function appThatThrows(error: unknown) {
    const { logger, lines } = createCapturingLogger();
    const app = express();
    app.use(createRequestLogging(logger));
    app.get('/boom', () => {
      throw error;
    });
    app.use(createErrorHandler());
    return { app, lines };
  }

  it('when an unknown error is thrown, then the caller gets a bare 500 and the stack goes to the log only', async () => {
    const { app, lines } = appThatThrows(new Error('db password is hunter2'));
    const response = await request(app).get('/boom').expect(500);
    expect(response.body.error).toMatchObject({ code: 'INTERNAL', message: 'Internal error' });
    expect(response.text).not.toContain('hunter2');
    expect(response.text).not.toContain('at ');
    expect(lines().join('\n')).toMatch(/"stack":"Error: db password is hunter2\\n\s+at /);
  });

  it('when a zod schema rejects input, then the answer is 400 naming the field', async () => {
    const { z } = await import('zod');
    const parse = () => z.object({ portalId: z.number() }).parse({ portalId: 'x' });
    let thrown: unknown;
    try {
      parse();
    } catch (error) {
      thrown = error;
    }
    const { app } = appThatThrows(thrown);
    const response = await request(app).get('/boom').expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/^portalId: /);
  });
});
