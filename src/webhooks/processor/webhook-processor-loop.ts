import { listPortalsWithPendingWebhookEvents } from '../../store/repositories/webhook-changes-repository.ts';
import type { SyncDeps } from '../../sync/sync-types.ts';
import {
  processPendingWebhooks,
  type ProcessPortalWebhooks,
  type WebhookProcessingOptions,
} from './webhook-processor.ts';

export interface WebhookProcessorLoopOptions {
  /** How often every portal with pending events is swept (a missed notification, an earlier failure); default 30 s. */
  intervalMs?: number;
  /** Wait after a notification, so batches arriving together are applied (and read from HubSpot) together; default 50 ms. */
  debounceMs?: number;
  /** Wait before retrying a portal whose pass failed; default 5 s. */
  retryDelayMs?: number;
  /** Portals processed at once (each pass holds a database connection and calls HubSpot); default 4. */
  maxConcurrentPortals?: number;
  /**
   * Least time between the starts of two passes for one portal; default 1 s. Under a stream of changes this
   * turns many small passes into fewer larger ones: a pass costs about one HubSpot call per object type
   * whatever its size, so this caps webhook reads near 5 calls/s and leaves the rest of the portal's
   * 110 calls / 10 s to sync (and keeps a burst from spending the whole window at once, which stalls
   * everything until it rolls over).
   */
  minPassIntervalMs?: number;
  /** The portal lease's holder name (the instance); default a fresh id per pass. */
  leaseOwner?: string;
  /** Replaces processPendingWebhooks (tests). */
  process?: ProcessPortalWebhooks;
  /** Told which companies each applied batch changed (the service rescores them); see processPendingWebhooks. */
  onBatchApplied?: WebhookProcessingOptions['onBatchApplied'];
}

export interface WebhookProcessorLoop {
  /**
   * Starts the periodic sweep and sweeps at once (events stored while no processor ran). Until then the
   * loop holds no timer and notifications are dropped: the first sweep finds their events in the store.
   */
  start(): WebhookProcessorLoop;
  /** Events were stored for this portal: apply them within `debounceMs`. Never throws, never blocks. */
  notify(portalId: number): void;
  /** Finds every portal with pending events and schedules it (also runs every `intervalMs`). */
  sweep(): Promise<void>;
  /** Resolves once nothing is scheduled or running (tests and benchmarks). */
  whenIdle(): Promise<void>;
  /** Stops the timers, aborts passes in flight (their events stay pending) and waits for them. */
  stop(): Promise<void>;
}

interface PortalState {
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  /** Notified while a pass ran: run once more right after it (events stored after its last read). */
  isDirty: boolean;
  /** Waiting for one of the `maxConcurrentPortals` slots. */
  isQueued: boolean;
  /** performance.now() when its last pass started. */
  lastStartedAt: number;
}

/**
 * Drives webhook processing: one pass at a time per portal (and at most `maxConcurrentPortals` at once),
 * started by `notify` (wire it to the intake route's "stored" callback) and by a periodic sweep, so a change
 * reaches the store well within a second of its delivery while nothing is lost when a notification is missed,
 * the process restarts, or a pass fails. Built idle: nothing runs before `start()`.
 */
export function createWebhookProcessorLoop(
  deps: SyncDeps,
  options: WebhookProcessorLoopOptions = {},
): WebhookProcessorLoop {
  const intervalMs = options.intervalMs ?? 30_000;
  const debounceMs = options.debounceMs ?? 50;
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  const maxConcurrent = options.maxConcurrentPortals ?? 4;
  const minPassIntervalMs = options.minPassIntervalMs ?? 1_000;
  const processPortal = options.process ?? processPendingWebhooks;
  const logger = deps.logger.child({ job: 'webhook-processor' });
  // Aborted by stop(): passes in flight end between reads and writes instead of running on.
  const stopping = new AbortController();
  const passOptions: WebhookProcessingOptions = {
    signal: stopping.signal,
    ...(options.leaseOwner === undefined ? {} : { leaseOwner: options.leaseOwner }),
    onBatchApplied: options.onBatchApplied,
  };
  const portals = new Map<number, PortalState>();
  const queue: number[] = [];
  let active = 0;
  let sweeping: Promise<void> | undefined;
  let isStopped = false;
  let isStarted = false;
  let interval: NodeJS.Timeout | undefined;

  const stateOf = (portalId: number): PortalState => {
    let state = portals.get(portalId);
    if (state === undefined) {
      state = {
        timer: undefined,
        running: undefined,
        isDirty: false,
        isQueued: false,
        lastStartedAt: Number.NEGATIVE_INFINITY,
      };
      portals.set(portalId, state);
    }
    return state;
  };

  const schedule = (portalId: number, state: PortalState, delayMs: number): void => {
    state.timer = setTimeout(() => {
      state.timer = undefined;
      run(portalId, state);
    }, delayMs);
  };

  const run = (portalId: number, state: PortalState): void => {
    if (isStopped) return;
    const waitMs = state.lastStartedAt + minPassIntervalMs - performance.now();
    if (waitMs > 0) {
      if (state.timer === undefined) schedule(portalId, state, waitMs);
      return;
    }
    if (active >= maxConcurrent) {
      if (!state.isQueued) queue.push(portalId);
      state.isQueued = true;
      return;
    }
    active += 1;
    state.isDirty = false;
    state.lastStartedAt = performance.now();
    state.running = processPortal(deps, portalId, passOptions)
      .then(
        () => false,
        (error: unknown) => {
          if (isStopped) return false;
          logger.warn(
            { err: error, portalId, retryInMs: retryDelayMs },
            'webhook processing failed; the events stay pending and are retried',
          );
          return true;
        },
      )
      .then((hasFailed) => {
        active -= 1;
        state.running = undefined;
        if (isStopped) return;
        if (hasFailed) schedule(portalId, state, retryDelayMs);
        else if (state.isDirty) run(portalId, state);
        startQueued();
      });
  };

  const startQueued = (): void => {
    while (active < maxConcurrent && queue.length > 0) {
      const portalId = queue.shift() ?? 0;
      const state = stateOf(portalId);
      state.isQueued = false;
      run(portalId, state);
    }
  };

  const notify = (portalId: number): void => {
    if (!isStarted || isStopped) return;
    const state = stateOf(portalId);
    if (state.running !== undefined) state.isDirty = true;
    else if (state.timer === undefined && !state.isQueued) schedule(portalId, state, debounceMs);
  };

  const sweep = (): Promise<void> => {
    sweeping ??= listPortalsWithPendingWebhookEvents(deps.db)
      .then(
        (portalIds) => {
          for (const portalId of portalIds) notify(portalId);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'could not look for pending webhook events');
        },
      )
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  };

  const loop: WebhookProcessorLoop = {
    start() {
      if (isStarted || isStopped) return loop;
      isStarted = true;
      interval = setInterval(() => void sweep(), intervalMs);
      interval.unref();
      void sweep();
      return loop;
    },
    notify,
    sweep,
    async whenIdle() {
      await sweeping;
      const busy = (): PortalState[] =>
        [...portals.values()].filter(
          (state) => state.timer !== undefined || state.running !== undefined || state.isQueued,
        );
      for (let pending = busy(); pending.length > 0; pending = busy()) {
        await Promise.race([
          ...pending.flatMap((state) => (state.running === undefined ? [] : [state.running])),
          new Promise((resolve) => setTimeout(resolve, 10)),
        ]);
      }
    },
    async stop() {
      isStopped = true;
      stopping.abort(new Error('the webhook processor is stopping'));
      clearInterval(interval);
      queue.length = 0;
      await sweeping;
      for (const state of portals.values()) {
        clearTimeout(state.timer);
        state.timer = undefined;
        state.isQueued = false;
      }
      await Promise.allSettled(
        [...portals.values()].flatMap((state) => (state.running === undefined ? [] : [state.running])),
      );
    },
  };
  return loop;
}
