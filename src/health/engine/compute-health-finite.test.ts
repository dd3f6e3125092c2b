import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs, FeedbackFact, HealthResult, TicketFact } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import {
  builtInIndicatorIds,
  healthModelSchema,
  type Curve,
  type CustomIndicator,
  type HealthModel,
} from '../model/health-model-schema.ts';
import { computeHealth } from './compute-health.pure.ts';

/**
 * A score is stored, shown on the card and written to HubSpot, which refuses NaN: whatever a valid model and
 * the CRM's property strings hold, every number computeHealth returns is finite. Hand-worked cases first
 * (the base company of compute-health.test.ts), then a loop over random valid models and hostile companies.
 */

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);

function modelWith(weights: Record<string, number>, change?: (model: HealthModel) => void) {
  const model = structuredClone(defaultHealthModel);
  model.segmentation = { kind: 'values', property: 'segment', values: {} };
  model.defaultSegment = 'ALL';
  model.segments = { ALL: { ...structuredClone(defaultHealthModel.segments.MID_MARKET!), weights } };
  change?.(model);
  return healthModelSchema.parse(model);
}

const handWeights = { seat_utilisation: 3, feature_breadth: 1, open_tickets: 2, days_past_due: 2, nps: 2 };
const nps = (...values: number[]): FeedbackFact[] =>
  values.map((value) => ({ type: 'NPS', value, submittedAt: NOW }));

/** Utilisation 0.5 → 50, 12 features → 90, no tickets → 100, 7 days past due → 80, NPS mean 8.75 → 90. */
function company(properties: Record<string, string | null> = {}, extra: Partial<CompanyHealthInputs> = {}) {
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
  } satisfies CompanyHealthInputs;
}

/** Every number anywhere in the result that is NaN or ±Infinity, by path. */
function nonFinite(value: unknown, path = 'result'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${path}.${key}`));
}

const componentScores = (result: HealthResult) =>
  Object.fromEntries(result.components.map((component) => [component.id, component.score]));

describe('computeHealth with extreme but valid weights', () => {
  it('when every weight is the maximum 100, then the score is the plain weighted mean: 82', () => {
    const all100 = modelWith({
      seat_utilisation: 100,
      feature_breadth: 100,
      open_tickets: 100,
      days_past_due: 100,
      nps: 100,
    });
    // usage (50 + 90) / 2 = 70 at 200/500; support 100, payment 80, sentiment 90 at 100/500 each.
    const result = computeHealth(company(), all100, NOW);
    expect(result.score).toBe(82);
    expect(result.components.map((c) => [c.id, c.weight, c.contribution])).toEqual([
      ['usage', 0.4, 28],
      ['support', 0.2, 20],
      ['payment', 0.2, 16],
      ['sentiment', 0.2, 18],
    ]);
    expect(result.confidence).toBe(100);
  });

  it('when one weight is 100 and another a millionth, then the tiny one counts for (almost) nothing', () => {
    const lopsided = modelWith({ seat_utilisation: 100, nps: 0.000001 });
    const result = computeHealth(company(), lopsided, NOW);
    // (100 × 50 + 0.000001 × 90) / 100.000001 = 50.0000004
    expect(result.score).toBe(50);
    expect(result.components.map((c) => [c.id, c.weight, c.contribution])).toEqual([
      ['usage', 1, 50],
      ['sentiment', 0, 0],
    ]);
    expect(nonFinite(result)).toEqual([]);
  });
});

describe('computeHealth when a component has no data', () => {
  it('when every usage indicator is missing, then usage is dropped and its weight goes to the rest: 90', () => {
    const model = modelWith(handWeights);
    const result = computeHealth(
      company({ seats_purchased: null, active_users_30d: null, features_used: null }),
      model,
      NOW,
    );
    // support 100, payment 80, sentiment 90, each 2 of 6.
    expect(result.score).toBe(90);
    expect(result.components[0]).toMatchObject({ id: 'usage', score: null, weight: 0, contribution: 0 });
    // 6 of the 10 weight points had data.
    expect(result.confidence).toBe(60);
  });

  it('when no weighted indicator has data at all, then the score is null and nothing is NaN', () => {
    const model = modelWith({ seat_utilisation: 5 });
    const result = computeHealth(company({ seats_purchased: null }), model, NOW);
    expect(result).toMatchObject({ score: null, churnProbability: null, confidence: 0, topDriver: null });
    expect(nonFinite(result)).toEqual([]);
  });
});

describe('computeHealth with hostile CRM property strings', () => {
  const model = modelWith(handWeights);

  it('when properties read "1e400", "NaN", "Infinity" and "-0", then the first three are missing and -0 is 0', () => {
    const result = computeHealth(
      company({
        seats_purchased: '1e400',
        features_used: 'NaN',
        days_past_due: '-0',
        logins_30d: 'Infinity',
        last_login_date: '-Infinity',
      }),
      model,
      NOW,
    );
    // Usage has no readable indicator and is dropped; support 100, payment 0 days → 100, sentiment 90.
    expect(componentScores(result)).toEqual({ usage: null, support: 100, payment: 100, sentiment: 90 });
    expect(result.score).toBe(96.7);
    const pastDue = result.components[2]?.indicators[0];
    expect(Object.is(pastDue?.value, 0)).toBe(true);
    expect(nonFinite(result)).toEqual([]);
  });

  it('when a ratio overflows (1e10 users on 1e-300 seats), then utilisation is missing, not a full score', () => {
    const result = computeHealth(
      company({ seats_purchased: '1e-300', active_users_30d: '1e10' }),
      model,
      NOW,
    );
    // usage = features alone, 90: 0.4 × 90 + 0.2 × 100 + 0.2 × 80 + 0.2 × 90 = 90
    expect(result.components[0]?.indicators[0]).toMatchObject({ id: 'seat_utilisation', value: null });
    expect(result.score).toBe(90);
  });

  it('when a count is negative, then it is missing rather than below the curve', () => {
    const result = computeHealth(company({ active_users_30d: '-5' }), model, NOW);
    expect(result.components[0]?.indicators[0]).toMatchObject({ value: null, points: null });
    expect(result.score).toBe(90);
  });

  it('when a value is huge but finite (1e308 features), then it sits at the top of the curve: 79', () => {
    const result = computeHealth(company({ features_used: '1e308' }), model, NOW);
    // usage (3 × 50 + 1 × 100) / 4 = 62.5: 0.4 × 62.5 + 20 + 16 + 18 = 79
    expect(result.components[0]?.indicators[1]).toMatchObject({ value: 1e308, points: 100 });
    expect(result.score).toBe(79);
  });

  it('when tickets and survey answers carry NaN times or values, then they are left out', () => {
    const broken: TicketFact = { createdAt: Number.NaN, escalated: true };
    const feedback: FeedbackFact[] = [
      ...nps(9, 9, 9, 8),
      { type: 'NPS', value: Number.NaN, submittedAt: NOW },
      { type: 'NPS', value: 0, submittedAt: Number.NaN },
    ];
    const result = computeHealth(company({}, { tickets: [broken], feedback }), model, NOW);
    expect(result.score).toBe(78);
    expect(nonFinite(result)).toEqual([]);
  });

  it('when every answer is thousands of half-lives old, then the mean is still their recency-weighted mean', () => {
    const longMemory = modelWith(handWeights, (m) => {
      m.sentiment = { ...m.sentiment, halfLifeDays: 1, maxAgeDays: 3650 };
    });
    // Weighted from now, 0.5^3000 underflows to 0 for both answers and the mean was 0/0. From the newest
    // answer: weights 1 and 0.5, (9 + 0.5 × 8) / 1.5 = 8.67 → 75 + 0.67 × 20 = 88.4 points.
    const feedback: FeedbackFact[] = [
      { type: 'NPS', value: 9, submittedAt: NOW - 3000 * DAY_MS },
      { type: 'NPS', value: 8, submittedAt: NOW - 3001 * DAY_MS },
    ];
    const result = computeHealth(company({}, { feedback }), longMemory, NOW);
    expect(result.components[3]?.indicators[0]).toMatchObject({ id: 'nps', value: 8.67, points: 88.4 });
    expect(nonFinite(result)).toEqual([]);
  });
});

/** mulberry32: a few lines of seeded randomness, so a failing model can be reproduced from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hostileStrings = [
  '1e400',
  '-1e400',
  '-0',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-320',
  '0',
  '',
  'abc',
  '42',
  '0.5',
  '-3',
  '2026-06-01',
  '99999999999999',
  null,
];
const hostileNumbers = [Number.NaN, Number.POSITIVE_INFINITY, -1e308, 1e308, 0, -1, NOW, NOW - 400 * DAY_MS];

function randomModel(next: () => number): HealthModel {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const extremes = [0, 100, 1e-9, 0.01, 99.99];
  const weight = () => (next() < 0.5 ? pick(extremes) : next() * 100);
  const rawValue = () => pick([1, 1e3, 1e6, 1e12]) * (next() * 2 - 1);
  const curve = (): Curve => {
    const xs = [...new Set(Array.from({ length: 2 + Math.floor(next() * 19) }, rawValue))].sort(
      (a, b) => a - b,
    );
    if (xs.length < 2) xs.push((xs[0] ?? 0) + 1);
    return xs.map((x) => [x, pick([0, 100, next() * 100])]);
  };
  const customIndicators: CustomIndicator[] = Array.from({ length: Math.floor(next() * 4) }, (_, index) =>
    next() < 0.5
      ? { kind: 'numeric', id: `n${index}`, label: 'Numeric', property: `custom_${index}`, curve: curve() }
      : {
          kind: 'enumeration',
          id: `e${index}`,
          label: 'Enumeration',
          property: `custom_${index}`,
          points: { '42': next() * 100, NaN: 0, '': 100 },
        },
  );
  const weights: Record<string, number> = {};
  for (const id of builtInIndicatorIds) if (next() < 0.7) weights[id] = weight();
  for (const indicator of customIndicators) weights[`custom:${indicator.id}`] = weight();
  // At least one indicator the model reads must weigh something (the schema insists).
  weights.invoice_status = Math.max(weights.invoice_status ?? 0, 1e-9);
  const bands = [next(), next(), next(), next()].map((value) => value * 100).sort((a, b) => a - b);
  const curves: HealthModel['curves'] = {};
  for (const id of builtInIndicatorIds) if (id !== 'invoice_status' && next() < 0.8) curves[id] = curve();
  return healthModelSchema.parse({
    ...structuredClone(defaultHealthModel),
    segmentation: { kind: 'values', property: 'segment', values: {} },
    defaultSegment: 'ALL',
    segments: {
      ALL: {
        weights,
        tiers: {
          atRisk: { enter: bands[0], exit: bands[1] },
          healthy: { exit: bands[2], enter: bands[3] },
        },
        probability: { intercept: next() * 2000 - 1000, slope: -next() * 100 },
      },
    },
    curves,
    customIndicators,
    support: { ...defaultHealthModel.support, slaHours: { default: 0.1 + next() * 8759.9 } },
    sentiment: {
      halfLifeDays: 1 + next() * 3649,
      maxAgeDays: 1 + Math.floor(next() * 3649),
      fullConfidenceResponses: 1 + Math.floor(next() * 100),
    },
    minDwellDays: next() * 90,
  });
}

function randomCompany(next: () => number, model: HealthModel): CompanyHealthInputs {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const names = [
    ...Object.values(model.properties).filter((name) => name !== null),
    ...model.customIndicators.map((indicator) => indicator.property),
  ];
  const time = () => (next() < 0.3 ? pick(hostileNumbers) : NOW - next() * 4000 * DAY_MS);
  return {
    companyId: 'c',
    properties: Object.fromEntries(names.map((name) => [name, pick(hostileStrings)])),
    tickets: Array.from({ length: Math.floor(next() * 5) }, () => ({
      createdAt: time(),
      closedAt: next() < 0.5 ? undefined : time(),
      priority: pick(['URGENT', 'HIGH', 'LOW', undefined]),
      escalated: next() < 0.3,
    })),
    feedback: Array.from({ length: Math.floor(next() * 6) }, () => ({
      type: pick(['NPS', 'CSAT', 'CES'] as const),
      value: next() < 0.2 ? pick(hostileNumbers) : Math.floor(next() * 11),
      submittedAt: time(),
    })),
    previous:
      next() < 0.5 ? { tier: pick(['healthy', 'watch', 'at_risk'] as const), tierSince: time() } : undefined,
    history: Array.from({ length: Math.floor(next() * 4) }, () => ({
      day: Math.floor((NOW - Math.floor(next() * 100) * DAY_MS) / DAY_MS) * DAY_MS,
      score: next() * 100,
      components: { usage: next() * 100, support: null },
    })),
  };
}

describe('computeHealth over random valid models and hostile companies', () => {
  it('when 300 random valid models score 20 hostile companies each, then every number in every result is finite', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 300 && failures.length === 0; seed += 1) {
      const next = random(seed);
      const model = randomModel(next);
      for (let index = 0; index < 20; index += 1) {
        const problems = nonFinite(computeHealth(randomCompany(next, model), model, NOW));
        if (problems.length > 0) failures.push(`seed ${seed}, company ${index}: ${problems.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
