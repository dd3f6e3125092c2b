import { Writable } from 'node:stream';

import type { Kysely } from 'kysely';

import { createHubSpotGateway, type HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import type { Clock } from '../../hubspot/rate-limiter.ts';
import type { RetryOptions } from '../../hubspot/retry.ts';
import { createStaticTokenSource } from '../../hubspot/token-source.ts';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../../sandbox/start-sandbox.ts';
import { createLogger, type Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import type { SyncDeps } from '../sync-types.ts';

/** Sandbox limits high enough that tests are not paced (rate limiting has its own tests). */
export const fastLimits = { rateLimit: 20_000, searchPerSecond: 200 } as const;

export function startFastSandbox(
  options: Omit<StartSandboxOptions, 'port'> & { port?: number },
): Promise<RunningSandbox> {
  return startSandbox({ ...fastLimits, ...options, port: options.port ?? 0 });
}

/** A logger that keeps its lines (warn and up) in memory. */
export function createQuietLogger(): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return {
    logger: createLogger({ level: 'info', destination }),
    lines: () => chunks.join('').split('\n').filter(Boolean),
  };
}

export interface TestGatewayOptions {
  /** Access token per portal; defaults to the sandbox's static token for its default portal. */
  tokens?: ReadonlyMap<number, string>;
  retry?: Partial<RetryOptions>;
  /** The gateway's clock for pacing and retry waits (e.g. createSkippingClock, so waits cost no time). */
  clock?: Clock;
}

/** One process-wide gateway against the sandbox, as main.ts builds it, with the sandbox's fast limits. */
export function createTestGateway(sandbox: RunningSandbox, options: TestGatewayOptions = {}): HubSpotGateway {
  const tokens = options.tokens ?? new Map([[sandbox.portalId, sandbox.accessToken]]);
  return createHubSpotGateway({
    basePath: sandbox.baseUrl,
    logger: createQuietLogger().logger,
    tokenSourceFor: (portalId) => createStaticTokenSource(tokens.get(portalId) ?? 'unknown-portal'),
    rateLimits: {
      callsPer10Seconds: fastLimits.rateLimit * 0.9,
      searchesPerSecond: fastLimits.searchPerSecond * 0.9,
    },
    timeoutMs: 10_000,
    retry: { baseDelayMs: 20, maxDelayMs: 500, ...options.retry },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}

export function syncDeps(db: Kysely<Database>, gateway: HubSpotGateway, logger?: Logger): SyncDeps {
  return { db, gateway, logger: logger ?? createQuietLogger().logger, now: () => new Date() };
}

interface StatsBody {
  totalCalls: number;
  calls: Record<string, number>;
  rateLimited: Record<string, number>;
  faults: Record<string, number>;
}

export async function sandboxStats(sandbox: RunningSandbox): Promise<StatsBody> {
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/stats`);
  return (await response.json()) as StatsBody;
}

export async function resetSandboxStats(sandbox: RunningSandbox): Promise<void> {
  await fetch(`${sandbox.baseUrl}/_sandbox/reset-stats`, { method: 'POST' });
}

/** HubSpot calls per object type, from the sandbox's per-endpoint counters (objects, search, associations). */
export function callsByType(calls: Readonly<Record<string, number>>): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const [endpoint, count] of Object.entries(calls)) {
    const match = /\/crm\/v3\/objects\/([a-z_]+)|\/crm\/v4\/associations\/([a-z_]+)\//.exec(endpoint);
    const type = match?.[1] ?? match?.[2];
    if (type !== undefined) byType[type] = (byType[type] ?? 0) + count;
  }
  return byType;
}

/** GET list calls (the walk over every record), summed over types. */
export function listCalls(calls: Readonly<Record<string, number>>): number {
  return Object.entries(calls)
    .filter(([endpoint]) => /^GET \/crm\/v3\/objects\/[a-z_]+$/.test(endpoint))
    .reduce((sum, [, count]) => sum + count, 0);
}

export interface MutationResponse {
  applied: number;
  changes: Partial<Record<string, Partial<Record<string, string[]>>>>;
}

/** Scripted HubSpot-side changes (updates, creations, archives, merges, association changes). */
export async function mutateSandbox(
  sandbox: RunningSandbox,
  count: number,
  seed?: string,
): Promise<MutationResponse> {
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/mutate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count, ...(seed === undefined ? {} : { seed }) }),
  });
  return (await response.json()) as MutationResponse;
}

/** Distinct records a mutation touched per type (merged-away companies count their survivor too). */
export function changedPerType(mutation: MutationResponse): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [type, kinds] of Object.entries(mutation.changes)) {
    const ids = new Set(Object.values(kinds ?? {}).flat());
    counts[type] = ids.size + (kinds?.merged?.length ?? 0);
  }
  return counts;
}
