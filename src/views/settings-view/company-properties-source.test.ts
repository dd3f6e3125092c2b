import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { createTestGateway, startFastSandbox } from '../../sync/testing/sync-test-kit.ts';
import {
  cachedCompanyProperties,
  companyPropertiesFrom,
  companyPropertiesWaitMs,
  withDeadline,
} from './company-properties-source.ts';
import { fitCompanyProperties } from './settings-view.pure.ts';

describe('the company properties the settings page offers', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 5, seed: 7 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when HubSpot is asked, then the portal’s company properties come back with their options', async () => {
    const list = companyPropertiesFrom(createTestGateway(sandbox));
    const { properties } = fitCompanyProperties(await list(sandbox.portalId));
    expect(properties.map((property) => property.name)).toContain('name');
    expect(
      properties.some((property) => property.type === 'enumeration' && property.options.length > 0),
    ).toBe(true);
  });

  it('when the page opens again within ten minutes, then HubSpot is not asked again; after that it is', async () => {
    let now = new Date('2026-12-03T10:00:00Z');
    let calls = 0;
    const list = cachedCompanyProperties(
      () => {
        calls += 1;
        return Promise.resolve([]);
      },
      () => now,
    );
    await list(1);
    now = new Date('2026-12-03T10:09:59Z');
    await list(1);
    expect(calls).toBe(1);
    await list(2);
    expect(calls).toBe(2);
    now = new Date('2026-12-03T10:10:00Z');
    await list(1);
    expect(calls).toBe(3);
  });

  it('when HubSpot fails, then the failure is not remembered and the next opening asks again', async () => {
    let calls = 0;
    const list = cachedCompanyProperties(
      () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('429')) : Promise.resolve([]);
      },
      () => new Date('2026-12-03T10:00:00Z'),
    );
    await expect(list(1)).rejects.toThrow('429');
    await expect(list(1)).resolves.toEqual([]);
    expect(calls).toBe(2);
  });

  it('when HubSpot is slow (rate limited by a sync), then the view stops waiting after a few seconds', async () => {
    vi.useFakeTimers();
    try {
      const waiting = withDeadline(new Promise<never>(() => undefined), companyPropertiesWaitMs);
      const outcome = expect(waiting).rejects.toThrow(`no answer within ${companyPropertiesWaitMs} ms`);
      await vi.advanceTimersByTimeAsync(companyPropertiesWaitMs);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });
});
