import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../../start-sandbox.ts';
import { buildFixtureStore, stubCrmRoutes } from './testing-fixtures.ts';

const opened: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sandbox) => sandbox.close()));
});

async function start(faults: string, seed = 1): Promise<RunningSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    seed,
    faults,
    store: buildFixtureStore(),
    crmRoutes: stubCrmRoutes(),
  });
  opened.push(sandbox);
  return sandbox;
}

/** Sequential calls, so the fault sequence is the request sequence. */
async function outcomes(sandbox: RunningSandbox, count: number): Promise<(number | 'error')[]> {
  const results: (number | 'error')[] = [];
  for (let index = 0; index < count; index += 1) {
    try {
      const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/companies`, {
        headers: { authorization: `Bearer ${sandbox.accessToken}` },
        signal: AbortSignal.timeout(2_000),
      });
      await response.arrayBuffer();
      results.push(response.status);
    } catch {
      results.push('error');
    }
  }
  return results;
}

describe('injected faults', () => {
  it('when 5xx faults are on, then the client sees 500/502/503 with a HubSpot error body', async () => {
    const sandbox = await start('5xx=1');
    const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/companies`, {
      headers: { authorization: `Bearer ${sandbox.accessToken}` },
    });
    expect([500, 502, 503]).toContain(response.status);
    expect(await response.json()).toMatchObject({
      status: 'error',
      category: 'INTERNAL_ERROR',
      correlationId: expect.any(String),
    });
    expect(sandbox.sandbox.stats.snapshot().faults['5xx']).toBe(1);
  });

  it('when a drop fault hits, then the client sees the connection close without an answer', async () => {
    const sandbox = await start('drop=1');
    await expect(
      fetch(`${sandbox.baseUrl}/crm/v3/objects/companies`, {
        headers: { authorization: `Bearer ${sandbox.accessToken}` },
      }),
    ).rejects.toThrow();
    await expect.poll(() => sandbox.sandbox.stats.recent(1)[0]).toMatchObject({ status: 0, fault: 'drop' });
  });

  it('when a timeout fault hits, then nothing is answered until the client gives up', async () => {
    const sandbox = await start('timeout=1');
    const started = performance.now();
    await expect(
      fetch(`${sandbox.baseUrl}/crm/v3/objects/companies`, {
        headers: { authorization: `Bearer ${sandbox.accessToken}` },
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('when a slow fault hits, then the answer comes after the delay', async () => {
    const sandbox = await start('slow=1:300');
    const started = performance.now();
    const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/companies`, {
      headers: { authorization: `Bearer ${sandbox.accessToken}` },
    });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('when a 429 burst hits, then the calls get the TEN_SECONDLY_ROLLING body', async () => {
    const sandbox = await start('429burst=1:3');
    const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/companies`, {
      headers: { authorization: `Bearer ${sandbox.accessToken}` },
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({
      policyName: 'TEN_SECONDLY_ROLLING',
      errorType: 'RATE_LIMIT',
    });
  });

  it('when two sandboxes share the seed and the request sequence, then they inject the same faults', async () => {
    const spec = '5xx=0.2,drop=0.1,429burst=0.05:2';
    const first = await outcomes(await start(spec, 11), 40);
    const second = await outcomes(await start(spec, 11), 40);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(2);
  });

  it('when faults are on, then OAuth and admin endpoints are never faulted', async () => {
    const sandbox = await start('5xx=1');
    expect((await fetch(`${sandbox.baseUrl}/_sandbox/stats`)).status).toBe(200);
    expect((await fetch(`${sandbox.baseUrl}/oauth/v1/access-tokens/none`)).status).toBe(404);
  });
});
