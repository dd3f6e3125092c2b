import { createHash } from 'node:crypto';

import { computeSignatureV3 } from '../../../hubspot/signature/hubspot-signature.ts';
import type { SandboxChange } from '../../store/sandbox-types.ts';
import type { SandboxStats } from './sandbox-stats.ts';
import { toWebhookEvents, type WebhookEvent } from './webhook-events.pure.ts';

export interface WebhookDispatcherOptions {
  /** The app's target URL; signed exactly as given. */
  url: string;
  clientSecret: string;
  appId: number;
  stats: SandboxStats;
  now: () => number;
  /** Events per POST (HubSpot: up to 100, per a secondary source). */
  batchSize?: number;
  /** How long events gather before a batch goes out. */
  flushDelayMs?: number;
  /** An answer slower than this counts as a failure (HubSpot: 5 s). */
  timeoutMs?: number;
  /** First try included (HubSpot: up to 10). */
  maxAttempts?: number;
  /** Delay before retry n is base × 2^(n-1); 1000 gives 1 s … 256 s. Tests shrink it. */
  retryBaseMs?: number;
  /** Batches in flight at once (HubSpot's `maxConcurrentRequests` setting). */
  maxConcurrent?: number;
}

type PendingEvent = Omit<WebhookEvent, 'attemptNumber'>;

/**
 * Turns store changes into signed HubSpot webhook POSTs: batched per portal, retried on connection failure,
 * non-2xx or timeout with attemptNumber counting up. The retry schedule is the sandbox's own, compressed:
 * HubSpot spreads its retries over about a day.
 */
export class WebhookDispatcher {
  readonly #options: Required<WebhookDispatcherOptions>;
  readonly #closing = new AbortController();
  #queue: PendingEvent[] = [];
  readonly #batches: PendingEvent[][] = [];
  readonly #active = new Set<Promise<void>>();
  #flushTimer: NodeJS.Timeout | undefined;
  #nextEventId = 1;

  constructor(options: WebhookDispatcherOptions) {
    this.#options = {
      batchSize: 100,
      flushDelayMs: 100,
      timeoutMs: 5_000,
      maxAttempts: 10,
      retryBaseMs: 1_000,
      maxConcurrent: 10,
      ...options,
    };
  }

  enqueue(portalId: number, change: SandboxChange): void {
    if (this.#closing.signal.aborted) return;
    const drafts = toWebhookEvents(change, { portalId, appId: this.#options.appId });
    for (const draft of drafts) {
      this.#queue.push({ eventId: this.#nextEventId, ...draft });
      this.#nextEventId += 1;
    }
    if (drafts.length > 0) {
      this.#flushTimer ??= setTimeout(() => {
        this.#flush();
      }, this.#options.flushDelayMs);
    }
  }

  /** Resolves once nothing is queued, waiting or in flight (tests and benchmarks). */
  async whenIdle(): Promise<void> {
    while (this.#queue.length > 0 || this.#flushTimer !== undefined || this.#active.size > 0) {
      await Promise.race([...this.#active, delay(10)]);
    }
  }

  /** Drops whatever is pending and aborts deliveries in flight. */
  async close(): Promise<void> {
    this.#closing.abort();
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    this.#queue = [];
    this.#batches.length = 0;
    await Promise.allSettled([...this.#active]);
  }

  #isClosed(): boolean {
    return this.#closing.signal.aborted;
  }

  #flush(): void {
    this.#flushTimer = undefined;
    const byPortal = new Map<number, PendingEvent[]>();
    for (const event of this.#queue) {
      const list = byPortal.get(event.portalId) ?? [];
      list.push(event);
      byPortal.set(event.portalId, list);
    }
    this.#queue = [];
    for (const events of byPortal.values()) {
      for (let start = 0; start < events.length; start += this.#options.batchSize) {
        this.#batches.push(events.slice(start, start + this.#options.batchSize));
      }
    }
    this.#pump();
  }

  #pump(): void {
    while (this.#active.size < this.#options.maxConcurrent && this.#batches.length > 0) {
      const batch = this.#batches.shift() ?? [];
      const delivery = this.#deliver(batch).finally(() => {
        this.#active.delete(delivery);
        this.#pump();
      });
      this.#active.add(delivery);
    }
  }

  async #deliver(events: PendingEvent[]): Promise<void> {
    const { stats, maxAttempts, retryBaseMs } = this.#options;
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      if (attempt > 0) {
        stats.webhooks.retries += 1;
        await delay(retryBaseMs * 2 ** (attempt - 1), this.#closing.signal);
      }
      if (this.#isClosed()) return;
      stats.webhooks.attempts += 1;
      if (await this.#post(events.map((event) => ({ ...event, attemptNumber: attempt })))) {
        stats.webhooks.batchesDelivered += 1;
        stats.webhooks.eventsDelivered += events.length;
        return;
      }
    }
    stats.webhooks.batchesFailed += 1;
    stats.webhooks.eventsFailed += events.length;
  }

  /** One signed POST; true on a 2xx within the timeout. */
  async #post(events: WebhookEvent[]): Promise<boolean> {
    const { url, clientSecret, timeoutMs, now } = this.#options;
    const body = JSON.stringify(events);
    const timestamp = String(now());
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-HubSpot-Signature-v3': computeSignatureV3({
            clientSecret,
            method: 'POST',
            uri: url,
            rawBody: body,
            timestamp,
          }),
          'X-HubSpot-Request-Timestamp': timestamp,
          // Legacy v1 signature beside v3, as HubSpot still sends it on webhook deliveries.
          'X-HubSpot-Signature': createHash('sha256').update(clientSecret).update(body).digest('hex'),
          'X-HubSpot-Signature-Version': 'v1',
        },
        body,
        signal: AbortSignal.any([this.#closing.signal, AbortSignal.timeout(timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok;
    } catch {
      return false;
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
