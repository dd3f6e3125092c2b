import { Writable } from 'node:stream';

import { createClientCache } from '../client-factory.ts';
import { createPortalApi, type PortalApi } from '../portal-api.ts';
import type { Clock, RateLimiter } from '../rate-limiter.ts';
import { defaultRetryOptions, type RetryOptions } from '../retry.ts';
import { createStaticTokenSource, type TokenSource } from '../token-source.ts';
import { createLogger, type Logger } from '../../shared/logger.ts';

export const hubspotOrigin = 'https://api.hubapi.com';
export const testToken = 'pat-na1-11111111-2222-3333-4444-555555555555';

/**
 * Discrete-event virtual time: sleeps wait on virtual timers, and once every pending promise has settled
 * (a macrotask later) the clock jumps to the earliest timer and wakes it. `sleeps` lists every wait asked for.
 */
export function createVirtualClock(start = 1_700_000_000_000): Clock & { sleeps: number[] } {
  let now = start;
  let isPumpScheduled = false;
  const sleeps: number[] = [];
  const timers: { wake: number; order: number; resolve: () => void }[] = [];
  let order = 0;

  function pump(): void {
    isPumpScheduled = false;
    timers.sort((a, b) => a.wake - b.wake || a.order - b.order);
    const next = timers.shift();
    if (next === undefined) return;
    now = Math.max(now, next.wake);
    next.resolve();
    schedule();
  }
  function schedule(): void {
    if (isPumpScheduled || timers.length === 0) return;
    isPumpScheduled = true;
    setImmediate(pump);
  }
  return {
    sleeps,
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        timers.push({ wake: now + ms, order: (order += 1), resolve });
        schedule();
      }),
  };
}

/** Lets every call through at once: for tests about paging or mapping, not pacing. */
export const unlimited: RateLimiter = {
  acquire: () =>
    Promise.resolve(() => {
      // Nothing to release.
    }),
  pause: () => Promise.resolve(),
};

export function createMemoryLogger(): { logger: Logger; text: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), text: () => chunks.join('') };
}

export interface TestApiOptions {
  basePath?: string;
  tokenSource?: TokenSource;
  limiter?: RateLimiter;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  logger?: Logger;
}

/** A portal API with instant, recorded sleeps (see `sleeps`) and no pacing unless a limiter is given. */
export function createTestApi(options: TestApiOptions = {}): { api: PortalApi; sleeps: number[] } {
  const sleeps: number[] = [];
  const api = createPortalApi({
    portalId: 42,
    tokenSource: options.tokenSource ?? createStaticTokenSource(testToken),
    limiter: options.limiter ?? unlimited,
    clientFor: createClientCache(options.basePath ?? hubspotOrigin),
    retry: {
      ...defaultRetryOptions,
      random: () => 0.5,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      ...options.retry,
    },
    timeoutMs: options.timeoutMs ?? 5_000,
    logger: options.logger ?? createMemoryLogger().logger,
  });
  return { api, sleeps };
}

/** A HubSpot object as the wire carries it. */
export function wireObject(
  id: string,
  properties: Record<string, string | null> = {},
): Record<string, unknown> {
  return {
    id,
    properties: { hs_object_id: id, ...properties },
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-02-01T00:00:00.000Z',
    archived: false,
  };
}

/** A batch response body; `errors` turns it into HubSpot's 207 variant. */
export function wireBatch(results: unknown[], errors?: unknown[]): Record<string, unknown> {
  return {
    status: 'COMPLETE',
    results,
    startedAt: '2024-01-01T00:00:00.000Z',
    completedAt: '2024-01-01T00:00:01.000Z',
    ...(errors === undefined ? {} : { errors, numErrors: errors.length }),
  };
}
