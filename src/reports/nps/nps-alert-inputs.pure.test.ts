import { describe, expect, it } from 'vitest';

import { npsAlertInputs } from './nps-alert-inputs.pure.ts';
import type { SurveyAnswer } from './survey-answer.ts';
import { npsRows } from './nps-rows.pure.ts';
import { reportPeriodsBetween } from './report-periods.pure.ts';

const now = Date.parse('2026-11-15T12:00:00Z');
let sequence = 0;
const answer = (
  segment: string,
  kind: SurveyAnswer['kind'],
  value: number,
  submitted: string,
): SurveyAnswer => {
  sequence += 1;
  return {
    id: `f${sequence}`,
    companyId: segment,
    segment,
    kind,
    value,
    submittedAt: Date.parse(submitted),
    comment: null,
  };
};

// Q3: SMB 9, 9, 7, 3 → NPS 25, detractors 25 %. Q4: SMB 9, 3, 3, 0 → NPS −50, detractors 75 %.
// ENT: Q4 only, 10 and 10 (below a minimum of 3: hidden). Plus a CSAT and a CES answer that NPS ignores.
const answers = [
  answer('SMB', 'NPS', 9, '2026-07-02T00:00:00Z'),
  answer('SMB', 'NPS', 9, '2026-08-02T00:00:00Z'),
  answer('SMB', 'NPS', 7, '2026-09-02T00:00:00Z'),
  answer('SMB', 'NPS', 3, '2026-09-30T23:59:59Z'),
  answer('SMB', 'NPS', 9, '2026-10-01T00:00:00Z'),
  answer('SMB', 'NPS', 3, '2026-10-02T00:00:00Z'),
  answer('SMB', 'NPS', 3, '2026-11-02T00:00:00Z'),
  answer('SMB', 'NPS', 0, '2026-11-03T00:00:00Z'),
  answer('ENT', 'NPS', 10, '2026-10-05T00:00:00Z'),
  answer('ENT', 'NPS', 10, '2026-10-06T00:00:00Z'),
  answer('SMB', 'CSAT', 2, '2026-10-06T00:00:00Z'),
  answer('SMB', 'CES', 7, '2026-10-06T00:00:00Z'),
];

describe('NPS figures for the alerts', () => {
  it('when SMB’s detractors rose from 25 % to 75 %, then the current and previous quarters say so per segment', () => {
    expect(npsAlertInputs(answers, 'quarter', now, 3)).toEqual([
      // all: Q3 = SMB's 4; Q4 = SMB's 4 + ENT's 2 → 3 promoters, 3 detractors of 6: NPS 0, 50 %.
      {
        segment: 'all',
        current: { periodLabel: '2026-Q4', n: 6, nps: 0, detractorShare: 0.5 },
        previous: { periodLabel: '2026-Q3', n: 4, nps: 25, detractorShare: 0.25 },
      },
      {
        segment: 'ENT',
        current: { periodLabel: '2026-Q4', n: 2, nps: null, detractorShare: null },
        previous: { periodLabel: '2026-Q3', n: 0, nps: null, detractorShare: null },
      },
      {
        segment: 'SMB',
        current: { periodLabel: '2026-Q4', n: 4, nps: -50, detractorShare: 0.75 },
        previous: { periodLabel: '2026-Q3', n: 4, nps: 25, detractorShare: 0.25 },
      },
    ]);
  });

  it('when the report rows are built from the same answers, then they agree with the alert figures', () => {
    const rows = npsRows({
      answers,
      periods: reportPeriodsBetween('quarter', now, '2026-07-01'),
      segments: ['SMB', 'ENT'],
      minimumResponses: 3,
      now,
    });
    expect(rows.map((row) => [row.periodLabel, row.segment, row.nps.score, row.complete])).toEqual([
      ['2026-Q3', 'all', 25, true],
      ['2026-Q3', 'ENT', null, true],
      ['2026-Q3', 'SMB', 25, true],
      ['2026-Q4', 'all', 0, false],
      ['2026-Q4', 'ENT', null, false],
      ['2026-Q4', 'SMB', -50, false],
    ]);
    // Q4 SMB has one CSAT and one CES answer: below the minimum, hidden.
    expect(rows[5]?.csat).toMatchObject({ n: 1, hiddenBelowMinimum: true });
  });
});
