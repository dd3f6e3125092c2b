import { DAY_MS, readTime } from '../health/engine/property-values.pure.ts';
import type { HealthDriver } from '../health/health-types.ts';
import type { ExecutionState, OutputFields } from './workflow-action-wire.ts';

/**
 * What each action answers, from plain data: output names are the hsmeta files' `outputFields`, and a
 * refusal is FAIL_CONTINUE with an `errorCode` that the files' execution rules turn into a sentence in the
 * workflow's history. A business refusal is an answer, never an HTTP error: HubSpot would retry a 5xx for
 * three days and show a 4xx as a bare failure.
 */

export const failureCodes = [
  'COMPANY_NOT_SYNCED',
  'NOT_SCORED',
  'PLAYBOOK_TURNED_OFF',
  'NO_PLAYBOOK_RUNNING',
  'PLAYBOOK_CANCELLED',
  'WAIT_EXPIRED',
  'SIGNAL_BUSY',
] as const;
export type FailureCode = (typeof failureCodes)[number];

export function failed(code: FailureCode): OutputFields {
  return { hs_execution_state: 'FAIL_CONTINUE' satisfies ExecutionState, errorCode: code };
}

export function succeeded(outputs: OutputFields): OutputFields {
  return { ...outputs, hs_execution_state: 'SUCCESS' satisfies ExecutionState };
}

export interface HealthFacts {
  score: number | null;
  tier: string | null;
  churnProbability: number | null;
  topDriver: HealthDriver | null;
  /** The company's `renewal_date` property as HubSpot stores it (a day or epoch ms). */
  renewalDate: string | null | undefined;
}

/** Whole days from `now` to the renewal day (negative once it has passed); null when unknown. */
export function daysToRenewal(renewalDate: string | null | undefined, now: number): number | null {
  if (renewalDate === null || renewalDate === undefined || renewalDate.trim() === '') return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(renewalDate)
    ? Date.parse(`${renewalDate}T00:00:00Z`)
    : readTime(renewalDate);
  if (day === null || Number.isNaN(day)) return null;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Math.round((Math.floor(day / DAY_MS) * DAY_MS - today) / DAY_MS);
}

/**
 * "Get Harbor health": numbers a workflow can branch on. Unknown values are left out (HubSpot shows them
 * as empty) rather than sent as 0, which a branch would read as a real score. Churn probability is a
 * percentage, as a workflow builder types it.
 */
export function healthOutputs(facts: HealthFacts, now: number): OutputFields {
  if (facts.score === null || facts.tier === null) return failed('NOT_SCORED');
  const outputs: OutputFields = { score: Math.round(facts.score * 10) / 10, tier: facts.tier };
  if (facts.topDriver !== null) outputs.topDriver = facts.topDriver.label;
  if (facts.churnProbability !== null)
    outputs.churnProbability = Math.round(facts.churnProbability * 1_000) / 10;
  const days = daysToRenewal(facts.renewalDate, now);
  if (days !== null) outputs.daysToRenewal = days;
  return succeeded(outputs);
}

/** ISO-8601 duration of whole days, as HubSpot reads `hs_expiration_duration`. */
export function blockDuration(days: number): string {
  return `P${days}D`;
}

export const defaultWaitDays = 30;

export interface WaitedRun {
  status: 'running' | 'completed' | 'cancelled';
  steps: number;
  completedSteps: number;
}

/** What a waiting "wait for the playbook" call becomes now: completed, failed, or still waiting. */
export function waitOutcome(
  run: WaitedRun | undefined,
  expiresAt: number,
  now: number,
): { kind: 'complete'; outputFields: Record<string, string> } | { kind: 'wait' } {
  if (run?.status === 'completed')
    return {
      kind: 'complete',
      outputFields: { hs_execution_state: 'SUCCESS', tasksCompleted: String(run.completedSteps) },
    };
  if (run === undefined || run.status === 'cancelled')
    return {
      kind: 'complete',
      outputFields: { hs_execution_state: 'FAIL_CONTINUE', errorCode: 'PLAYBOOK_CANCELLED' },
    };
  if (now >= expiresAt)
    return {
      kind: 'complete',
      outputFields: { hs_execution_state: 'FAIL_CONTINUE', errorCode: 'WAIT_EXPIRED' },
    };
  return { kind: 'wait' };
}
