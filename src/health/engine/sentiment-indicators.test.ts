import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs, FeedbackFact, SurveyType } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import type { IndicatorReading } from './indicator-reading.ts';
import { sentimentIndicators } from './sentiment-indicators.pure.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);

/** One answer `daysAgo` days before NOW. */
const answer = (type: SurveyType, value: number, daysAgo = 0): FeedbackFact => ({
  type,
  value,
  submittedAt: NOW - daysAgo * DAY_MS,
});

// Default model: half-life 90 days (an answer 90 days old weighs 0.5, 180 days 0.25), max age 365 days,
// full confidence from 3 answers.
function sentiment(feedback: FeedbackFact[]): Record<string, IndicatorReading> {
  const inputs: CompanyHealthInputs = { companyId: '1', properties: {}, tickets: [], feedback };
  const readings = sentimentIndicators({ inputs, model: defaultHealthModel, now: NOW });
  return Object.fromEntries(readings.map((reading) => [reading.id, reading]));
}

describe('sentiment: NPS as the recency-weighted mean answer (curve [3,0] [6,35] [7,55] [8,75] [9,95] [10,100])', () => {
  // case, mean, points, quality, detail, answers
  it.each<[string, number, number, number, Record<string, number>, FeedbackFact[]]>([
    ['one 9 today', 9, 95, 1 / 3, { responses: 1, nps: 100 }, [answer('NPS', 9)]],
    // (10 × 1 + 4 × 0.5) / 1.5 = 8
    [
      '10 today and 4 from 90 days ago',
      8,
      75,
      2 / 3,
      { responses: 2, nps: 0 },
      [answer('NPS', 10), answer('NPS', 4, 90)],
    ],
    // (10 × 1 + 8 × 0.5 + 6 × 0.25) / 1.75 = 8.857… → 8.86 → 75 + 0.86 × 20
    [
      '10 today, 8 from 90 and 6 from 180 days ago',
      8.86,
      92.2,
      1,
      { responses: 3, nps: 0 },
      [answer('NPS', 10), answer('NPS', 8, 90), answer('NPS', 6, 180)],
    ],
    // mean 7.25; promoters 2, detractors 1 of 4 → NPS 25
    [
      '10, 9, 8 and 2 today',
      7.25,
      60,
      1,
      { responses: 4, nps: 25 },
      [answer('NPS', 10), answer('NPS', 9), answer('NPS', 8), answer('NPS', 2)],
    ],
    [
      'a 0 from 400 days ago is past the max age',
      9,
      95,
      1 / 3,
      { responses: 1, nps: 100 },
      [answer('NPS', 9), answer('NPS', 0, 400)],
    ],
    [
      'a 0 submitted after now is ignored',
      9,
      95,
      1 / 3,
      { responses: 1, nps: 100 },
      [answer('NPS', 9), answer('NPS', 0, -1)],
    ],
    [
      'out-of-range answers (11, −1, NaN) are ignored',
      9,
      95,
      1 / 3,
      { responses: 1, nps: 100 },
      [answer('NPS', 9), answer('NPS', 11), answer('NPS', -1), answer('NPS', Number.NaN)],
    ],
  ])('when %s, then the mean %d gives %d points', (_case, mean, points, quality, detail, feedback) => {
    const reading = sentiment(feedback).nps;
    expect(reading?.value).toBe(mean);
    expect(reading?.points).toBeCloseTo(points, 9);
    expect(reading?.quality).toBeCloseTo(quality, 9);
    expect(reading?.detail).toEqual(detail);
  });

  it('when an answer is exactly max age (365 days) old, then it still counts, at 0.5^(365/90)', () => {
    const weight = 0.5 ** (365 / 90);
    const mean = Math.round(((10 + 0 * weight) / (1 + weight)) * 100) / 100;
    expect(sentiment([answer('NPS', 10), answer('NPS', 0, 365)]).nps?.value).toBe(mean);
    expect(mean).toBe(9.43);
  });

  it('when an answer is one millisecond past max age, then it is ignored', () => {
    const stale: FeedbackFact = { type: 'NPS', value: 0, submittedAt: NOW - 365 * DAY_MS - 1 };
    expect(sentiment([answer('NPS', 10), stale]).nps?.detail).toEqual({ responses: 1, nps: 100 });
  });
});

describe('sentiment: CSAT on the 3-point scale 0–2 and CES 1–7', () => {
  // case, indicator, mean, points, responses, answers
  it.each<[string, 'csat' | 'ces', number, number, number, FeedbackFact[]]>([
    // CSAT curve [0,0] [1,50] [2,100]
    ['CSAT 2 and 1 today', 'csat', 1.5, 75, 2, [answer('CSAT', 2), answer('CSAT', 1)]],
    ['CSAT 0 today', 'csat', 0, 0, 1, [answer('CSAT', 0)]],
    // (2 × 1 + 0 × 0.5) / 1.5 = 1.333… → 1.33
    [
      'CSAT 2 today and 0 from 90 days ago',
      'csat',
      1.33,
      66.5,
      2,
      [answer('CSAT', 2), answer('CSAT', 0, 90)],
    ],
    ['CSAT 5 (a 1–5 answer) is out of range', 'csat', 2, 100, 1, [answer('CSAT', 2), answer('CSAT', 5)]],
    // CES curve [1,0] [3,25] [4,50] [5,70] [6,90] [7,100]; (6 + 4 × 0.5) / 1.5 = 5.333… → 5.33 → 70 + 0.33 × 20
    ['CES 6 today and 4 from 90 days ago', 'ces', 5.33, 76.6, 2, [answer('CES', 6), answer('CES', 4, 90)]],
    [
      'CES 0 and 8 are out of range',
      'ces',
      7,
      100,
      1,
      [answer('CES', 7), answer('CES', 0), answer('CES', 8)],
    ],
    ['CES 2 today', 'ces', 2, 12.5, 1, [answer('CES', 2)]],
  ])('when %s, then %s reads %d for %d points', (_case, id, mean, points, responses, feedback) => {
    const reading = sentiment(feedback)[id];
    expect(reading?.value).toBe(mean);
    expect(reading?.points).toBeCloseTo(points, 9);
    expect(reading?.detail).toEqual({ responses });
  });

  it('when answers of each type are mixed, then each survey only reads its own', () => {
    const readings = sentiment([answer('NPS', 10), answer('CSAT', 1), answer('CES', 4)]);
    expect([readings.nps?.value, readings.csat?.value, readings.ces?.value]).toEqual([10, 1, 4]);
  });

  it.each<[string, FeedbackFact[]]>([
    ['no answers', []],
    ['only out-of-range answers', [answer('NPS', 12), answer('CSAT', 3), answer('CES', 0)]],
    [
      'only answers older than max age',
      [answer('NPS', 9, 366), answer('CSAT', 2, 500), answer('CES', 7, 400)],
    ],
  ])('when there are %s, then NPS, CSAT and CES are missing', (_case, feedback) => {
    const readings = sentiment(feedback);
    expect([readings.nps, readings.csat, readings.ces]).toEqual(
      ['nps', 'csat', 'ces'].map((id) => ({ id, value: null, points: null, quality: 0 })),
    );
  });

  it.each([
    [1, 1 / 3],
    [2, 2 / 3],
    [3, 1],
    [5, 1],
  ])('when there are %d CSAT answers, then the quality is %d', (count, quality) => {
    const readings = sentiment(Array.from({ length: count }, () => answer('CSAT', 2)));
    expect(readings.csat?.quality).toBeCloseTo(quality, 9);
  });
});
