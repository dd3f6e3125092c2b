import { defaultSignalSettings } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import type { SignalFeedback, SignalTicket } from '../signal-types.ts';
import { executiveComplaintRule } from './executive-complaint.pure.ts';
import { isExecutiveTitle } from './executive-title.pure.ts';
import { company, DAY_MS, NOW } from './signal-inputs.fixture.ts';

const titles = defaultSignalSettings.executiveTitles;
const thresholds = { enabled: true, withinDays: 60, maxNps: 6, executiveTitles: titles };
const answer = (value: number, title: string | null, daysAgo = 5, type: SignalFeedback['type'] = 'NPS') => ({
  id: 'f1',
  type,
  value,
  submittedAt: NOW - daysAgo * DAY_MS,
  contactJobTitle: title,
});
const ticket = (extra: Partial<SignalTicket>): SignalTicket => ({
  id: 't1',
  createdAt: NOW - 2 * DAY_MS,
  escalated: false,
  ...extra,
});
const rule = (feedback: SignalFeedback[], tickets: SignalTicket[] = []) =>
  executiveComplaintRule(company({ feedback, tickets }), thresholds, NOW);

describe('executive titles', () => {
  it.each([
    ['CEO', true],
    ['VP of Operations', true],
    ['Head of Customer Experience', true],
    ['Finance Director', true],
    ['Diretora de Tecnologia', true],
    ['Diretor Executivo', true],
    ['Head de Customer Success', true],
    ['Vice-President, Sales', true],
    ['Data Analyst', false],
    ['Directory administrator', false],
    ['Software Engineer', false],
  ])('when the title is "%s", then it is an executive: %s', (title, expected) => {
    expect(isExecutiveTitle(title, titles)).toBe(expected);
  });

  it('when there is no title, then it is not an executive', () => {
    expect(isExecutiveTitle(null, titles)).toBe(false);
    expect(isExecutiveTitle(undefined, titles)).toBe(false);
  });
});

describe('executive complaint', () => {
  it('when the CFO answered NPS 5 five days ago, then it fires high with the answer and the title', () => {
    expect(rule([answer(5, 'CFO')])).toEqual({
      type: 'executive_complaint',
      severity: 'high',
      evidence: [
        { key: 'answer_id', value: 'f1' },
        { key: 'survey_type', value: 'NPS' },
        { key: 'answer_value', value: 5 },
        { key: 'answer_submitted', value: null, at: '2026-06-10T12:00:00.000Z' },
        { key: 'contact_job_title', value: 'CFO' },
      ],
    });
  });

  it('when the CFO answered 7, or an analyst answered 2, or the answer is 61 days old, then nothing fires', () => {
    expect(rule([answer(7, 'CFO')])).toBeNull();
    expect(rule([answer(2, 'Data Analyst')])).toBeNull();
    expect(rule([answer(2, 'CEO', 61)])).toBeNull();
  });

  it('when an executive gave CSAT 0 or CES 3, then it fires; CSAT 1 or CES 4 does not', () => {
    expect(rule([answer(0, 'CTO', 5, 'CSAT')])).not.toBeNull();
    expect(rule([answer(3, 'CTO', 5, 'CES')])).not.toBeNull();
    expect(rule([answer(1, 'CTO', 5, 'CSAT')])).toBeNull();
    expect(rule([answer(4, 'CTO', 5, 'CES')])).toBeNull();
  });

  it('when the executive answered NPS 3 or lower, then it is critical', () => {
    expect(rule([answer(3, 'CEO')])?.severity).toBe('critical');
  });

  it('when a ticket is flagged by the mapped property, or raised by a director, then it fires', () => {
    expect(rule([], [ticket({ executiveFlag: 'true' })])?.evidence[0]).toEqual({
      key: 'ticket_id',
      value: 't1',
    });
    expect(rule([], [ticket({ contactJobTitle: 'Sales Director' })])?.evidence).toContainEqual({
      key: 'contact_job_title',
      value: 'Sales Director',
    });
    expect(rule([], [ticket({ executiveFlag: 'false' }), ticket({ executiveFlag: null })])).toBeNull();
  });

  it('when an answer and a ticket both count, then the newer is the evidence and it is critical', () => {
    const firing = rule([answer(5, 'CEO', 10)], [ticket({ executiveFlag: 'true' })]);
    expect(firing?.severity).toBe('critical');
    expect(firing?.evidence[0]).toEqual({ key: 'ticket_id', value: 't1' });
  });
});
