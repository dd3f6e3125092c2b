import { describe, expect, it } from 'vitest';

import {
  automationHandoffKey,
  financeHandoffKey,
  marketingHandoffKey,
  quarterOf,
  supportHandoffKey,
} from './handoff-keys.pure.ts';
import { decideRouting } from './handoff-routing.pure.ts';
import { handoffTaskText } from './handoff-task-text.pure.ts';
import { marketingHandoffFor, supportHandoffFor } from './handoff-triggers.pure.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

describe('hand-off keys', () => {
  it('when a promoter is proposed twice in one quarter, then both proposals share one key; the next quarter gets a new one', () => {
    // Nov 24 and Dec 31 are both in Q4 (months 10–12); Jan 1 2027 is Q1.
    expect(quarterOf(new Date('2026-10-01T00:00:00Z'))).toBe('2026-Q4');
    expect(marketingHandoffKey('42', now)).toBe('handoff:marketing:42:2026-Q4');
    expect(marketingHandoffKey('42', new Date('2026-12-31T23:59:59Z'))).toBe('handoff:marketing:42:2026-Q4');
    expect(marketingHandoffKey('42', new Date('2027-01-01T00:00:00Z'))).toBe('handoff:marketing:42:2027-Q1');
  });

  it('when the same automation is asked with other spacing or case, then it is the same request', () => {
    expect(automationHandoffKey('42', 'Remind me  120 days before renewal')).toBe(
      automationHandoffKey('42', ' remind me 120 days before RENEWAL '),
    );
    expect(automationHandoffKey('42', 'Remind me')).not.toBe(automationHandoffKey('43', 'Remind me'));
    expect(automationHandoffKey('42', 'x')).toMatch(/^handoff:automation:42:[0-9a-f]{16}$/);
  });

  it('when keys are built, then they name what is handed off (ticket; deal and day)', () => {
    expect(supportHandoffKey('777')).toBe('handoff:support:777');
    expect(financeHandoffKey('42', '5001', now)).toBe('handoff:finance:42:5001:2026-11-24');
  });
});

describe('hand-off routing', () => {
  it('when the destination is an owner or a queue, then the task goes there', () => {
    expect(decideRouting({ kind: 'owner', ownerId: '7' }, [])).toEqual({
      routed: true,
      assignee: { ownerId: '7' },
    });
    expect(decideRouting({ kind: 'queue', queueId: '99' }, [])).toEqual({
      routed: true,
      assignee: { queueId: '99' },
    });
  });

  it('when the destination is a team, then the member with the fewest open Harbor tasks today gets it, ties to the lowest id', () => {
    const team = { kind: 'team', teamId: '5' } as const;
    // 10 has 2 open tasks, 9 and 11 have 1 each: 9 and 11 tie, and 9 < 11 numerically (not as text: "11" < "9").
    expect(
      decideRouting(team, [
        { ownerId: '10', openTasksToday: 2 },
        { ownerId: '11', openTasksToday: 1 },
        { ownerId: '9', openTasksToday: 1 },
      ]),
    ).toEqual({ routed: true, assignee: { ownerId: '9' } });
  });

  it('when there is no destination or the team is empty, then it is not routed, with the reason', () => {
    expect(decideRouting(null, [])).toEqual({ routed: false, reason: 'no_destination' });
    expect(decideRouting({ kind: 'team', teamId: '5' }, [])).toEqual({ routed: false, reason: 'empty_team' });
  });
});

describe('hand-off tasks and triggers', () => {
  const context = { portalId: 123, companyId: '42', companyName: 'Acme', language: 'en' as const };

  it('when support gets a ticket, then the task is due tomorrow, high priority, says Harbor never answers it, and links both records', () => {
    const text = handoffTaskText(
      { kind: 'support', ticketId: '777', ticketSubject: 'Export fails', hoursOpen: 30, escalated: true },
      context,
      now,
    );
    expect(text.dueAt.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(text.priority).toBe('HIGH');
    expect(text.subject).toBe('Support: critical ticket from Acme (at-risk account)');
    expect(text.body).toContain('"Export fails" has been open for 30 h, escalated');
    expect(text.body).toContain('never answers or closes tickets');
    expect(text.body).toContain('https://app.hubspot.com/contacts/123/record/0-5/777');
    expect(text.body).toContain('https://app.hubspot.com/contacts/123/record/0-2/42');
  });

  it('when the portal writes tasks in Portuguese, then finance reads the request in Portuguese, due in 3 days', () => {
    const text = handoffTaskText(
      { kind: 'finance', dealId: '5001', dealName: 'Renovação 2027', note: 'Pede 10 % de desconto' },
      { ...context, language: 'pt-BR' },
      now,
    );
    expect(text.subject).toBe('Financeiro: renovação de Acme precisa de mudança de preço');
    expect(text.body).toContain('Harbor nunca altera preços nem valores de negócios');
    expect(text.body).toContain('record/0-3/5001');
    expect(text.dueAt.toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });

  it('when a critical ticket signal names its worst ticket, then support gets that ticket; without one, nothing', () => {
    const evidence = [
      { key: 'ticket_id', value: '777' },
      { key: 'ticket_subject', value: 'Export fails' },
      { key: 'ticket_hours_open', value: 30.5 },
      { key: 'ticket_escalated', value: 'true' },
    ];
    expect(supportHandoffFor({ companyId: '42', evidence })).toMatchObject({
      key: 'handoff:support:777',
      ticketId: '777',
      facts: { ticketSubject: 'Export fails', hoursOpen: 30.5, escalated: true },
    });
    expect(supportHandoffFor({ companyId: '42', evidence: [] })).toBeNull();
  });

  it('when an advocacy signal carries a 10 answered on Nov 20, then marketing hears of an NPS 10 that day', () => {
    const handoff = marketingHandoffFor(
      {
        companyId: '42',
        evidence: [
          { key: 'answer_value', value: 10 },
          { key: 'answer_submitted', value: null, at: '2026-11-20T08:00:00.000Z' },
        ],
      },
      now,
    );
    expect(handoff).toMatchObject({
      key: 'handoff:marketing:42:2026-Q4',
      facts: { kind: 'marketing', npsScore: 10, answeredOn: '2026-11-20' },
    });
  });
});
