import { describe, expect, it } from 'vitest';

import { surveyDue, surveyListName, type SurveyCustomer } from './survey-due.pure.ts';

const now = Date.parse('2026-11-30T12:00:00Z');
const customer = (
  companyId: string,
  lastAnswerAt: string | null,
  contactIds = ['7', '8'],
): SurveyCustomer => ({
  companyId,
  name: `Company ${companyId}`,
  segment: 'SMB',
  lastAnswerAt: lastAnswerAt === null ? null : Date.parse(lastAnswerAt),
  contactIds,
});

describe('survey due', () => {
  const customers = [
    customer('1', '2026-10-01T00:00:00Z'),
    customer('2', '2026-08-30T11:59:59Z'),
    customer('3', null, ['7', '9']),
    customer('4', '2026-08-30T12:00:00Z'),
    customer('5', '2026-02-01T00:00:00Z', []),
  ];

  it('when the cadence is quarterly, then customers without an answer since 30 Aug 12:00 are due, never-answered first', () => {
    // Three calendar months before 30 Nov 12:00 is 30 Aug 12:00: company 4 answered at exactly that moment.
    const due = surveyDue(customers, 'quarterly', now);
    expect(due.answeredSince).toBe('2026-08-30T12:00:00.000Z');
    expect(due.companies.map((company) => company.companyId)).toEqual(['3', '5', '2']);
    // Due: 3 (7, 9), 5 (none), 2 (7, 8): contact 7 is on two of them and counts once.
    expect([due.customers, due.due, due.dueContacts]).toEqual([5, 3, 3]);
    expect(due.companies.map((company) => company.contacts)).toEqual([2, 0, 2]);
    expect(due.listName).toBe('Harbor survey due 2026-Q4');
  });

  it('when the cadence is half-yearly, then only answers older than 6 months make a customer due', () => {
    const due = surveyDue(customers, 'half-yearly', now);
    expect(due.answeredSince).toBe('2026-05-30T12:00:00.000Z');
    expect(due.companies.map((company) => company.companyId)).toEqual(['3', '5']);
    expect(due.listName).toBe('Harbor survey due 2026-H2');
  });

  it('when the month before has fewer days, then the cadence ends on its last day (31 May − 3 months = 28 Feb)', () => {
    expect(surveyDue([], 'quarterly', Date.parse('2027-05-31T00:00:00Z')).answeredSince).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(surveyListName('quarterly', Date.parse('2027-01-01T00:00:00Z'))).toBe('Harbor survey due 2027-Q1');
  });
});
