import type { ActionRequestBody } from './action-request.pure.ts';

/**
 * running: the request is out (or being retried); blocked: the app answered BLOCK and the run waits for its
 * callback; succeeded / failed: the workflow went on down that branch; expired: a BLOCK's expiry passed with
 * no callback, and HubSpot carries on with the workflow.
 */
export type WorkflowRunState = 'running' | 'blocked' | 'succeeded' | 'failed' | 'expired';

export interface WorkflowRunAttempt {
  at: string;
  status?: number;
  error?: string;
}

/** One enrolment of a company in one action, as GET /_sandbox/workflow-actions/runs lists it. */
export interface WorkflowRun {
  callbackId: string;
  actionUid: string;
  actionName: string;
  definitionId: number;
  portalId: number;
  companyId: string;
  workflowId: number;
  state: WorkflowRunState;
  startedAt: string;
  finishedAt?: string;
  /** While blocked: when HubSpot stops waiting for the callback. */
  blockedUntil?: string;
  /** The same body (and callbackId) on every attempt; only the signature timestamp changes. */
  request: ActionRequestBody;
  attempts: WorkflowRunAttempt[];
  /** The last answer from actionUrl. */
  answer?: { status: number; body: unknown };
  /** The outputs later workflow steps see: the answer's, replaced by the callback's when it completes. */
  outputFields: Record<string, string>;
  completion?: { at: string; outputFields: Record<string, string> };
  reason?: string;
  /** The execution-rule message HubSpot would show in the workflow's history for the outputs. */
  executionRule?: { labelName: string; message: string };
  /** Where the app's answer strays from the action's declared outputs. */
  problems: string[];
}

/** What a callbacks complete call did to the run it names. */
export type CompletionResult =
  | { ok: true; run: WorkflowRun }
  | { ok: false; reason: 'unknown' | 'not-blocked' | 'expired' | 'invalid-state'; message: string };

/** Applies a callback completion to a run (mutates it); the caller has already expired runs past their wait. */
export function completeRun(
  run: WorkflowRun | undefined,
  outputFields: Record<string, string>,
  at: string,
): CompletionResult {
  if (run === undefined)
    return { ok: false, reason: 'unknown', message: 'no blocked action has this callbackId' };
  if (run.state === 'expired') {
    return {
      ok: false,
      reason: 'expired',
      message: `the wait for ${run.callbackId} expired at ${run.finishedAt ?? ''}`,
    };
  }
  if (run.state !== 'blocked') {
    return {
      ok: false,
      reason: 'not-blocked',
      message: `${run.callbackId} is ${run.state}, not waiting for a callback`,
    };
  }
  const state = outputFields.hs_execution_state;
  if (state !== 'SUCCESS' && state !== 'FAIL_CONTINUE') {
    return {
      ok: false,
      reason: 'invalid-state',
      message: 'outputFields.hs_execution_state must be SUCCESS or FAIL_CONTINUE',
    };
  }
  run.state = state === 'SUCCESS' ? 'succeeded' : 'failed';
  run.outputFields = { ...run.outputFields, ...outputFields };
  run.completion = { at, outputFields };
  run.finishedAt = at;
  delete run.blockedUntil;
  return { ok: true, run };
}

/** Marks a blocked run whose wait has passed as expired (mutates it); true when it did. */
export function expireRun(run: WorkflowRun, nowMs: number): boolean {
  if (run.state !== 'blocked' || run.blockedUntil === undefined) return false;
  if (Date.parse(run.blockedUntil) > nowMs) return false;
  run.state = 'expired';
  run.finishedAt = run.blockedUntil;
  run.reason = 'no callback before the BLOCK expired; the workflow continued';
  delete run.blockedUntil;
  return true;
}
