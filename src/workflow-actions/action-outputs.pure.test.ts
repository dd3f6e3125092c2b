import { describe, expect, it } from 'vitest';

import { daysToRenewal, healthOutputs, waitOutcome } from './action-outputs.pure.ts';

const now = Date.parse('2026-11-24T15:30:00Z');

describe('workflow action outputs', () => {
  it('when the renewal is a day or HubSpot epoch milliseconds, then days to renewal counts calendar days from today', () => {
    expect(daysToRenewal('2026-12-24', now)).toBe(30);
    expect(daysToRenewal(String(Date.parse('2026-11-20T00:00:00Z')), now)).toBe(-4);
    expect(daysToRenewal('', now)).toBeNull();
    expect(daysToRenewal('soon', now)).toBeNull();
  });

  it('when a company has no score, then "Get Harbor health" continues with NOT_SCORED rather than a score of 0', () => {
    const facts = { score: null, tier: null, churnProbability: null, topDriver: null, renewalDate: null };
    expect(healthOutputs(facts, now)).toEqual({
      hs_execution_state: 'FAIL_CONTINUE',
      errorCode: 'NOT_SCORED',
    });
  });

  it('when the churn probability or renewal is unknown, then those outputs are left out for the branch to see as empty', () => {
    const facts = {
      score: 70,
      tier: 'healthy',
      churnProbability: null,
      topDriver: null,
      renewalDate: undefined,
    };
    expect(healthOutputs(facts, now)).toEqual({ hs_execution_state: 'SUCCESS', score: 70, tier: 'healthy' });
  });

  it('when a waited run is running, completed, cancelled or past the wait, then the call waits, succeeds or fails on', () => {
    const running = { status: 'running' as const, steps: 3, completedSteps: 1 };
    expect(waitOutcome(running, now + 1, now)).toEqual({ kind: 'wait' });
    expect(waitOutcome(running, now, now)).toMatchObject({ outputFields: { errorCode: 'WAIT_EXPIRED' } });
    expect(waitOutcome({ ...running, status: 'completed', completedSteps: 3 }, now + 1, now)).toEqual({
      kind: 'complete',
      outputFields: { hs_execution_state: 'SUCCESS', tasksCompleted: '3' },
    });
    expect(waitOutcome({ ...running, status: 'cancelled' }, now + 1, now)).toMatchObject({
      outputFields: { hs_execution_state: 'FAIL_CONTINUE', errorCode: 'PLAYBOOK_CANCELLED' },
    });
  });
});
