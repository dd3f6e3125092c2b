import { describe, expect, it } from 'vitest';

import { buildActionPlan, buildPlanSummary, planKindOf } from './action-plans.pure.ts';
import { planFacts, runningPlaybook, signal } from './testing/review-fixtures.ts';

const now = Date.parse('2026-11-24T12:00:00.000Z');
const daysAgo = (days: number) => now - days * 86_400_000;

describe('account action plans', () => {
  it('when an account is at risk by tier or by a risk signal, then its plan is an at-risk plan; an expansion signal alone makes an expansion plan', () => {
    expect(planKindOf('at_risk', [])).toBe('at_risk');
    expect(planKindOf('healthy', [signal()])).toBe('at_risk');
    expect(planKindOf('healthy', [signal({ type: 'expansion', kind: 'opportunity' })])).toBe('expansion');
    // Risk wins over expansion: the account is handled as at risk until the risk is gone.
    expect(planKindOf('watch', [signal({ type: 'expansion', kind: 'opportunity' }), signal({ id: 2 })])).toBe(
      'at_risk',
    );
    // Other opportunities (advocacy, renewal window) need no plan.
    expect(planKindOf('healthy', [signal({ type: 'advocacy', kind: 'opportunity' })])).toBeNull();
    expect(planKindOf('watch', [])).toBeNull();
  });

  it('when a playbook step is open and a signal task is open, then both are next steps, earliest due first, the late one overdue', () => {
    const summary = buildPlanSummary(
      planFacts({
        signals: [signal()],
        playbooks: [runningPlaybook(), runningPlaybook({ id: 8, status: 'cancelled' })],
        openTasks: [
          {
            title: 'Escalated: late payment',
            dueAt: Date.parse('2026-11-23T09:00:00.000Z'),
            hubspotTaskId: '9100',
          },
          { title: 'Call finance', dueAt: null, hubspotTaskId: null },
        ],
      }),
      now,
    );

    expect(summary?.nextSteps).toEqual([
      {
        title: 'Escalated: late payment',
        playbookRunId: null,
        dueAt: '2026-11-23T09:00:00.000Z',
        overdue: true,
        hubspotTaskId: '9100',
      },
      {
        title: 'Agree a recovery plan',
        playbookRunId: 7,
        dueAt: '2026-11-26T09:00:00.000Z',
        overdue: false,
        hubspotTaskId: '9002',
      },
      { title: 'Call finance', playbookRunId: null, dueAt: null, overdue: false, hubspotTaskId: null },
    ]);
  });

  it('when the latest of a review, a step done and a person’s command is 8 days old, then the plan is stale and names that time', () => {
    const summary = buildPlanSummary(
      planFacts({
        lastReviewedAt: daysAgo(12),
        lastStepCompletedAt: daysAgo(8),
        lastPersonEventAt: daysAgo(9),
      }),
      now,
    );
    expect(summary).toMatchObject({
      kind: 'at_risk',
      lastReviewedAt: '2026-11-12T12:00:00.000Z',
      lastUpdatedAt: '2026-11-16T12:00:00.000Z',
      stale: true,
    });
  });

  it('when a person acted on a signal 6 days ago, then the plan is current though its review is old', () => {
    const summary = buildPlanSummary(
      planFacts({ lastReviewedAt: daysAgo(30), lastPersonEventAt: daysAgo(6) }),
      now,
    );
    expect(summary).toMatchObject({ lastUpdatedAt: '2026-11-18T12:00:00.000Z', stale: false });
  });

  it('when nobody ever touched a plan, then it is stale only once it is older than 7 days', () => {
    // At risk since Nov 10 (14 days): stale.
    expect(buildPlanSummary(planFacts(), now)).toMatchObject({ lastUpdatedAt: null, stale: true });
    // At risk since Nov 20 (4 days), and its risk signal opened Nov 20: not yet.
    const fresh = planFacts({ tierSince: daysAgo(4), signals: [signal()] });
    expect(buildPlanSummary(fresh, now)).toMatchObject({ lastUpdatedAt: null, stale: false });
    // An expansion plan counts from its expansion signal (opened 10 days ago), not from the tier.
    const expansion = planFacts({
      tier: 'healthy',
      tierSince: daysAgo(1),
      signals: [signal({ type: 'expansion', kind: 'opportunity', openedAt: '2026-11-14T12:00:00.000Z' })],
    });
    expect(buildPlanSummary(expansion, now)).toMatchObject({ kind: 'expansion', stale: true });
  });

  it('when an account needs no plan, then it has none; an action plan lists only running playbooks', () => {
    expect(buildPlanSummary(planFacts({ tier: 'healthy' }), now)).toBeNull();
    const plan = buildActionPlan(
      planFacts({ playbooks: [runningPlaybook(), runningPlaybook({ id: 8, status: 'completed' })] }),
      now,
    );
    expect(plan).toMatchObject({ companyName: 'Acme Logistics', ownerName: 'Casey Moss', score: 24 });
    expect(plan?.playbooks.map((run) => run.id)).toEqual([7]);
  });
});
