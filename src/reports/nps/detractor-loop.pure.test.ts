import { describe, expect, it } from 'vitest';

import { addBusinessDays } from './business-days.pure.ts';
import { detractorLoop, type DetractorAnswer, type FollowUpRun } from './detractor-loop.pure.ts';

const at = (iso: string) => Date.parse(iso);
const DAY_MS = 86_400_000;

describe('business days', () => {
  it('when an answer comes on a Friday afternoon, then 2 business days end on Tuesday at the same hour', () => {
    // 2026-11-27 is a Friday.
    expect(new Date(addBusinessDays(at('2026-11-27T15:00:00Z'), 2)).toISOString()).toBe(
      '2026-12-01T15:00:00.000Z',
    );
  });

  it('when an answer comes on a Saturday, then the 2 business days are Monday and Tuesday', () => {
    expect(new Date(addBusinessDays(at('2026-11-28T10:00:00Z'), 2)).toISOString()).toBe(
      '2026-12-02T00:00:00.000Z',
    );
  });

  it('when an answer comes on a Monday, then 2 business days end on Wednesday', () => {
    expect(new Date(addBusinessDays(at('2026-11-23T09:00:00Z'), 2)).toISOString()).toBe(
      '2026-11-25T09:00:00.000Z',
    );
  });
});

describe('detractor loop', () => {
  const answer = (id: string, companyId: string, submitted: string, value = 3): DetractorAnswer => ({
    id,
    companyId,
    companyName: `Company ${companyId}`,
    value,
    submittedAt: at(submitted),
  });
  const run = (companyId: string, started: string, completed: string | null | undefined): FollowUpRun => ({
    companyId,
    startedAt: at(started),
    firstTask:
      completed === undefined
        ? null
        : { dueAt: at(started) + 2 * DAY_MS, completedAt: completed === null ? null : at(completed) },
  });

  // a1 (Mon 23 Nov 09:00) → run the same day, call done Tue 24 Nov 09:00: 1.0 day, in time.
  // a2 (Fri 27 Nov 15:00) → run Fri 16:00, call done Thu 3 Dec 15:00: 6.0 days, late (deadline Tue 1 Dec 15:00).
  // a3 (Wed 25 Nov) → a run whose first task is still open.
  // a4 (Wed 25 Nov) → company 4's only run started before the answer: no follow-up.
  // a5 (Tue 1 Dec) → a run started, but its task was never recorded: no follow-up.
  const answers = [
    answer('a1', '1', '2026-11-23T09:00:00Z'),
    answer('a2', '2', '2026-11-27T15:00:00Z', 6),
    answer('a3', '3', '2026-11-25T10:00:00Z'),
    answer('a4', '4', '2026-11-25T10:00:00Z'),
    answer('a5', '5', '2026-12-01T10:00:00Z'),
  ];
  const runs = [
    run('1', '2026-11-23T10:00:00Z', '2026-11-24T09:00:00Z'),
    run('2', '2026-11-27T16:00:00Z', '2026-12-03T15:00:00Z'),
    run('3', '2026-11-25T11:00:00Z', null),
    run('4', '2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z'),
    run('5', '2026-12-01T11:00:00Z', undefined),
  ];

  it('when 2 of 5 detractors had their follow-up completed, then the closed-loop rate is 40 % and the median 3.5 days', () => {
    const loop = detractorLoop(answers, runs, 90);
    // Closed: a1 (1.0 day) and a2 (6.0 days): median (1 + 6)/2 = 3.5; only a1 within 2 business days.
    expect({ ...loop, answers: undefined }).toEqual({
      detractorAnswers: 5,
      withFollowUp: 3,
      closed: 2,
      closedLoopRate: 0.4,
      medianDaysToClose: 3.5,
      closedWithinTwoBusinessDays: 1,
      answers: undefined,
    });
    expect(loop.answers.map((row) => [row.answerId, row.followUp, row.inTime])).toEqual([
      ['a5', 'none', false],
      ['a2', 'completed', false],
      ['a3', 'open', false],
      ['a4', 'none', false],
      ['a1', 'completed', true],
    ]);
  });

  it('when the only run started after the signal’s window, then it is not this answer’s follow-up', () => {
    const late = detractorLoop([answers[0]!], [run('1', '2027-03-01T00:00:00Z', '2027-03-02T00:00:00Z')], 90);
    expect(late.withFollowUp).toBe(0);
    expect(late.closedLoopRate).toBe(0);
  });

  it('when there are no detractors, then rate and median are empty rather than 0', () => {
    expect(detractorLoop([], runs, 90)).toMatchObject({ closedLoopRate: null, medianDaysToClose: null });
  });
});
