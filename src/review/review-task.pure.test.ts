import type { ReviewOwnerWire } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { buildActionPlan } from './action-plans.pure.ts';
import { reviewPageUrl, reviewTask, reviewTaskKey } from './review-task.pure.ts';
import { planFacts, runningPlaybook, signal } from './testing/review-fixtures.ts';

const now = Date.parse('2026-11-23T11:07:00.000Z');

function owner(overrides: Partial<ReviewOwnerWire> = {}): ReviewOwnerWire {
  const acme = buildActionPlan(
    planFacts({
      signals: [signal({ escalatedAt: '2026-11-21T09:00:00.000Z' })],
      playbooks: [runningPlaybook()],
    }),
    now,
  );
  const gamma = buildActionPlan(
    planFacts({
      companyId: '2003',
      companyName: 'Gamma Tools',
      tier: 'healthy',
      lastReviewedAt: now - 86_400_000,
      signals: [signal({ id: 2, companyId: '2003', type: 'expansion', kind: 'opportunity' })],
    }),
    now,
  );
  if (acme === null || gamma === null) throw new Error('the fixtures need plans');
  return {
    ownerId: '501',
    ownerName: 'Casey Moss',
    atRisk: [acme],
    expansion: [gamma],
    stalePlans: 1,
    escalatedSignals: 1,
    ...overrides,
  };
}

const options = {
  week: '2026-W48',
  language: 'en' as const,
  reviewUrl: reviewPageUrl(4242, '31337'),
  unownedAssignee: '900',
};

describe('the owner’s review task', () => {
  it('when an owner has plans, then their task names the week, lists each account with its flags and first next step, and links the review page', () => {
    const task = reviewTask(4242, owner(), options, now);
    expect(task).toMatchObject({
      portalId: 4242,
      companyId: '2001',
      key: 'review:501:2026-W48',
      subject: 'Weekly review 2026-W48: 1 at-risk and 1 expansion accounts',
      dueAt: new Date('2026-11-24T11:07:00.000Z'),
      priority: 'HIGH',
      ownerId: '501',
    });
    expect(task?.body.split('\n')).toEqual([
      'Harbor’s weekly review of your accounts. Check each plan: are its next steps right and moving? Mark it reviewed on the review page when it is.',
      '1 plan(s) not updated in 7 days.',
      '1 risk signal(s) escalated with no action yet.',
      '',
      'At risk:',
      '- Acme Logistics (not updated in 7 days, escalated): Agree a recovery plan',
      'Expansion:',
      '- Gamma Tools: no next step',
      '',
      'Open the review in Harbor (Weekly review page): https://app.hubspot.com/app/4242/31337/review',
    ]);
  });

  it('when the portal’s tasks are in Portuguese and Harbor has no app id, then the task is in Portuguese and links the first account', () => {
    const task = reviewTask(4242, owner(), { ...options, language: 'pt-BR', reviewUrl: undefined }, now);
    expect(task?.subject).toBe('Revisão semanal 2026-W48: 1 contas em risco e 1 de expansão');
    expect(task?.body).toContain(
      '- Acme Logistics (sem atualização há 7 dias, escalado): Agree a recovery plan',
    );
    expect(task?.body.split('\n').at(-1)).toBe(
      'A revisão fica na página inicial do Harbor na HubSpot, página “Revisão semanal”. Primeira conta: https://app.hubspot.com/contacts/4242/record/0-2/2001',
    );
  });

  it('when nobody owns the accounts, then the CS lead gets the task under the “none” key; an owner without plans gets none', () => {
    const unowned = reviewTask(4242, owner({ ownerId: null, ownerName: null }), options, now);
    expect(unowned).toMatchObject({ key: 'review:none:2026-W48', ownerId: '900' });
    expect(reviewTaskKey(null, '2026-W48')).toBe('review:none:2026-W48');
    expect(reviewTask(4242, owner({ atRisk: [], expansion: [] }), options, now)).toBeUndefined();
  });
});
