import { describe, expect, it } from 'vitest';

import { loadConfig } from './load-config.ts';

describe('sync and job settings', () => {
  it('when nothing is set, then jobs run, sync on start, every 5 minutes and nightly at 03:15 UTC', () => {
    const result = loadConfig({});
    expect(result.ok && result.config).toMatchObject({
      JOBS_ENABLED: true,
      SYNC_ON_START: true,
      SYNC_INCREMENTAL_CRON: '*/5 * * * *',
      SYNC_RECONCILE_CRON: '15 3 * * *',
      HUBSPOT_RATE_LIMIT_PER_10S: 100,
    });
    expect(result.ok && result.config.INSTANCE_ID).toBeUndefined();
  });

  it('when flags say false, then they are false (not a truthy string)', () => {
    const result = loadConfig({ JOBS_ENABLED: 'false', SYNC_ON_START: '0' });
    expect(result.ok && [result.config.JOBS_ENABLED, result.config.SYNC_ON_START]).toEqual([false, false]);
  });

  it('when settings are malformed, then each problem names its key', () => {
    const result = loadConfig({
      SYNC_INCREMENTAL_CRON: 'every 5 minutes',
      SYNC_RECONCILE_CRON: '99 3 * * *',
      JOBS_ENABLED: 'maybe',
      HUBSPOT_RATE_LIMIT_PER_10S: '0',
      INSTANCE_ID: 'has spaces in it',
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'HUBSPOT_RATE_LIMIT_PER_10S',
      'INSTANCE_ID',
      'JOBS_ENABLED',
      'SYNC_INCREMENTAL_CRON',
      'SYNC_RECONCILE_CRON',
    ]);
  });
});
