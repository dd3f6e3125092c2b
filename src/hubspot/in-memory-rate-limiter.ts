import {
  effectiveLimits,
  systemClock,
  type CallKind,
  type Clock,
  type RateLimiter,
  type RateLimits,
  type ReleaseSlot,
} from './rate-limiter.ts';

/** Calls in one window: those still in flight, and finish times (ascending) of those done within it. */
class Window {
  inFlight = 0;
  readonly finished: number[] = [];
  readonly lengthMs: number;
  readonly max: number;

  constructor(lengthMs: number, max: number) {
    this.lengthMs = lengthMs;
    this.max = max;
  }

  /** How long until one more call fits (≤ 0: now). */
  waitMs(now: number): number {
    while ((this.finished[0] ?? Infinity) <= now - this.lengthMs) this.finished.shift();
    if (this.inFlight + this.finished.length < this.max) return 0;
    // Finished calls free their slots first; calls still in flight free theirs a full window after they end.
    const oldest = this.finished[0];
    return oldest === undefined ? this.lengthMs : oldest + this.lengthMs - now;
  }
}

/**
 * Rolling-window limiter for one portal in one process. Each kind waits in its own FIFO line (so a queue
 * of searches never holds back plain reads), and both lines draw on the same 10-second window.
 */
export function createInMemoryRateLimiter(limits: RateLimits, clock: Clock = systemClock): RateLimiter {
  const { windowMs, maxCalls, searchWindowMs, maxSearches } = effectiveLimits(limits);
  const calls = new Window(windowMs, maxCalls);
  const searches = new Window(searchWindowMs, maxSearches);
  const pausedUntil = { all: 0, search: 0 };
  const lines: Record<CallKind, Promise<unknown>> = {
    standard: Promise.resolve(),
    search: Promise.resolve(),
  };

  function waitFor(kind: CallKind, now: number): number {
    const wait = Math.max(pausedUntil.all - now, calls.waitMs(now));
    return kind === 'search' ? Math.max(wait, pausedUntil.search - now, searches.waitMs(now)) : wait;
  }

  async function takeSlot(kind: CallKind): Promise<ReleaseSlot> {
    for (;;) {
      const wait = waitFor(kind, clock.now());
      if (wait <= 0) break;
      await clock.sleep(wait);
    }
    // Checked and taken in one synchronous step, so the two lines can never overbook the window.
    const held = kind === 'search' ? [calls, searches] : [calls];
    for (const window of held) window.inFlight += 1;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const now = clock.now();
      for (const window of held) {
        window.inFlight -= 1;
        window.finished.push(now);
      }
    };
  }

  return {
    acquire(kind) {
      const turn = lines[kind].then(() => takeSlot(kind));
      lines[kind] = turn.catch(() => undefined);
      return turn;
    },
    pause(ms, scope) {
      pausedUntil[scope] = Math.max(pausedUntil[scope], clock.now() + ms);
      return Promise.resolve();
    },
  };
}
