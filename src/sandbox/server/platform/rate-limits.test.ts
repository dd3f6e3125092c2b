import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../../start-sandbox.ts';
import { buildFixtureStore, stubCrmRoutes } from './testing-fixtures.ts';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: { rateLimit?: number; dailyLimit?: number } = {}): Promise<RunningSandbox> {
  running = await startSandbox({
    port: 0,
    seed: 1,
    store: buildFixtureStore(),
    crmRoutes: stubCrmRoutes(),
    ...options,
  });
  return running;
}

function get(
  sandbox: RunningSandbox,
  path = '/crm/v3/objects/companies',
  token = sandbox.accessToken,
): Promise<Response> {
  return fetch(`${sandbox.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

function search(sandbox: RunningSandbox): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/crm/v3/objects/tickets/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
}

describe('rate limits', () => {
  it('when 130 calls arrive at once with --rate-limit 100, then exactly 100 succeed and 30 get the 429 body', async () => {
    const sandbox = await start({ rateLimit: 100 });
    const responses = await Promise.all(Array.from({ length: 130 }, () => get(sandbox)));
    const ok = responses.filter((response) => response.status === 200);
    const limited = responses.filter((response) => response.status === 429);
    expect(ok).toHaveLength(100);
    expect(limited).toHaveLength(30);

    const remaining = ok.map((response) => Number(response.headers.get('x-hubspot-ratelimit-remaining')));
    expect(remaining.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(ok[0]?.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(ok[0]?.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');

    const first = limited[0];
    expect(first?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(first?.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    for (const response of limited) {
      expect(await response.json()).toEqual({
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        policyName: 'TEN_SECONDLY_ROLLING',
        requestId: expect.any(String),
      });
    }
    await Promise.all(ok.map((response) => response.arrayBuffer()));
    const stats = sandbox.sandbox.stats.snapshot();
    expect(stats.rateLimited.TEN_SECONDLY_ROLLING).toBe(30);
    expect(stats.calls['GET /crm/v3/objects/companies']).toBe(130);
  });

  it('when more than 5 searches run within a second, then the 6th gets the SECONDLY 429 without rate headers', async () => {
    const sandbox = await start();
    const responses = await Promise.all(Array.from({ length: 6 }, () => search(sandbox)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = responses.find((response) => response.status === 429);
    expect(await limited?.json()).toMatchObject({
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
    });
    const ok = responses.find((response) => response.status === 200);
    expect(ok?.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
  });

  it('when the daily limit is reached, then calls get the DAILY 429 and static-token answers carry daily headers', async () => {
    const sandbox = await start({ dailyLimit: 3 });
    const first = await get(sandbox);
    expect(first.headers.get('x-hubspot-ratelimit-daily')).toBe('3');
    expect(first.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('2');
    await get(sandbox);
    await get(sandbox);
    const refused = await get(sandbox);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      message: 'You have reached your daily limit.',
      policyName: 'DAILY',
    });
    expect(sandbox.sandbox.stats.snapshot().rateLimited.DAILY).toBe(1);
  });

  it('when OAuth or admin endpoints are called many times, then they are never rate limited', async () => {
    const sandbox = await start({ rateLimit: 2 });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${sandbox.baseUrl}/oauth/v1/access-tokens/unknown`)),
    );
    expect(responses.every((response) => response.status === 404)).toBe(true);
    const stats = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${sandbox.baseUrl}/_sandbox/stats`)),
    );
    expect(stats.every((response) => response.status === 200)).toBe(true);
  });
});
