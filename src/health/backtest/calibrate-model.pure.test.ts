import { describe, expect, it } from 'vitest';

import { auc } from '../../calibration/metrics.pure.ts';
import { Prng } from '../../sandbox/generator/prng.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import { builtInIndicatorIds, healthModelSchema, type HealthModel } from '../model/health-model-schema.ts';
import { calibrateModel, minSegmentChurned, type CalibrationInput } from './calibrate-model.pure.ts';

/**
 * The hidden truth: churn log-odds = 3.35 − Σ effect × points. Seat utilisation matters most, days past due
 * second, NPS third; the other 13 indicators do not matter at all. With every indicator's points uniform on
 * 0–100 about 29 % churn, and the true share of each driver in a weighted mean is its effect over 0.095.
 */
const trueEffect: Record<string, number> = { seat_utilisation: 0.05, days_past_due: 0.03, nps: 0.015 };
const drivers = ['seat_utilisation', 'days_past_due', 'nps'];
const trueShare = (id: string): number => (100 * (trueEffect[id] ?? 0)) / 0.095;
const irrelevant = builtInIndicatorIds.filter((id) => !drivers.includes(id));

const features: string[] = [...builtInIndicatorIds];
const d = features.length;

/**
 * Past cases per segment, with churn drawn from the truth on the full points; then cells go missing (NPS in
 * 30 % of cases, as surveys are sparse, everything else in 10 %), as they would in a portal's data.
 */
function generateCases(sizes: Record<string, number>, seed: number): CalibrationInput {
  const random = new Prng(seed);
  const points: number[] = [];
  const churned: number[] = [];
  const segments: string[] = [];
  const companyIds: string[] = [];
  for (const [segment, size] of Object.entries(sizes)) {
    for (let i = 0; i < size; i += 1) {
      let logOdds = 3.35;
      for (const feature of features) {
        const value = random.range(0, 100);
        logOdds -= (trueEffect[feature] ?? 0) * value;
        points.push(random.chance(feature === 'nps' ? 0.3 : 0.1) ? Number.NaN : value);
      }
      churned.push(random.chance(1 / (1 + Math.exp(-logOdds))) ? 1 : 0);
      segments.push(segment);
      companyIds.push(`${segment}-${i}`);
    }
  }
  return {
    features,
    points: Float64Array.from(points),
    churned: Uint8Array.from(churned),
    segments,
    companyIds,
  };
}

/** The score as a weighted mean of the points present (what computeHealth gives with one component). */
function weightedScore(
  input: CalibrationInput,
  row: number,
  weights: Readonly<Record<string, number>>,
): number {
  let sum = 0;
  let total = 0;
  features.forEach((feature, j) => {
    const value = input.points[row * d + j] ?? Number.NaN;
    const weight = weights[feature] ?? 0;
    if (Number.isNaN(value) || weight <= 0) return;
    sum += weight * value;
    total += weight;
  });
  return total > 0 ? sum / total : 50;
}

function segmentOf(model: HealthModel, input: CalibrationInput, row: number) {
  const segment = model.segments[input.segments[row] ?? ''] ?? model.segments[model.defaultSegment];
  if (segment === undefined) throw new Error('no segment');
  return segment;
}

function heldOutAuc(model: HealthModel, input: CalibrationInput, test: Int32Array): number | null {
  const rows = Array.from(test);
  return auc(
    rows.map((row) => 100 - weightedScore(input, row, segmentOf(model, input, row).weights)),
    rows.map((row) => input.churned[row] ?? 0),
  );
}

const ranked = (weights: Readonly<Record<string, number>>): string[] =>
  Object.entries(weights)
    .sort(([, a], [, b]) => b - a)
    .map(([id]) => id);

const distance = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number =>
  features.reduce((sum, id) => sum + Math.abs((a[id] ?? 0) - (b[id] ?? 0)), 0);

// 3,000 mid-market cases, 40 enterprise ones (few outcomes), no SMB ones (SMB takes the pooled weights).
const input = generateCases({ MID_MARKET: 3000, ENTERPRISE: 40 }, 1);
const fit = calibrateModel(input, defaultHealthModel);
const weightsOf = (segment: string): Readonly<Record<string, number>> =>
  fit.model.segments[segment]?.weights ?? {};

describe('calibrateModel on outcomes from a known churn model', () => {
  it('when a segment has plenty of outcomes, then the true drivers rank first, in order', () => {
    expect(ranked(weightsOf('MID_MARKET')).slice(0, 3)).toEqual(drivers);
  });

  it.each(drivers)('when %s drives churn, then its weight is near its true share of the score', (id) => {
    expect(Math.abs((weightsOf('MID_MARKET')[id] ?? 0) - trueShare(id))).toBeLessThan(10);
  });

  it.each(irrelevant)('when %s does not affect churn, then its weight is near zero', (id) => {
    expect(weightsOf('MID_MARKET')[id]).toBeGreaterThanOrEqual(0);
    expect(weightsOf('MID_MARKET')[id]).toBeLessThan(7);
  });

  it.each(Object.keys(defaultHealthModel.segments))(
    'when segment %s is calibrated, then its weights are non-negative, cover every indicator and sum to 100',
    (segment) => {
      const weights = weightsOf(segment);
      expect(Object.keys(weights).sort()).toEqual([...features].sort());
      for (const weight of Object.values(weights)) expect(weight).toBeGreaterThanOrEqual(0);
      const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
      expect(Math.abs(total - 100)).toBeLessThan(0.1);
    },
  );

  it.each(Object.keys(defaultHealthModel.segments))(
    'when segment %s is calibrated, then a higher score means a lower churn probability and the tiers stay',
    (segment) => {
      const calibrated = fit.model.segments[segment];
      expect(calibrated?.probability.slope).toBeLessThan(0);
      expect(calibrated?.tiers).toEqual(defaultHealthModel.segments[segment]?.tiers);
    },
  );

  it('when the probability map is read, then its slope is about the true per-point effect of the score', () => {
    // The weighted mean of points moves churn log-odds by Σ effects = 0.095 per point; missing values and the
    // penalty pull the fitted slope a little toward zero.
    const slope = fit.model.segments.MID_MARKET?.probability.slope ?? 0;
    expect(slope).toBeLessThan(-0.07);
    expect(slope).toBeGreaterThan(-0.12);
  });

  it('when the held-out cases are scored, then the predicted churn matches the observed rate', () => {
    const rows = Array.from(fit.test);
    let predicted = 0;
    let observed = 0;
    for (const row of rows) {
      const { probability, weights } = segmentOf(fit.model, input, row);
      const score = weightedScore(input, row, weights);
      predicted += 1 / (1 + Math.exp(-(probability.intercept + probability.slope * score)));
      observed += input.churned[row] ?? 0;
    }
    expect(Math.abs(predicted - observed) / rows.length).toBeLessThan(0.03);
  });

  it('when a segment has very few outcomes, then its weights stay close to the pooled ones', () => {
    // SMB has no outcomes, so it carries the pooled weights. Fitted on its 40 cases alone, enterprise
    // weights land far away; shrunk toward the pool they stay close.
    const pooled = weightsOf('SMB');
    const enterpriseRows = input.segments.flatMap((segment, row) => (segment === 'ENTERPRISE' ? [row] : []));
    const alone = calibrateModel(
      {
        features,
        points: Float64Array.from(
          enterpriseRows.flatMap((row) => Array.from(input.points.subarray(row * d, row * d + d))),
        ),
        churned: Uint8Array.from(enterpriseRows, (row) => input.churned[row] ?? 0),
        segments: enterpriseRows.map(() => 'ENTERPRISE'),
        companyIds: enterpriseRows.map((row) => input.companyIds[row] ?? ''),
      },
      defaultHealthModel,
    );
    const shrunk = distance(weightsOf('ENTERPRISE'), pooled);
    expect(shrunk).toBeLessThan(30);
    expect(shrunk).toBeLessThan(distance(alone.model.segments.ENTERPRISE?.weights ?? {}, pooled) / 2);
    expect(ranked(weightsOf('ENTERPRISE')).slice(0, 3)).toEqual(drivers);
  });

  it('when the report lists the segments it learnt from, then they are the training cases, largest first, and one with few churners takes the pooled weights', () => {
    expect(fit.segments.map(({ segment, pooled }) => [segment, pooled])).toEqual([
      ['MID_MARKET', false],
      ['ENTERPRISE', true],
    ]);
    const enterprise = fit.segments.find((segment) => segment.segment === 'ENTERPRISE');
    expect(enterprise?.churned).toBeLessThan(minSegmentChurned);
    expect(fit.segments.reduce((sum, segment) => sum + segment.rows, 0)).toBe(fit.train.length);
  });

  it('when the calibrated model scores the held-out cases, then it ranks churners better than the default model', () => {
    const calibrated = heldOutAuc(fit.model, input, fit.test) ?? 0;
    const original = heldOutAuc(defaultHealthModel, input, fit.test) ?? 0;
    expect(calibrated).toBeGreaterThan(original + 0.05);
    expect(calibrated).toBeGreaterThan(0.75);
  });

  it('when the proposal is saved, then it is a valid health model', () => {
    expect(healthModelSchema.safeParse(fit.model).success).toBe(true);
  });
});

describe('calibrateModel: the train/test split', () => {
  it('when a quarter is held out, then train and test partition the cases with a quarter of each class in test', () => {
    const n = input.churned.length;
    expect(new Set([...fit.train, ...fit.test]).size).toBe(n);
    expect(fit.train.length + fit.test.length).toBe(n);
    const churners = input.churned.reduce((sum, label) => sum + label, 0);
    const testChurners = Array.from(fit.test).filter((row) => input.churned[row] === 1).length;
    expect(testChurners).toBe(Math.round(churners / 4));
    expect(fit.test.length).toBe(Math.round(churners / 4) + Math.round((n - churners) / 4));
  });

  it('when calibration runs again on the same cases, then the split and the model are identical', () => {
    const again = calibrateModel(input, defaultHealthModel);
    expect(again.train).toEqual(fit.train);
    expect(again.test).toEqual(fit.test);
    expect(again.model).toEqual(fit.model);
  });

  it('when the cases come in another order, then the same companies are held out', () => {
    const order = Array.from(input.churned, (_, row) => row).reverse();
    const reversed: CalibrationInput = {
      features,
      points: Float64Array.from(
        order.flatMap((row) => Array.from(input.points.subarray(row * d, row * d + d))),
      ),
      churned: Uint8Array.from(order, (row) => input.churned[row] ?? 0),
      segments: order.map((row) => input.segments[row] ?? ''),
      companyIds: order.map((row) => input.companyIds[row] ?? ''),
    };
    const heldOut = (ids: readonly string[], test: Int32Array) =>
      new Set(Array.from(test, (row) => ids[row]));
    expect(heldOut(reversed.companyIds, calibrateModel(reversed, defaultHealthModel).test)).toEqual(
      heldOut(input.companyIds, fit.test),
    );
  });
});
