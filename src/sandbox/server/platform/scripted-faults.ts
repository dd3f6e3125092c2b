import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';

import { sendHubSpotError } from '../hubspot-error.ts';

/**
 * `before`: the request fails without being applied (the fault plan's 5xx and drop). `after-apply`: the
 * route runs and changes the portal, then its answer is replaced by a 5xx or the connection is dropped, as
 * when HubSpot's edge loses the answer of a write it made. A client cannot tell the two apart.
 */
export const scriptedFaultKinds = ['5xx', 'drop', '5xx-after-apply', 'drop-after-apply'] as const;

export const scriptedFaultSchema = z.object({
  kind: z.enum(scriptedFaultKinds),
  /** e.g. POST; any method when omitted. */
  method: z
    .string()
    .transform((method) => method.toUpperCase())
    .optional(),
  /** The request path without its query, e.g. /crm/v3/objects/tasks. */
  path: z.string().startsWith('/'),
  /** How many matching requests it hits (after-apply faults count only requests the route answered with success). */
  times: z.number().int().min(1).max(1_000).default(1),
  status: z.number().int().min(500).max(599).default(502),
});
export type ScriptedFault = z.infer<typeof scriptedFaultSchema>;

export interface ScriptedFaultState extends ScriptedFault {
  /** Requests hit so far. */
  hits: number;
}

/** Faults a test aims at one endpoint (POST /_sandbox/faults), unlike the seeded, probabilistic fault plan. */
export class ScriptedFaults {
  #faults: ScriptedFaultState[] = [];

  add(fault: ScriptedFault): void {
    this.#faults.push({ ...fault, hits: 0 });
  }

  clear(): void {
    this.#faults = [];
  }

  list(): ScriptedFaultState[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const fault = this.#pending(req);
      if (fault === undefined) {
        next();
        return;
      }
      switch (fault.kind) {
        case '5xx':
          fault.hits += 1;
          sendHubSpotError(res, fault.status, 'INTERNAL_ERROR', 'internal error');
          return;
        case 'drop':
          fault.hits += 1;
          req.socket.destroy();
          return;
        case '5xx-after-apply':
        case 'drop-after-apply':
          replaceAnswer(req, res, fault);
          next();
          return;
      }
    };
  }

  #pending(req: Request): ScriptedFaultState | undefined {
    const path = req.originalUrl.split('?')[0];
    return this.#faults.find(
      (fault) =>
        fault.hits < fault.times &&
        fault.path === path &&
        (fault.method === undefined || fault.method === req.method),
    );
  }
}

/** Lets the route apply the request, then swaps its successful answer for the fault. */
function replaceAnswer(req: Request, res: Response, fault: ScriptedFaultState): void {
  const end = res.end.bind(res);
  res.end = ((...args: Parameters<Response['end']>) => {
    res.end = end;
    // A refused request changed nothing: its own answer goes out, and the fault waits for the next one.
    if (res.statusCode >= 400) return end(...args);
    fault.hits += 1;
    if (fault.kind === 'drop-after-apply') {
      req.socket.destroy();
      return res;
    }
    sendHubSpotError(res, fault.status, 'INTERNAL_ERROR', 'internal error');
    return res;
  }) as Response['end'];
}
