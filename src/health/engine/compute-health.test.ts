import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs, ComponentResult, FeedbackFact, HealthResult } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import { healthModelSchema, type HealthModel } from '../model/health-model-schema.ts';
import { computeHealth } from './compute-health.pure.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const TODAY = Date.UTC(2026, 5, 15);

/**
 * One segment, ALL, with weights that sum to 10 so shares are easy to check by hand: usage 4 (seats 3,
 * features 1), support 2 (open tickets), payment 2 (days past due), sentiment 2 (NPS). Default curves and
 * bands; churn odds 1:9 at 70 and doubling every 10 points lower.
 */
function modelWith(weights: Record<string, number>): HealthModel {
  return healthModelSchema.parse({
    ...defaultHealthModel,
    segmentation: { kind: 'values', property: 'segment', values: {} },
    defaultSegment: 'ALL',
    segments: { ALL: { ...defaultHealthModel.segments.MID_MARKET, weights } },
  });
}
const model = modelWith({
  seat_utilisation: 3,
  feature_breadth: 1,
  open_tickets: 2,
  days_past_due: 2,
  nps: 2,
});

const nps = (...values: number[]): FeedbackFact[] =>
  values.map((value) => ({ type: 'NPS', value, submittedAt: NOW }));

/**
 * The base company: utilisation 0.5 → 50, 12 features → 90 (usage (3 × 50 + 1 × 90) / 4 = 60), no tickets
 * → 100, 7 days past due → 80, NPS 9, 9, 9, 8 today → mean 8.75 → 90.
 * Score = 0.4 × 60 + 0.2 × 100 + 0.2 × 80 + 0.2 × 90 = 78.
 */
function company(
  properties: Record<string, string | null> = {},
  extra: Partial<CompanyHealthInputs> = {},
): CompanyHealthInputs {
  return {
    companyId: '42',
    properties: {
      seats_purchased: '100',
      active_users_30d: '50',
      features_used: '12',
      days_past_due: '7',
      ...properties,
    },
    tickets: [],
    feedback: nps(9, 9, 9, 8),
    ...extra,
  };
}

const byId = (result: HealthResult): Record<string, ComponentResult> =>
  Object.fromEntries(result.components.map((component) => [component.id, component]));

describe('computeHealth: the whole result for one company', () => {
  it('when every weighted indicator has data, then components, score, tier and drivers are as computed by hand', () => {
    const history = [
      {
        day: TODAY - 7 * DAY_MS,
        score: 70,
        components: { usage: 50, support: 100, payment: 90, sentiment: 87.5 },
      },
      { day: TODAY - 30 * DAY_MS, score: 80, components: {} },
    ];
    expect(computeHealth(company({}, { history }), model, NOW)).toEqual({
      companyId: '42',
      segment: 'ALL',
      score: 78,
      tier: 'healthy',
      tierSince: NOW,
      pendingTier: null,
      confidence: 100,
      // odds 1/9 × 2^(−0.8) = 0.06382 → 0.06382 / 1.06382
      churnProbability: 0.06,
      trend: { d7: 8, d30: -2, d90: null },
      components: [
        {
          id: 'usage',
          score: 60,
          weight: 0.4,
          contribution: 24,
          potential: 40,
          indicators: [
            {
              id: 'seat_utilisation',
              component: 'usage',
              label: 'Seat utilisation',
              value: 0.5,
              points: 50,
              weight: 3,
            },
            {
              id: 'feature_breadth',
              component: 'usage',
              label: 'Features used',
              value: 12,
              points: 90,
              weight: 1,
            },
          ],
        },
        {
          id: 'support',
          score: 100,
          weight: 0.2,
          contribution: 20,
          potential: 20,
          indicators: [
            {
              id: 'open_tickets',
              component: 'support',
              label: 'Open tickets',
              value: 0,
              points: 100,
              weight: 2,
              detail: { urgent: 0 },
            },
          ],
        },
        {
          id: 'payment',
          score: 80,
          weight: 0.2,
          contribution: 16,
          potential: 20,
          indicators: [
            {
              id: 'days_past_due',
              component: 'payment',
              label: 'Days past due',
              value: 7,
              points: 80,
              weight: 2,
            },
          ],
        },
        {
          id: 'sentiment',
          score: 90,
          weight: 0.2,
          contribution: 18,
          potential: 20,
          indicators: [
            {
              id: 'nps',
              component: 'sentiment',
              label: 'NPS',
              value: 8.75,
              points: 90,
              weight: 2,
              detail: { responses: 4, nps: 75 },
            },
          ],
        },
      ],
      // seat utilisation: 0.4 × 3/4 of the score × (100 − 50) = 15
      topDriver: {
        indicator: 'seat_utilisation',
        component: 'usage',
        label: 'Seat utilisation',
        value: 0.5,
        pointsLost: 15,
      },
      // usage 0.4 × (60 − 50) = 4, payment 0.2 × (80 − 90) = −2, sentiment 0.2 × (90 − 87.5) = 0.5, support 0
      changes: [
        { component: 'usage', delta: 4 },
        { component: 'payment', delta: -2 },
        { component: 'sentiment', delta: 0.5 },
      ],
    });
  });

  it('when an indicator has weight 0 or none in the segment, then it is left out, and so is a component without weights', () => {
    const result = computeHealth(
      company({ logins_30d: '10', logins_prev_30d: '10', notes_last_contacted: '2026-06-01' }),
      model,
      NOW,
    );
    expect(result.components.map((component) => component.id)).toEqual([
      'usage',
      'support',
      'payment',
      'sentiment',
    ]);
    expect(byId(result).usage?.indicators.map((indicator) => indicator.id)).toEqual([
      'seat_utilisation',
      'feature_breadth',
    ]);
  });

  it('when the company is in a segment, then that segment’s weights apply', () => {
    const smb = computeHealth(company({ contract_value: '5000' }), defaultHealthModel, NOW);
    const enterprise = computeHealth(company({ contract_value: '500000' }), defaultHealthModel, NOW);
    expect([smb.segment, enterprise.segment]).toEqual(['SMB', 'ENTERPRISE']);
    expect(byId(smb).usage?.indicators[0]).toMatchObject({ id: 'seat_utilisation', weight: 16 });
    expect(byId(enterprise).usage?.indicators[0]).toMatchObject({ id: 'seat_utilisation', weight: 14 });
  });
});

describe('computeHealth: missing data and weight redistribution', () => {
  // case, property overrides, feedback, score, component [score, weight, contribution] by id, confidence
  type Expected = Record<string, [number | null, number, number]>;
  it.each<[string, Record<string, string | null>, FeedbackFact[], number, Expected, number]>([
    [
      'nothing missing',
      {},
      nps(9, 9, 9, 8),
      78,
      { usage: [60, 0.4, 24], support: [100, 0.2, 20], payment: [80, 0.2, 16], sentiment: [90, 0.2, 18] },
      100,
    ],
    [
      // usage keeps its weight 4; seats alone score it: 50
      'features missing: its weight goes to seats within usage',
      { features_used: null },
      nps(9, 9, 9, 8),
      74,
      { usage: [50, 0.4, 20], support: [100, 0.2, 20], payment: [80, 0.2, 16], sentiment: [90, 0.2, 18] },
      90,
    ],
    [
      'seats 0 (utilisation missing): features alone score usage',
      { seats_purchased: '0' },
      nps(9, 9, 9, 8),
      90,
      { usage: [90, 0.4, 36], support: [100, 0.2, 20], payment: [80, 0.2, 16], sentiment: [90, 0.2, 18] },
      70,
    ],
    [
      // 8 of 10 left: usage 4/8, support 2/8, sentiment 2/8 → 30 + 25 + 22.5
      'payment missing: dropped, the rest renormalised',
      { days_past_due: null },
      nps(9, 9, 9, 8),
      77.5,
      { usage: [60, 0.5, 30], support: [100, 0.25, 25], payment: [null, 0, 0], sentiment: [90, 0.25, 22.5] },
      80,
    ],
    [
      'sentiment missing (no answers)',
      {},
      [],
      75,
      { usage: [60, 0.5, 30], support: [100, 0.25, 25], payment: [80, 0.25, 20], sentiment: [null, 0, 0] },
      80,
    ],
    [
      // 6 of 10 left, a third each: 33.33 + 26.67 + 30
      'usage missing entirely',
      { seats_purchased: null, features_used: 'lots' },
      nps(9, 9, 9, 8),
      90,
      {
        usage: [null, 0, 0],
        support: [100, 0.3333, 33.33],
        payment: [80, 0.3333, 26.67],
        sentiment: [90, 0.3333, 30],
      },
      60,
    ],
    [
      // NPS 9 → 95; one answer of 3 counts a third in the confidence: (8 + 2/3) / 10
      'one NPS answer',
      {},
      nps(9),
      79,
      { usage: [60, 0.4, 24], support: [100, 0.2, 20], payment: [80, 0.2, 16], sentiment: [95, 0.2, 19] },
      87,
    ],
    [
      'two NPS answers',
      {},
      nps(9, 9),
      79,
      { usage: [60, 0.4, 24], support: [100, 0.2, 20], payment: [80, 0.2, 16], sentiment: [95, 0.2, 19] },
      93,
    ],
  ])('when %s, then the score is %d', (_case, properties, feedback, score, components, confidence) => {
    const result = computeHealth(company(properties, { feedback }), model, NOW);
    expect(result.score).toBe(score);
    expect(result.confidence).toBe(confidence);
    const actual = Object.fromEntries(
      result.components.map((c) => [c.id, [c.score, c.weight, c.contribution]]),
    );
    expect(actual).toEqual(components);
    const present = result.components.filter((c) => c.score !== null);
    expect(present.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 3);
    expect(present.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(score, 1);
    expect(present.reduce((sum, c) => sum + c.potential, 0)).toBeCloseTo(100, 1);
    for (const c of result.components) if (c.score === null) expect(c.potential).toBe(0);
  });

  describe('when no weighted indicator has data', () => {
    // No open-tickets weight here: zero tickets is data (0 open), not a gap.
    const sparse = modelWith({ seat_utilisation: 3, feature_breadth: 1, days_past_due: 2, nps: 2 });
    const empty: CompanyHealthInputs = { companyId: '7', properties: {}, tickets: [], feedback: [] };
    const history = [{ day: TODAY - 7 * DAY_MS, score: 66, components: { usage: 70 } }];

    it('then there is no score and the previous tier stays', () => {
      const previous = { tier: 'watch' as const, tierSince: NOW - 40 * DAY_MS };
      expect(computeHealth({ ...empty, previous, history }, sparse, NOW)).toEqual({
        companyId: '7',
        segment: 'ALL',
        score: null,
        tier: 'watch',
        tierSince: NOW - 40 * DAY_MS,
        pendingTier: null,
        confidence: 0,
        churnProbability: null,
        trend: { d7: null, d30: null, d90: null },
        components: [
          {
            id: 'usage',
            score: null,
            weight: 0,
            contribution: 0,
            potential: 0,
            indicators: expect.any(Array),
          },
          {
            id: 'payment',
            score: null,
            weight: 0,
            contribution: 0,
            potential: 0,
            indicators: expect.any(Array),
          },
          {
            id: 'sentiment',
            score: null,
            weight: 0,
            contribution: 0,
            potential: 0,
            indicators: expect.any(Array),
          },
        ],
        topDriver: null,
        changes: [],
      });
    });

    it('then a first scoring has no tier', () => {
      const result = computeHealth(empty, sparse, NOW);
      expect([result.score, result.tier, result.tierSince, result.pendingTier]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    });
  });
});
