import type { MutationResult } from './portal-mutations.ts';

export interface ChangeStreamRequest {
  perSecond: number;
  seconds: number;
  portalId: number;
  seed: string | number;
}

export interface ChangeStreamProgress extends ChangeStreamRequest {
  running: boolean;
  target: number;
  applied: number;
  startedAt: number;
  finishedAt?: number;
}

const TICK_MS = 100;

/**
 * Runs scripted mutations at a steady rate (benchmarks of incremental sync and webhook intake). One stream at a
 * time; pacing follows the wall clock, change timestamps the sandbox clock.
 */
export class ChangeStream {
  readonly #apply: (request: ChangeStreamRequest, count: number, tick: number) => MutationResult;
  readonly #now: () => number;
  #progress: ChangeStreamProgress | undefined;
  #timer: NodeJS.Timeout | undefined;
  #finish: (() => void) | undefined;

  constructor(
    apply: (request: ChangeStreamRequest, count: number, tick: number) => MutationResult,
    now: () => number,
  ) {
    this.#apply = apply;
    this.#now = now;
  }

  get isRunning(): boolean {
    return this.#progress?.running === true;
  }

  progress(): ChangeStreamProgress | undefined {
    return this.#progress === undefined ? undefined : { ...this.#progress };
  }

  /** Starts a stream; the promise settles when it has applied every change (or was stopped). */
  start(request: ChangeStreamRequest): Promise<ChangeStreamProgress> {
    if (this.isRunning) return Promise.reject(new Error('a change stream is already running'));
    const target = Math.round(request.perSecond * request.seconds);
    const progress: ChangeStreamProgress = {
      running: true,
      ...request,
      target,
      applied: 0,
      startedAt: this.#now(),
    };
    this.#progress = progress;
    const started = performance.now();
    let tick = 0;
    return new Promise((resolve) => {
      this.#finish = () => {
        clearInterval(this.#timer);
        this.#timer = undefined;
        this.#finish = undefined;
        progress.running = false;
        progress.finishedAt = this.#now();
        resolve({ ...progress });
      };
      this.#timer = setInterval(() => {
        const elapsedSeconds = (performance.now() - started) / 1000;
        const due = Math.min(target, Math.floor(elapsedSeconds * request.perSecond)) - progress.applied;
        if (due > 0) {
          progress.applied += this.#apply(request, due, tick).applied;
          tick += 1;
        }
        if (progress.applied >= target || elapsedSeconds > request.seconds + 5) this.#finish?.();
      }, TICK_MS);
    });
  }

  stop(): void {
    this.#finish?.();
  }
}
