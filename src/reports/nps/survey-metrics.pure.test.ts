import { describe, expect, it } from 'vitest';

import { cesMetric, csatMetric, npsMetric, wilsonInterval } from './survey-metrics.pure.ts';
import { bucketOf, isOnScale } from './survey-scales.pure.ts';

describe('survey scales', () => {
  it('when answers are bucketed, then HubSpot’s groups apply per survey (NPS 9–10/7–8/0–6, CSAT 2/1/0, CES 6–7/4–5/1–3)', () => {
    expect([10, 9, 8, 7, 6, 0].map((value) => bucketOf('NPS', value))).toEqual([
      'promoter',
      'promoter',
      'passive',
      'passive',
      'detractor',
      'detractor',
    ]);
    expect([2, 1, 0].map((value) => bucketOf('CSAT', value))).toEqual(['promoter', 'passive', 'detractor']);
    expect([7, 6, 5, 4, 3, 1].map((value) => bucketOf('CES', value))).toEqual([
      'promoter',
      'promoter',
      'passive',
      'passive',
      'detractor',
      'detractor',
    ]);
  });

  it('when a value is off its survey’s scale or not whole, then it is no answer (a CSAT 4 is a 1–5 figure, not HubSpot’s)', () => {
    expect(isOnScale('CSAT', 4)).toBe(false);
    expect(isOnScale('CES', 0)).toBe(false);
    expect(isOnScale('NPS', 11)).toBe(false);
    expect(isOnScale('NPS', 7.5)).toBe(false);
    expect(isOnScale('NPS', 0)).toBe(true);
  });
});

describe('NPS', () => {
  // 5 promoters (10,10,9,9,9), 3 passives (8,7,7), 2 detractors (6,3): n = 10, p = .5, d = .2.
  const values = [10, 10, 9, 9, 9, 8, 7, 7, 6, 3];

  it('when 10 answers are 50 % promoters and 20 % detractors, then NPS is 30 ± 48.4 (SE 24.70)', () => {
    // NPS = 100·(.5 − .2) = 30. SE = 100·√((.5 + .2 − .3²)/10) = 100·√(.061) = 24.698 → 24.70.
    // Margin = 1.96·24.698 = 48.408 → 48.4; interval 30 − 48.408 = −18.4 to 78.4.
    expect(npsMetric(values, 10)).toEqual({
      n: 10,
      hiddenBelowMinimum: false,
      // Wilson, 5/10: centre (.5 + 1.9208/10)/(1 + .38416) = .5; half 1.96·√(.025 + .009604)/1.38416 = .2634.
      promoters: { count: 5, share: 0.5, low: 0.2366, high: 0.7634 },
      passives: { count: 3, share: 0.3, low: 0.1078, high: 0.6032 },
      // 2/10: centre .39208/1.38416 = .28326; half 1.96·√(.016 + .009604)/1.38416 = .22658.
      detractors: { count: 2, share: 0.2, low: 0.0567, high: 0.5098 },
      score: 30,
      standardError: 24.7,
      marginOfError: 48.4,
      low: -18.4,
      high: 78.4,
    });
  });

  it('when there are fewer answers than the minimum, then every value is hidden but n and counts stay', () => {
    const metric = npsMetric(values, 11);
    expect(metric).toMatchObject({ n: 10, hiddenBelowMinimum: true, score: null, marginOfError: null });
    expect(metric.promoters).toEqual({ count: 5, share: null, low: null, high: null });
  });

  it('when every answer is a promoter, then NPS is 100 with a zero standard error', () => {
    // p = 1, d = 0: p + d − (p − d)² = 0.
    expect(npsMetric([9, 10, 10], 1)).toMatchObject({ score: 100, standardError: 0, low: 100, high: 100 });
  });

  it('when the interval would pass −100, then it is clipped there', () => {
    // 1 detractor, 1 passive: NPS −50, SE = 100·√((.5 − .25)/2) = 35.36, margin 69.3 → low −119.3 → −100.
    expect(npsMetric([0, 7], 1)).toMatchObject({ score: -50, standardError: 35.36, low: -100, high: 19.3 });
  });
});

describe('CSAT and CES', () => {
  it('when CSAT answers are 2,2,2,1,0, then CSAT is the 60 % share of 2s with its Wilson interval', () => {
    // 3/5: centre (.6 + .38416)/1.76832 = .55655; half 1.96·√(.048 + .038416)/1.76832 = .32583.
    expect(csatMetric([2, 2, 2, 1, 0], 5)).toEqual({
      n: 5,
      hiddenBelowMinimum: false,
      unsatisfied: { count: 1, share: 0.2, low: 0.0362, high: 0.6245 },
      neutral: { count: 1, share: 0.2, low: 0.0362, high: 0.6245 },
      satisfied: { count: 3, share: 0.6, low: 0.2307, high: 0.8824 },
    });
  });

  it('when CES answers are 7,6,5,4,2,1, then a third each is easy, neutral and hard and the mean is 4.17', () => {
    // (7 + 6 + 5 + 4 + 2 + 1)/6 = 25/6 = 4.1667.
    const metric = cesMetric([7, 6, 5, 4, 2, 1], 6);
    expect(metric.mean).toBe(4.17);
    expect([metric.easy.count, metric.neutral.count, metric.hard.count]).toEqual([2, 2, 2]);
    expect(metric.easy.share).toBe(0.3333);
  });

  it('when no share is seen at all, then the Wilson interval still gives an upper bound above 0', () => {
    // 0/10: centre .19208/1.38416 = .13877, half .13877: 0 to .2775.
    const { low, high } = wilsonInterval(0, 10);
    expect(low).toBe(0);
    expect(Math.round(high * 10_000) / 10_000).toBe(0.2775);
  });
});
