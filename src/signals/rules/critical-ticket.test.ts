import { describe, expect, it } from 'vitest';

import type { SignalTicket } from '../signal-types.ts';
import { criticalTicketRule } from './critical-ticket.pure.ts';
import { company, HOUR_MS, NOW } from './signal-inputs.fixture.ts';

const thresholds = { enabled: true, slaMultiple: 1, escalated: true, minOpenTickets: 1 };
const ticket = (hoursOpen: number, extra: Partial<SignalTicket> = {}): SignalTicket => ({
  id: 't1',
  subject: 'Cannot log in',
  createdAt: NOW - hoursOpen * HOUR_MS,
  priority: 'URGENT',
  escalated: false,
  ...extra,
});
const rule = (tickets: SignalTicket[], t = thresholds) => criticalTicketRule(company({ tickets }), t, NOW);

describe('critical ticket', () => {
  // The default model: URGENT and HIGH are urgent; SLA 8 hours for URGENT, 24 for HIGH.
  it('when an URGENT ticket has been open 9 hours (SLA 8), then it fires high with the ticket', () => {
    expect(rule([ticket(9)])).toEqual({
      type: 'critical_ticket',
      severity: 'high',
      evidence: [
        { key: 'ticket_id', value: 't1' },
        { key: 'ticket_subject', value: 'Cannot log in' },
        { key: 'ticket_priority', value: 'URGENT' },
        { key: 'ticket_opened', value: null, at: '2026-06-15T03:00:00.000Z' },
        { key: 'ticket_hours_open', value: 9 },
        { key: 'ticket_sla_hours', value: 8 },
        { key: 'ticket_escalated', value: 'false' },
        { key: 'open_critical_tickets', value: 1 },
      ],
    });
  });

  it('when it has been open 7 hours, or is closed, or is a MEDIUM ticket past its SLA, then nothing fires', () => {
    expect(rule([ticket(7)])).toBeNull();
    expect(rule([ticket(30, { closedAt: NOW - HOUR_MS })])).toBeNull();
    expect(rule([ticket(100, { priority: 'MEDIUM' })])).toBeNull();
  });

  it('when a ticket closes only after now, then it was still open now', () => {
    expect(rule([ticket(9, { closedAt: NOW + HOUR_MS })])).not.toBeNull();
  });

  it('when an open ticket is escalated, then it fires whatever its age; with escalations off, it does not', () => {
    expect(rule([ticket(1, { priority: 'LOW', escalated: true })])?.severity).toBe('high');
    expect(
      rule([ticket(1, { priority: 'LOW', escalated: true })], { ...thresholds, escalated: false }),
    ).toBeNull();
  });

  it('when it is escalated and past its SLA, or past three times its SLA, then it is critical', () => {
    expect(rule([ticket(9, { escalated: true })])?.severity).toBe('critical');
    expect(rule([ticket(25)])?.severity).toBe('critical');
  });

  it('when two tickets are needed, then one does not fire, two do', () => {
    const two = { ...thresholds, minOpenTickets: 2 };
    expect(rule([ticket(9)], two)).toBeNull();
    expect(rule([ticket(9), ticket(10, { id: 't2' })], two)?.evidence[0]).toEqual({
      key: 'ticket_id',
      value: 't2',
    });
  });

  it('when a ticket has no priority or no readable time, then it is not urgent or not there', () => {
    expect(rule([ticket(100, { priority: undefined })])).toBeNull();
    expect(rule([{ ...ticket(100), createdAt: Number.NaN }])).toBeNull();
  });
});
