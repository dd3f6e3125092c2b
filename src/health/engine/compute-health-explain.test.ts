import { describe, expect, it } from 'vitest';

import type {
  CompanyHealthInputs,
  FeedbackFact,
  HealthSnapshotFact,
  PreviousHealth,
} from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import { healthModelSchema, type HealthModel, type Tier } from '../model/health-model-schema.ts';
import { computeHealth } from './compute-health.pure.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const TODAY = Date.UTC(2026, 5, 15);

/** The default model with one segment, ALL, weighted as given. */
function modelWith(weights: Record<string, number>, customIndicators: unknown[] = []): HealthModel {
  return healthModelSchema.parse({
    ...defaultHealthModel,
    segmentation: { kind: 'values', property: 'segment', values: {} },
    defaultSegment: 'ALL',
    segments: { ALL: { ...defaultHealthModel.segments.MID_MARKET, weights } },
    customIndicators,
  });
}
// Weights sum to 10: usage 4 (seats 3, features 1), support 2, payment 2, sentiment 2.
const model = modelWith({
  seat_utilisation: 3,
  feature_breadth: 1,
  open_tickets: 2,
  days_past_due: 2,
  nps: 2,
});
// A score that is exactly the raw_score property: one custom indicator on a 0–100 identity curve.
const rawModel = modelWith({ 'custom:raw': 1 }, [
  {
    kind: 'numeric',
    id: 'raw',
    label: 'Raw score',
    property: 'raw_score',
    curve: [
      [0, 0],
      [100, 100],
    ],
  },
]);

const nps = (...values: number[]): FeedbackFact[] =>
  values.map((value) => ({ type: 'NPS', value, submittedAt: NOW }));

/** Base: seats 0.5 → 50, 12 features → 90, no tickets → 100, 7 days past due → 80, NPS mean 8.75 → 90; score 78. */
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

describe('computeHealth: top driver = the indicator losing most points (its share of the score × (100 − points))', () => {
  it.each<[string, Record<string, string | null>, FeedbackFact[], string, number]>([
    // seats 0.3 × 50 = 15; features 0.1 × 10 = 1; payment 0.2 × 20 = 4; NPS 0.2 × 10 = 2
    ['the base company', {}, nps(9, 9, 9, 8), 'seat_utilisation', 15],
    // seats 0.6 → 65: 0.3 × 35 = 10.5 beats features at 0 points: 0.1 × 100 = 10
    [
      'a heavy indicator losing a little beats a light one at 0',
      { active_users_30d: '60', features_used: '1' },
      nps(9, 9, 9, 8),
      'seat_utilisation',
      10.5,
    ],
    // seats 0.8 → 90: 0.3 × 10 = 3; features 0.1 × 100 = 10
    [
      'features at 0 with seats at 90',
      { active_users_30d: '80', features_used: '1' },
      nps(9, 9, 9, 8),
      'feature_breadth',
      10,
    ],
    // 60 days past due → 0 points: 0.2 × 100 = 20
    ['60 days past due', { days_past_due: '60' }, nps(9, 9, 9, 8), 'days_past_due', 20],
    // features missing: seats carry all of usage, 0.4 × 50 = 20
    ['features missing', { features_used: null }, nps(9, 9, 9, 8), 'seat_utilisation', 20],
    // payment dropped: usage 0.5, seats 0.375 × 50 = 18.75 → 18.8
    ['payment missing', { days_past_due: null }, nps(9, 9, 9, 8), 'seat_utilisation', 18.8],
    // NPS 3 → 0 points: 0.2 × 100 = 20 beats seats 15
    ['NPS answers of 3', {}, nps(3, 3, 3), 'nps', 20],
  ])('when %s, then %s loses %d points', (_case, properties, feedback, indicator, pointsLost) => {
    expect(computeHealth(company(properties, { feedback }), model, NOW).topDriver).toMatchObject({
      indicator,
      pointsLost,
    });
  });

  it('when every indicator is at 100, then there is no driver', () => {
    const perfect = company(
      { active_users_30d: '95', features_used: '15', days_past_due: '0' },
      { feedback: nps(10, 10, 10) },
    );
    const result = computeHealth(perfect, model, NOW);
    expect([result.score, result.topDriver]).toEqual([100, null]);
  });
});

describe('computeHealth: changes since the snapshot of about a week ago', () => {
  const weekAgo = (components: HealthSnapshotFact['components'], daysAgo = 7): HealthSnapshotFact[] => [
    { day: TODAY - daysAgo * DAY_MS, score: 70, components },
  ];

  it.each<[string, HealthSnapshotFact[] | undefined, { component: string; delta: number }[]]>([
    // now usage 60 (weight 0.4), support 100, payment 80, sentiment 90 (0.2 each)
    [
      'usage up 10, payment down 10, sentiment up 2.5, support flat',
      weekAgo({ usage: 50, support: 100, payment: 90, sentiment: 87.5 }),
      [
        { component: 'usage', delta: 4 },
        { component: 'payment', delta: -2 },
        { component: 'sentiment', delta: 0.5 },
      ],
    ],
    // 0.2 × 2.2 = 0.44 → 0.4, under the 0.5 threshold
    ['sentiment up 2.2 only', weekAgo({ usage: 60, support: 100, payment: 80, sentiment: 87.8 }), []],
    // biggest move first, whatever its sign
    [
      'support up 50 points, usage up 5',
      weekAgo({ usage: 55, support: 50 }),
      [
        { component: 'support', delta: 10 },
        { component: 'usage', delta: 2 },
      ],
    ],
    [
      'components without data then are skipped',
      weekAgo({ usage: null, payment: 70 }),
      [{ component: 'payment', delta: 2 }],
    ],
    [
      'a snapshot 10 days old still stands for last week',
      weekAgo({ usage: 50 }, 10),
      [{ component: 'usage', delta: 4 }],
    ],
    ['a snapshot 11 days old is too old', weekAgo({ usage: 50 }, 11), []],
    ['a snapshot 6 days old is too recent', weekAgo({ usage: 50 }, 6), []],
    ['no history', undefined, []],
  ])('when %s, then %j', (_case, history, changes) => {
    expect(computeHealth(company({}, { history }), model, NOW).changes).toEqual(changes);
  });

  it('when a component has no data now, then it shows no change', () => {
    const history = weekAgo({ usage: 50, payment: 20 });
    expect(computeHealth(company({ days_past_due: null }, { history }), model, NOW).changes).toEqual([
      { component: 'usage', delta: 5 },
    ]);
  });
});

describe('computeHealth: tier with hysteresis and dwell time', () => {
  const longAgo = NOW - 60 * DAY_MS;
  it.each<[string, Tier | undefined, Tier]>([
    ['70', undefined, 'healthy'],
    ['69.9', undefined, 'watch'],
    ['45', undefined, 'watch'],
    ['44.9', undefined, 'at_risk'],
    ['65', 'healthy', 'healthy'],
    ['64.9', 'healthy', 'watch'],
    ['49.9', 'at_risk', 'at_risk'],
    ['50', 'at_risk', 'watch'],
    ['70', 'watch', 'healthy'],
    ['44.9', 'watch', 'at_risk'],
  ])('when the score is %s and the tier was %s (long held), then %s', (raw, previousTier, tier) => {
    const previous = previousTier === undefined ? undefined : { tier: previousTier, tierSince: longAgo };
    const result = computeHealth(company({ raw_score: raw }, { previous }), rawModel, NOW);
    expect(result.score).toBe(Number(raw));
    expect(result.tier).toBe(tier);
    expect(result.tierSince).toBe(previousTier === tier ? longAgo : NOW);
    expect(result.pendingTier).toBeNull();
  });

  it.each<[string, PreviousHealth, Tier, number, Tier | null]>([
    [
      'healthy for 3 days',
      { tier: 'healthy', tierSince: NOW - 3 * DAY_MS },
      'healthy',
      NOW - 3 * DAY_MS,
      'at_risk',
    ],
    [
      'healthy for 7 days less 1 ms',
      { tier: 'healthy', tierSince: NOW - 7 * DAY_MS + 1 },
      'healthy',
      NOW - 7 * DAY_MS + 1,
      'at_risk',
    ],
    ['healthy for exactly 7 days', { tier: 'healthy', tierSince: NOW - 7 * DAY_MS }, 'at_risk', NOW, null],
    ['watch for 8 days', { tier: 'watch', tierSince: NOW - 8 * DAY_MS }, 'at_risk', NOW, null],
  ])(
    'when the score drops to 30 after %s, then %s (since %d), pending %s',
    (_case, previous, tier, tierSince, pendingTier) => {
      const result = computeHealth(company({ raw_score: '30' }, { previous }), rawModel, NOW);
      expect({ tier: result.tier, tierSince: result.tierSince, pendingTier: result.pendingTier }).toEqual({
        tier,
        tierSince,
        pendingTier,
      });
    },
  );

  it('when the score is 70 in a segment whose odds are 1:9 at 70, then the churn probability is 0.1', () => {
    expect(computeHealth(company({ raw_score: '70' }), rawModel, NOW).churnProbability).toBe(0.1);
    // ten points lower doubles the odds: 2/9 → 2/11
    expect(computeHealth(company({ raw_score: '60' }), rawModel, NOW).churnProbability).toBe(0.1818);
  });
});

describe('computeHealth: custom indicators in the score', () => {
  it('when a custom indicator is weighted, then it forms the custom component under its own label', () => {
    const result = computeHealth(company({ raw_score: '40' }), rawModel, NOW);
    expect(result.components).toEqual([
      {
        id: 'custom',
        score: 40,
        weight: 1,
        contribution: 40,
        potential: 100,
        indicators: [
          { id: 'custom:raw', component: 'custom', label: 'Raw score', value: 40, points: 40, weight: 1 },
        ],
      },
    ]);
    expect(result.topDriver).toEqual({
      indicator: 'custom:raw',
      component: 'custom',
      label: 'Raw score',
      value: 40,
      pointsLost: 60,
    });
  });
});

describe('computeHealth: determinism', () => {
  const inputs = company(
    { contract_value: '20000', logins_30d: '90', logins_prev_30d: '100', last_login_date: '2026-06-10' },
    {
      tickets: [
        { createdAt: NOW - 3 * DAY_MS, priority: 'HIGH', escalated: true },
        { createdAt: NOW - 20 * DAY_MS, closedAt: NOW - 18 * DAY_MS, priority: 'LOW', escalated: false },
        { createdAt: NOW - 40 * DAY_MS, closedAt: NOW - 30 * DAY_MS, escalated: false },
      ],
      feedback: [...nps(9, 4), { type: 'CSAT', value: 1, submittedAt: NOW - 30 * DAY_MS }],
      previous: { tier: 'watch', tierSince: NOW - 3 * DAY_MS },
      history: [
        { day: TODAY - 7 * DAY_MS, score: 60, components: { usage: 40, support: 90 } },
        { day: TODAY - 30 * DAY_MS, score: 55, components: {} },
        { day: TODAY - 90 * DAY_MS, score: 80, components: {} },
      ],
    },
  );

  it('when the same inputs are scored twice, then the results are deep-equal and the inputs untouched', () => {
    const before = structuredClone(inputs);
    const first = computeHealth(inputs, defaultHealthModel, NOW);
    expect(computeHealth(inputs, defaultHealthModel, NOW)).toEqual(first);
    expect(inputs).toEqual(before);
  });

  it('when tickets, answers and snapshots come in another order, then the result is the same', () => {
    const reordered = {
      ...inputs,
      tickets: [...inputs.tickets].reverse(),
      feedback: [...inputs.feedback].reverse(),
      history: [...(inputs.history ?? [])].reverse(),
    };
    expect(computeHealth(reordered, defaultHealthModel, NOW)).toEqual(
      computeHealth(inputs, defaultHealthModel, NOW),
    );
  });
});
