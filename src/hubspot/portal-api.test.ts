import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';

import { getById } from './crm-objects.ts';
import { AppError } from '../shared/errors/app-error.ts';
import {
  HubSpotError,
  HubSpotNotFoundError,
  HubSpotRateLimitedError,
  HubSpotRequestError,
  HubSpotUnauthorizedError,
  HubSpotUnavailableError,
} from './hubspot-errors.ts';
import type { RateLimiter } from './rate-limiter.ts';
import {
  createMemoryLogger,
  createTestApi,
  hubspotOrigin,
  testToken,
  wireObject,
} from './testing/test-kit.ts';

const path = '/crm/v3/objects/companies/7';
const readCompany = (api: ReturnType<typeof createTestApi>['api']) =>
  getById(api, 'companies', '7', { properties: ['name'] });

function rateLimitBody(policyName: string, message: string): Record<string, unknown> {
  return {
    status: 'error',
    message,
    errorType: 'RATE_LIMIT',
    correlationId: 'c0ffee00-0000-4000-8000-000000000000',
    policyName,
  };
}

function recordingLimiter(): RateLimiter & {
  pauses: [number, string][];
  acquired: number;
  released: number;
} {
  const limiter = {
    pauses: [] as [number, string][],
    acquired: 0,
    released: 0,
    acquire: () => {
      limiter.acquired += 1;
      return Promise.resolve(() => {
        limiter.released += 1;
      });
    },
    pause: (ms: number, scope: string) => {
      limiter.pauses.push([ms, scope]);
      return Promise.resolve();
    },
  };
  return limiter;
}

afterEach(() => {
  nock.cleanAll();
});

describe('portal API retries', () => {
  it('when HubSpot answers 429 TEN_SECONDLY_ROLLING with Retry-After, then it waits that long, holds the portal back, and succeeds', async () => {
    const limiter = recordingLimiter();
    const { api, sleeps } = createTestApi({ limiter });
    const scope = nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(
        429,
        rateLimitBody('TEN_SECONDLY_ROLLING', 'You have reached your ten_secondly_rolling limit.'),
        {
          'Retry-After': '3',
        },
      )
      .get(path)
      .query(true)
      .reply(200, wireObject('7', { name: 'Acme' }));

    const company = await readCompany(api);

    expect(company.properties.name).toBe('Acme');
    expect(sleeps).toEqual([3_000]);
    expect(limiter.pauses).toEqual([[3_000, 'all']]);
    expect(limiter.acquired).toBe(2);
    expect(limiter.released).toBe(2);
    expect(scope.isDone()).toBe(true);
  });

  it('when HubSpot answers 429 TEN_SECONDLY_ROLLING without Retry-After, then it backs off from 1 s and succeeds', async () => {
    const { api, sleeps } = createTestApi();
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .times(2)
      .reply(429, rateLimitBody('TEN_SECONDLY_ROLLING', 'You have reached your ten_secondly_rolling limit.'))
      .get(path)
      .query(true)
      .reply(200, wireObject('7'));

    await readCompany(api);

    // Equal jitter with random() = 0.5: 1 s step → 750 ms, 2 s step → 1,500 ms.
    expect(sleeps).toEqual([750, 1_500]);
  });

  it('when a search hits the SECONDLY limit, then it waits 1 s and pauses only searches', async () => {
    const limiter = recordingLimiter();
    const { api, sleeps } = createTestApi({ limiter });
    nock(hubspotOrigin)
      .post('/crm/v3/objects/companies/search')
      .reply(429, {
        status: 'error',
        message: 'You have reached your secondly limit.',
        errorType: 'RATE_LIMIT',
      })
      .post('/crm/v3/objects/companies/search')
      .reply(200, { total: 0, results: [] });

    const { search } = await import('./crm-search.ts');
    await search(api, 'companies', {});

    expect(sleeps).toEqual([1_000]);
    expect(limiter.pauses).toEqual([[1_000, 'search']]);
  });

  it('when HubSpot answers 5xx twice (one with an empty body), then it backs off with jitter and succeeds', async () => {
    const { api, sleeps } = createTestApi();
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(502, '<html>Bad gateway</html>', { 'Content-Type': 'text/html' })
      .get(path)
      .query(true)
      .reply(503, '', { 'Content-Type': 'application/json' })
      .get(path)
      .query(true)
      .reply(200, wireObject('7'));

    await readCompany(api);

    expect(sleeps).toEqual([188, 375]);
  });

  it('when the connection is reset, then it retries and succeeds', async () => {
    const { api, sleeps } = createTestApi();
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get(path)
      .query(true)
      .reply(200, wireObject('7'));

    await readCompany(api);

    expect(sleeps).toHaveLength(1);
  });

  describe('against a real socket', () => {
    let server: Server | undefined;
    afterEach(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it('when the server drops the first connection mid-request, then the retry succeeds', async () => {
      let requests = 0;
      server = createServer((req, res) => {
        requests += 1;
        if (requests === 1) {
          req.socket.destroy();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(wireObject('7')));
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const { api } = createTestApi({ basePath: `http://127.0.0.1:${port}` });

      const company = await readCompany(api);

      expect(company.id).toBe('7');
      expect(requests).toBe(2);
    });
  });

  it('when HubSpot does not answer within the timeout, then the call is retried', async () => {
    const { api, sleeps } = createTestApi({ timeoutMs: 50 });
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .delay(1_000)
      .reply(200, wireObject('7', { name: 'late' }))
      .get(path)
      .query(true)
      .reply(200, wireObject('7', { name: 'on time' }));

    const company = await readCompany(api);

    expect(company.properties.name).toBe('on time');
    expect(sleeps).toHaveLength(1);
  });

  it('when 5xx persists, then it gives up after 6 attempts with HubSpotUnavailableError', async () => {
    const { api, sleeps } = createTestApi();
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .times(6)
      .reply(500, { message: 'boom', category: 'INTERNAL_ERROR' });

    const error = await readCompany(api).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HubSpotUnavailableError);
    expect(error).toMatchObject({ code: 'HUBSPOT_UNAVAILABLE', hubspotStatus: 500 });
    expect(sleeps).toEqual([188, 375, 750, 1_500, 3_000]);
  });

  it('when HubSpot answers a burst of twelve 429s (more than the retry attempts), then the call waits each out and succeeds', async () => {
    const limiter = recordingLimiter();
    const { api, sleeps } = createTestApi({ limiter });
    const scope = nock(hubspotOrigin)
      .get(path)
      .query(true)
      .times(12)
      .reply(
        429,
        rateLimitBody('TEN_SECONDLY_ROLLING', 'You have reached your ten_secondly_rolling limit.'),
        { 'Retry-After': '1' },
      )
      .get(path)
      .query(true)
      .reply(200, wireObject('7', { name: 'Acme' }));

    const company = await readCompany(api);

    expect(company.properties.name).toBe('Acme');
    expect(sleeps).toEqual(Array.from({ length: 12 }, () => 1_000));
    expect(limiter.pauses).toHaveLength(12);
    expect(scope.isDone()).toBe(true);
  });

  it('when 429s without Retry-After keep coming, then the waits grow to the window HubSpot names and stop there', async () => {
    const { api, sleeps } = createTestApi();
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .times(7)
      .reply(
        429,
        rateLimitBody('TEN_SECONDLY_ROLLING', 'You have reached your ten_secondly_rolling limit.'),
        { 'X-HubSpot-RateLimit-Interval-Milliseconds': '5000', 'X-HubSpot-RateLimit-Remaining': '0' },
      )
      .get(path)
      .query(true)
      .reply(200, wireObject('7'));

    await readCompany(api);

    // Equal jitter with random() = 0.5 over steps of 1 s, 2 s, 4 s, then the 5 s window.
    expect(sleeps).toEqual([750, 1_500, 3_000, 3_750, 3_750, 3_750, 3_750]);
  });

  it('when the rate limit never frees within the call’s wait budget, then the call gives up with the 429', async () => {
    const { api, sleeps } = createTestApi({ retry: { maxRateLimitWaitMs: 25_000 } });
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .times(3)
      .reply(
        429,
        rateLimitBody('TEN_SECONDLY_ROLLING', 'You have reached your ten_secondly_rolling limit.'),
        { 'Retry-After': '10' },
      );

    await expect(readCompany(api)).rejects.toMatchObject({
      code: 'HUBSPOT_RATE_LIMITED',
      retryAfterMs: 10_000,
    });
    expect(sleeps).toEqual([10_000, 10_000]);
  });

  it('when 429s and 5xx alternate, then only the 5xx count toward the retry attempts', async () => {
    const { api, sleeps } = createTestApi({ retry: { maxAttempts: 3 } });
    const rateLimited = rateLimitBody(
      'TEN_SECONDLY_ROLLING',
      'You have reached your ten_secondly_rolling limit.',
    );
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(429, rateLimited, { 'Retry-After': '1' })
      .get(path)
      .query(true)
      .reply(503, { message: 'down' })
      .get(path)
      .query(true)
      .reply(429, rateLimited, { 'Retry-After': '1' })
      .get(path)
      .query(true)
      .reply(503, { message: 'down' })
      .get(path)
      .query(true)
      .reply(429, rateLimited, { 'Retry-After': '1' })
      .get(path)
      .query(true)
      .reply(200, wireObject('7'));

    await readCompany(api);

    expect(sleeps).toEqual([1_000, 188, 1_000, 375, 1_000]);
  });

  it('when the stored credentials cannot be read, then that error surfaces as ours and is not retried', async () => {
    const dbDown = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { api, sleeps } = createTestApi({ tokenSource: { accessToken: () => Promise.reject(dbDown) } });

    const error = await readCompany(api).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect(error).not.toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({ code: 'INTERNAL', cause: dbDown });
    expect(sleeps).toEqual([]);
  });

  it('when HubSpot answers 429 DAILY, then it stops at once with a typed error and no retry', async () => {
    const limiter = recordingLimiter();
    const { api, sleeps } = createTestApi({ limiter });
    const scope = nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(429, rateLimitBody('DAILY', 'You have reached your daily limit.'));

    const error = await readCompany(api).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HubSpotRateLimitedError);
    expect(error).toMatchObject({ code: 'HUBSPOT_RATE_LIMITED', isDaily: true, policyName: 'DAILY' });
    expect(sleeps).toEqual([]);
    expect(limiter.acquired).toBe(1);
    expect(limiter.pauses).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('when HubSpot answers 401, then HubSpotUnauthorizedError is thrown at once and the token appears nowhere', async () => {
    const memory = createMemoryLogger();
    const { api, sleeps } = createTestApi({ logger: memory.logger });
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(401, {
        status: 'error',
        message: `Authentication credentials not found: ${testToken} is expired`,
        correlationId: 'c0ffee00-0000-4000-8000-000000000001',
        category: 'INVALID_AUTHENTICATION',
      });

    const error = await readCompany(api).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HubSpotUnauthorizedError);
    const unauthorized = error as HubSpotUnauthorizedError;
    expect(unauthorized.category).toBe('INVALID_AUTHENTICATION');
    expect(unauthorized.message).not.toContain(testToken);
    expect(unauthorized.message).toContain('[redacted]');
    expect(JSON.stringify(unauthorized.details)).not.toContain(testToken);
    expect(String(unauthorized.stack)).not.toContain(testToken);
    expect(sleeps).toEqual([]);
    expect(memory.text()).not.toContain(testToken);
  });

  it('when HubSpot answers 404, then HubSpotNotFoundError is thrown without retrying', async () => {
    const { api, sleeps } = createTestApi();
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(404, { message: 'Object not found', category: 'OBJECT_NOT_FOUND' });

    await expect(readCompany(api)).rejects.toBeInstanceOf(HubSpotNotFoundError);
    expect(sleeps).toEqual([]);
  });

  it('when HubSpot rejects the request (400), then HubSpotRequestError carries its category and message', async () => {
    const { api, sleeps } = createTestApi();
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(400, { message: 'Property values were not valid', category: 'VALIDATION_ERROR' });

    const error = await readCompany(api).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HubSpotRequestError);
    expect(error).toMatchObject({ hubspotStatus: 400, category: 'VALIDATION_ERROR' });
    expect((error as Error).message).toContain('Property values were not valid');
    expect(sleeps).toEqual([]);
  });

  it('when a retry is logged, then the line names the portal and not the token', async () => {
    const memory = createMemoryLogger();
    const { api } = createTestApi({ logger: memory.logger });
    nock(hubspotOrigin)
      .get(path)
      .query(true)
      .reply(503, { message: 'down' })
      .get(path)
      .query(true)
      .reply(200, wireObject('7'));

    await readCompany(api);

    expect(memory.text()).toContain('"portalId":42');
    expect(memory.text()).toContain('retrying');
    expect(memory.text()).not.toContain(testToken);
  });
});
