import express, { Router, type Response } from 'express';
import { z } from 'zod';

import { sendHubSpotError } from '../hubspot-error.ts';
import { requestContext } from '../request-context.ts';

/**
 * HubSpot's callbacks API for custom workflow actions that answered BLOCK (automation-actions-v4.json):
 * `POST /automation/v4/actions/callbacks/{callbackId}/complete` with `{ outputFields, typedOutputs }`, and the
 * batch `POST /automation/v4/actions/callbacks/complete` with `{ inputs: [{ callbackId, outputFields,
 * typedOutputs }] }`, both answering 204. The spec marks `typedOutputs` required, but @hubspot/api-client 14
 * never sends it, so it is optional here. Every accepted completion is recorded for tests; the workflow
 * runner (when one is attached) decides whether the callback is one it is waiting for.
 */

const outputFieldsWire = z.record(z.string(), z.string());
const completionFields = {
  outputFields: outputFieldsWire,
  typedOutputs: z.record(z.string(), z.unknown()).optional(),
  failureReasonType: z.string().optional(),
  requestContext: z.record(z.string(), z.unknown()).optional(),
};
const completionWire = z
  .object(completionFields)
  .refine(
    (body) => ['SUCCESS', 'FAIL_CONTINUE'].includes(body.outputFields.hs_execution_state ?? ''),
    'outputFields.hs_execution_state must be SUCCESS or FAIL_CONTINUE',
  );
const batchWire = z.object({
  inputs: z
    .array(z.object({ callbackId: z.string().min(1), ...completionFields }))
    .min(1)
    .max(100),
});

export interface CallbackCompletion {
  portalId: number;
  callbackId: string;
  outputFields: Record<string, string>;
  /** Epoch ms on the sandbox clock. */
  at: number;
  via: 'single' | 'batch';
}

/** What the workflow runner says about a completion: refused when no blocked run has that callbackId. */
export type CompletionHook = (
  portalId: number,
  callbackId: string,
  outputFields: Record<string, string>,
) => { ok: true } | { ok: false; reason: string; message: string };

/** The completions the sandbox accepted, in order; tests read them, the runner may hook in. */
export class ActionCallbackLog {
  readonly #completions: CallbackCompletion[] = [];
  #hook: CompletionHook | undefined;

  /** Lets the workflow runner judge (and apply) each completion. */
  attach(hook: CompletionHook): void {
    this.#hook = hook;
  }

  completions(portalId?: number): CallbackCompletion[] {
    return this.#completions.filter((entry) => portalId === undefined || entry.portalId === portalId);
  }

  complete(entry: CallbackCompletion): { ok: true } | { ok: false; reason: string; message: string } {
    const judged = this.#hook?.(entry.portalId, entry.callbackId, entry.outputFields) ?? { ok: true };
    if (judged.ok) this.#completions.push(entry);
    return judged;
  }
}

function refuse(res: Response, failure: { reason: string; message: string }): void {
  if (failure.reason === 'unknown') sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', failure.message);
  else sendHubSpotError(res, 400, 'VALIDATION_ERROR', failure.message);
}

function invalid(res: Response, error: z.ZodError): void {
  const issue = error.issues[0];
  const where = issue?.path.join('.') ?? '';
  sendHubSpotError(
    res,
    400,
    'VALIDATION_ERROR',
    `Invalid input: ${where === '' ? '' : `${where}: `}${issue?.message ?? ''}`,
  );
}

/** Mount behind the bearer-token middleware: the portal is the token's. */
export function createActionCallbackRoutes(log: ActionCallbackLog): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  router.post('/automation/v4/actions/callbacks/complete', (req, res) => {
    const { portalId, now } = requestContext(res);
    const parsed = batchWire.safeParse(req.body);
    if (!parsed.success) {
      invalid(res, parsed.error);
      return;
    }
    const states = parsed.data.inputs.map((input) => input.outputFields.hs_execution_state ?? '');
    if (states.some((state) => state !== 'SUCCESS' && state !== 'FAIL_CONTINUE')) {
      sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        'outputFields.hs_execution_state must be SUCCESS or FAIL_CONTINUE',
      );
      return;
    }
    const failures = parsed.data.inputs
      .map((input) =>
        log.complete({
          portalId,
          callbackId: input.callbackId,
          outputFields: input.outputFields,
          at: now(),
          via: 'batch',
        }),
      )
      .flatMap((result) => (result.ok ? [] : [result]));
    const first = failures[0];
    if (first !== undefined) {
      refuse(res, first);
      return;
    }
    res.status(204).end();
  });
  router.post('/automation/v4/actions/callbacks/:callbackId/complete', (req, res) => {
    const { portalId, now } = requestContext(res);
    const parsed = completionWire.safeParse(req.body);
    if (!parsed.success) {
      invalid(res, parsed.error);
      return;
    }
    const result = log.complete({
      portalId,
      callbackId: req.params.callbackId,
      outputFields: parsed.data.outputFields,
      at: now(),
      via: 'single',
    });
    if (!result.ok) {
      refuse(res, result);
      return;
    }
    res.status(204).end();
  });
  return router;
}
