import type { NpsReportWire, NpsRowWire } from '@harbor/wire';

const share = (
  count: number,
  value: number | null,
  low: number | null = null,
  high: number | null = null,
) => ({
  count,
  share: value,
  low,
  high,
});

const hiddenCsat = (n: number): NpsRowWire['csat'] => ({
  n,
  hiddenBelowMinimum: n < 10,
  unsatisfied: share(0, null),
  neutral: share(0, null),
  satisfied: share(n, null),
});
const noCes: NpsRowWire['ces'] = {
  n: 0,
  hiddenBelowMinimum: true,
  hard: share(0, null),
  neutral: share(0, null),
  easy: share(0, null),
  mean: null,
};

/** 2026-Q4 so far: all customers NPS 32 ± 12 over 64 answers; ENT too few answers; one Q3 row before it. */
export function npsRow(overrides: Partial<NpsRowWire> = {}): NpsRowWire {
  return {
    segment: 'all',
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    periodLabel: '2026-Q4',
    complete: false,
    nps: {
      n: 64,
      hiddenBelowMinimum: false,
      promoters: share(32, 0.5, 0.38, 0.62),
      passives: share(19, 0.2969, 0.2, 0.42),
      detractors: share(13, 0.1797, 0.11, 0.3),
      score: 32,
      standardError: 6.1,
      marginOfError: 12,
      low: 20,
      high: 44,
    },
    csat: {
      n: 20,
      hiddenBelowMinimum: false,
      unsatisfied: share(2, 0.1, 0.03, 0.3),
      neutral: share(3, 0.15, 0.05, 0.36),
      satisfied: share(15, 0.75, 0.53, 0.89),
    },
    ces: {
      n: 12,
      hiddenBelowMinimum: false,
      hard: share(1, 0.0833, 0.01, 0.35),
      neutral: share(3, 0.25, 0.09, 0.53),
      easy: share(8, 0.6667, 0.39, 0.86),
      mean: 5.42,
    },
    ...overrides,
  };
}

export function npsReport(overrides: Partial<NpsReportWire> = {}): NpsReportWire {
  return {
    portalId: 4242,
    period: 'quarter',
    from: '2026-07-01',
    to: '2026-12-31',
    generatedAt: '2026-11-24T12:00:00.000Z',
    minimumResponses: 10,
    rows: [
      npsRow({ periodStart: '2026-07-01', periodEnd: '2026-09-30', periodLabel: '2026-Q3', complete: true }),
      npsRow(),
      npsRow({
        segment: 'ENT',
        nps: {
          ...npsRow().nps,
          n: 4,
          hiddenBelowMinimum: true,
          score: null,
          standardError: null,
          marginOfError: null,
          low: null,
          high: null,
          promoters: share(3, null),
          passives: share(1, null),
          detractors: share(0, null),
        },
        csat: hiddenCsat(2),
        ces: noCes,
      }),
    ],
    surveyDue: {
      cadence: 'quarterly',
      answeredSince: '2026-08-24T12:00:00.000Z',
      listName: 'Harbor survey due 2026-Q4',
      customers: 40,
      due: 2,
      dueContacts: 5,
      companies: [
        { companyId: '2003', name: 'Gamma Tools', segment: 'unsegmented', lastAnswerAt: null, contacts: 2 },
        {
          companyId: '2004',
          name: 'Delta Foods',
          segment: 'SMB',
          lastAnswerAt: '2026-06-01T10:00:00.000Z',
          contacts: 3,
        },
      ],
    },
    detractorLoop: {
      detractorAnswers: 2,
      withFollowUp: 2,
      closed: 1,
      closedLoopRate: 0.5,
      medianDaysToClose: 1.3,
      closedWithinTwoBusinessDays: 1,
      answers: [
        {
          answerId: '5008',
          companyId: '2002',
          companyName: 'Beta Retail',
          value: 5,
          submittedAt: '2026-11-20T15:00:00.000Z',
          followUp: 'open',
          taskDueAt: '2026-11-22T16:00:00.000Z',
          completedAt: null,
          inTime: false,
        },
        {
          answerId: '5004',
          companyId: '2001',
          companyName: 'Acme Logistics',
          value: 3,
          submittedAt: '2026-11-02T09:00:00.000Z',
          followUp: 'completed',
          taskDueAt: '2026-11-04T10:00:00.000Z',
          completedAt: '2026-11-03T16:00:00.000Z',
          inTime: true,
        },
      ],
    },
    ...overrides,
  };
}
