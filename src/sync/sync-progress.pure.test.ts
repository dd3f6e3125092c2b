import { describe, expect, it } from 'vitest';

import { AppError } from '../shared/errors/app-error.ts';
import { HubSpotRateLimitedError } from '../hubspot/hubspot-errors.ts';
import {
  describeSyncFailure,
  estimateEtaSeconds,
  shouldLogPage,
  shouldPersistProgress,
  SyncAbortedError,
} from './sync-progress.pure.ts';

describe('progress', () => {
  it.each([
    ['nothing known yet', {}, 0, 1_000, undefined],
    ['no pace yet', { companies: { done: 0, estimatedTotal: 100 } }, 0, 1_000, undefined],
    ['half done at 10 records a second', { companies: { done: 50, estimatedTotal: 100 } }, 50, 5_000, 5],
    [
      'two types, one without an estimate',
      {
        companies: { done: 100, estimatedTotal: 100 },
        deals: { done: 10 },
        tickets: { done: 0, estimatedTotal: 300 },
      },
      110,
      11_000,
      30,
    ],
    ['everything done', { companies: { done: 100, estimatedTotal: 100 } }, 100, 1_000, 0],
    ['more done than estimated', { companies: { done: 120, estimatedTotal: 100 } }, 120, 1_000, 0],
  ])('when %s, then the ETA is %s s', (_case, types, processed, elapsedMs, expected) => {
    expect(estimateEtaSeconds(types, processed, elapsedMs)).toBe(expected);
  });

  it.each([
    [0, false],
    [1, false],
    [20, true],
    [21, false],
    [40, true],
  ])('when %i pages are done, then logging is %s', (pages, expected) => {
    expect(shouldLogPage(pages)).toBe(expected);
  });

  it.each([
    [undefined, 5_000, true],
    [4_500, 5_000, false],
    [4_000, 5_000, true],
  ])('when progress was last written at %s and it is %i, then writing again is %s', (last, now, expected) => {
    expect(shouldPersistProgress(last, now)).toBe(expected);
  });
});

describe('failure messages', () => {
  const daily = new HubSpotRateLimitedError('HubSpot rate limit reached (DAILY)', {
    policyName: 'DAILY',
    retryAfterMs: undefined,
  });
  const burst = new HubSpotRateLimitedError('HubSpot rate limit reached (TEN_SECONDLY_ROLLING)', {
    policyName: 'TEN_SECONDLY_ROLLING',
    retryAfterMs: 1_000,
  });

  it.each([
    ['an abort', new SyncAbortedError(), /^aborted$/],
    ['the daily limit', daily, /daily API limit .* resumes from its checkpoint/],
    [
      'a burst limit the retries could not outlast',
      burst,
      /^HUBSPOT_RATE_LIMITED: HubSpot rate limit reached/,
    ],
    [
      'an operational error',
      new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot did not answer'),
      /^HUBSPOT_UNAVAILABLE: /,
    ],
    ['a bug', new TypeError('x is undefined'), /^unexpected error; see the service log/],
  ])('when a sync fails with %s, then the stored message says so safely', (_case, error, expected) => {
    expect(describeSyncFailure(error)).toMatch(expected);
  });
});
