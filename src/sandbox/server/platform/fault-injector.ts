import type { Socket } from 'node:net';

import type { RequestHandler } from 'express';

import { sendHubSpotError } from '../hubspot-error.ts';
import type { FaultPlan } from './fault-plan.pure.ts';
import { TEN_SECONDS_MS } from './rate-limit-policy.pure.ts';
import { sendRateLimited } from './rate-limit-middleware.ts';
import type { SandboxStats } from './sandbox-stats.ts';

// Modelled bodies: HubSpot's 5xx answers vary (JSON from the API, HTML from its edge); these follow its error shape.
const serverErrorMessages: Record<number, string> = {
  500: 'internal error',
  502: 'Bad Gateway: the upstream service did not answer in time.',
  503: 'Service Unavailable: please retry shortly.',
};

interface HeldRequest {
  timer: NodeJS.Timeout;
  destroy: () => void;
}

/**
 * Injects the fault plan's decisions into CRM API traffic: 5xx answers, dropped connections, slow answers,
 * requests held until the client gives up (closed after the hold time), and 429 bursts.
 */
export class FaultInjector {
  readonly #plan: FaultPlan;
  readonly #stats: SandboxStats;
  readonly #burstMax: number;
  readonly #held = new Set<HeldRequest>();
  #isClosed = false;

  constructor(plan: FaultPlan, stats: SandboxStats, burstMax: number) {
    this.#plan = plan;
    this.#stats = stats;
    this.#burstMax = burstMax;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const decision = this.#plan.next();
      if (decision.kind === 'none') {
        next();
        return;
      }
      this.#stats.recordFault(decision.kind);
      res.locals.sandboxFault = decision.kind;
      switch (decision.kind) {
        case '5xx':
          sendHubSpotError(
            res,
            decision.status,
            'INTERNAL_ERROR',
            serverErrorMessages[decision.status] ?? 'internal error',
          );
          return;
        case 'drop':
          req.socket.destroy();
          return;
        case 'slow':
          this.#hold(req.socket, decision.delayMs, next);
          return;
        case 'timeout':
          this.#hold(req.socket, decision.holdMs, () => req.socket.destroy());
          return;
        case '429burst':
          res.set('X-HubSpot-RateLimit-Max', String(this.#burstMax));
          res.set('X-HubSpot-RateLimit-Remaining', '0');
          res.set('X-HubSpot-RateLimit-Interval-Milliseconds', String(TEN_SECONDS_MS));
          sendRateLimited(res, this.#stats, 'TEN_SECONDLY_ROLLING', 1);
          return;
      }
    };
  }

  /** Destroys every held connection; nothing scheduled survives the sandbox. */
  close(): void {
    this.#isClosed = true;
    for (const held of this.#held) {
      clearTimeout(held.timer);
      held.destroy();
    }
    this.#held.clear();
  }

  #hold(socket: Socket, ms: number, then: () => void): void {
    if (this.#isClosed) {
      socket.destroy();
      return;
    }
    // A client that gives up first frees the slot at once.
    const onClose = (): void => {
      clearTimeout(held.timer);
      this.#held.delete(held);
    };
    const held: HeldRequest = {
      timer: setTimeout(() => {
        socket.off('close', onClose);
        this.#held.delete(held);
        then();
      }, ms),
      destroy: () => {
        socket.destroy();
      },
    };
    this.#held.add(held);
    socket.once('close', onClose);
  }
}
