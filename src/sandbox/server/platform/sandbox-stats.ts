import type { RequestHandler, Response } from 'express';

import type { SandboxRequestContext } from '../request-context.ts';
import type { FaultKind } from './fault-plan.pure.ts';
import type { RateLimitPolicyName } from './rate-limit-policy.pure.ts';

export interface RequestLogEntry {
  /** Epoch ms when the request arrived. */
  at: number;
  method: string;
  path: string;
  /** 0 when no answer was sent (dropped, held until the client gave up). */
  status: number;
  ms: number;
  portalId?: number;
  fault?: FaultKind;
}

export interface WebhookCounters {
  /** Batches a receiver acknowledged with a 2xx. */
  batchesDelivered: number;
  eventsDelivered: number;
  /** Every POST made, first tries and retries. */
  attempts: number;
  retries: number;
  /** Batches given up after the last attempt. */
  batchesFailed: number;
  eventsFailed: number;
}

export interface SandboxStatsSnapshot {
  since: number;
  totalCalls: number;
  calls: Record<string, number>;
  statuses: Record<string, number>;
  rateLimited: Record<RateLimitPolicyName, number>;
  faults: Record<FaultKind, number>;
  webhooks: WebhookCounters;
}

const REQUEST_LOG_SIZE = 1_000;

/** Counters for /_sandbox/stats and the recent-request ring buffer for /_sandbox/requests. */
export class SandboxStats {
  readonly #now: () => number;
  #since = 0;
  #totalCalls = 0;
  #calls = new Map<string, number>();
  #statuses = new Map<string, number>();
  #rateLimited = emptyRateLimited();
  #faults = emptyFaults();
  #webhooks = emptyWebhooks();
  #log: RequestLogEntry[] = [];

  constructor(now: () => number) {
    this.#now = now;
    this.#since = now();
  }

  get webhooks(): WebhookCounters {
    return this.#webhooks;
  }

  recordRequest(entry: RequestLogEntry): void {
    this.#totalCalls += 1;
    bump(this.#calls, endpointPattern(entry.method, entry.path));
    bump(this.#statuses, String(entry.status));
    this.#log.push(entry);
    if (this.#log.length > REQUEST_LOG_SIZE) this.#log.splice(0, this.#log.length - REQUEST_LOG_SIZE);
  }

  recordRateLimited(policy: RateLimitPolicyName): void {
    this.#rateLimited[policy] += 1;
  }

  recordFault(kind: FaultKind): void {
    this.#faults[kind] += 1;
  }

  /** Newest first. */
  recent(limit: number): RequestLogEntry[] {
    return this.#log.slice(-limit).reverse();
  }

  reset(): void {
    this.#since = this.#now();
    this.#totalCalls = 0;
    this.#calls = new Map();
    this.#statuses = new Map();
    this.#rateLimited = emptyRateLimited();
    this.#faults = emptyFaults();
    this.#webhooks = emptyWebhooks();
    this.#log = [];
  }

  snapshot(): SandboxStatsSnapshot {
    return {
      since: this.#since,
      totalCalls: this.#totalCalls,
      calls: Object.fromEntries([...this.#calls].sort(([a], [b]) => a.localeCompare(b))),
      statuses: Object.fromEntries(this.#statuses),
      rateLimited: { ...this.#rateLimited },
      faults: { ...this.#faults },
      webhooks: { ...this.#webhooks },
    };
  }
}

/** `GET /crm/v3/objects/companies/123` → `GET /crm/v3/objects/companies/{id}`; OAuth tokens in paths → `{token}`. */
export function endpointPattern(method: string, path: string): string {
  const segments = path.split('?')[0]?.split('/') ?? [];
  const pattern = segments.map((segment, index) => {
    const parent = segments[index - 1];
    if (parent === 'access-tokens' || parent === 'refresh-tokens') return '{token}';
    return /^\d+$/.test(segment) ? '{id}' : segment;
  });
  return `${method.toUpperCase()} ${pattern.join('/')}`;
}

/** Logs every request but the admin ones once its response is done or its connection is gone. */
export function recordRequests(stats: SandboxStats, now: () => number): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/_sandbox/')) {
      next();
      return;
    }
    const at = now();
    const started = performance.now();
    res.once('close', () => {
      const entry: RequestLogEntry = {
        at,
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? req.originalUrl,
        status: res.writableFinished ? res.statusCode : 0,
        ms: Math.round(performance.now() - started),
      };
      const portalId = contextOf(res)?.portalId;
      if (portalId !== undefined) entry.portalId = portalId;
      const fault = res.locals.sandboxFault as FaultKind | undefined;
      if (fault !== undefined) entry.fault = fault;
      stats.recordRequest(entry);
    });
    next();
  };
}

function contextOf(res: Response): SandboxRequestContext | undefined {
  return res.locals.sandbox as SandboxRequestContext | undefined;
}

function bump(counter: Map<string, number>, key: string): void {
  counter.set(key, (counter.get(key) ?? 0) + 1);
}

function emptyRateLimited(): Record<RateLimitPolicyName, number> {
  return { TEN_SECONDLY_ROLLING: 0, SECONDLY: 0, DAILY: 0 };
}

function emptyFaults(): Record<FaultKind, number> {
  return { '5xx': 0, drop: 0, slow: 0, timeout: 0, '429burst': 0 };
}

function emptyWebhooks(): WebhookCounters {
  return {
    batchesDelivered: 0,
    eventsDelivered: 0,
    attempts: 0,
    retries: 0,
    batchesFailed: 0,
    eventsFailed: 0,
  };
}
