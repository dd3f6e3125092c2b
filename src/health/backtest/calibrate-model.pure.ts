import { fitSegmented, type SegmentedFit } from '../../calibration/segmented-fit.pure.ts';
import { splitTrainTest } from '../../calibration/split.pure.ts';
import { applyStandardizer, fitStandardizer, toRawCoefficients } from '../../calibration/standardize.pure.ts';
import { builtInIndicators, type HealthModel, type SegmentModel } from '../model/health-model-schema.ts';

export interface CalibrationInput {
  /** Indicator ids, the columns of `points`. */
  features: readonly string[];
  /** Row-major cases × features indicator points, NaN where missing. */
  points: Float64Array;
  churned: Uint8Array;
  segments: readonly string[];
  companyIds: readonly string[];
}

export interface CalibrationFit {
  model: HealthModel;
  /** Row indices held out from the fit, for the report card. */
  test: Int32Array;
  train: Int32Array;
  l2: number;
  /** Per segment: accounts and churners the fit learnt from, and whether it fell back to the pooled fit. */
  segments: { segment: string; rows: number; churned: number; pooled: boolean }[];
}

/**
 * Learns per-segment indicator weights from past outcomes: a logistic regression of churn on the indicator
 * points (standardised; each weight constrained so more points never mean more risk), pooled over all
 * segments and shrunk toward the pool for segments with few outcomes, on 75 % of the cases. Weights are
 * the negated per-point coefficients rescaled to sum to 100, so the weighted mean of points ranks accounts
 * exactly as the regression does; the segment's churn probability becomes sigmoid(intercept − Σw · score).
 * Tier bands are kept: moving them is the admin's call.
 */
export function calibrateModel(input: CalibrationInput, base: HealthModel): CalibrationFit {
  const { features, churned, segments, companyIds } = input;
  const n = churned.length;
  const d = features.length;
  const rare = rarelyKnown(input.points, n, features.length);
  const points = imputeWithinComponent(input.points, n, features, rare);
  const { train, test } = splitTrainTest({ labels: churned, ids: companyIds, holdout: 0.25, seed: 1 });
  const standardizer = fitStandardizer(points, n, d, train);
  const x = applyStandardizer(points, n, d, standardizer, train);
  const y = Uint8Array.from(train, (row) => churned[row] ?? 0);
  const trainSegments = Array.from(train, (row) => segments[row] ?? base.defaultSegment);
  // −1: more points may never mean more risk. A rarely known indicator gets an all-zero column, so no weight.
  const signs = Int8Array.from(rare, (isRare) => (isRare ? 0 : -1));
  for (let row = 0; row < train.length; row += 1) {
    rare.forEach((isRare, column) => {
      if (isRare) x[row * d + column] = 0;
    });
  }
  const fit = fitSegmented({ x, y, n: train.length, d, segments: trainSegments }, { signs });
  const model: HealthModel = { ...base, segments: {} };
  for (const [name, segment] of Object.entries(base.segments)) {
    model.segments[name] = calibratedSegment(fit, name, segment, features, standardizer);
  }
  return {
    model,
    train,
    test,
    l2: fit.l2,
    segments: fit.segments.map((segment) => ({
      segment: segment.segment,
      rows: segment.rows,
      churned: segment.churned,
      pooled: usesPooled(segment),
    })),
  };
}

function calibratedSegment(
  fit: SegmentedFit,
  name: string,
  base: SegmentModel,
  features: readonly string[],
  standardizer: ReturnType<typeof fitStandardizer>,
): SegmentModel {
  const own = fit.segments.find((segment) => segment.segment === name);
  const chosen = own === undefined || usesPooled(own) ? fit.pooled : own.fit;
  const raw = toRawCoefficients(chosen.intercept, chosen.coefficients, standardizer);
  let total = 0;
  for (const coefficient of raw.coefficients) total += Math.max(0, -coefficient);
  // Nothing learnt (every indicator pinned at zero): keep the segment as it was rather than weigh nothing.
  if (!(total > 0)) return base;
  const weights: Record<string, number> = {};
  features.forEach((feature, index) => {
    const weight = Math.max(0, -(raw.coefficients[index] ?? 0));
    // An indicator known for almost no company cannot be learnt: it keeps no weight (its column is all 0).
    weights[feature] = Math.round((10_000 * weight) / total) / 100;
  });
  return {
    weights,
    tiers: base.tiers,
    probability: { intercept: raw.intercept, slope: -total },
  };
}

const componentOf = new Map<string, string>(Object.entries(builtInIndicators));

/**
 * Below this many churned companies a segment takes the pooled weights outright: the shrinkage keeps a small
 * segment near the pool on average, but with a handful of churners its own weights are mostly noise.
 */
export const minSegmentChurned = 20;

function usesPooled(segment: SegmentedFit['segments'][number]): boolean {
  return segment.usesPooled || segment.churned < minSegmentChurned;
}

/** Known for fewer than 5 % of the cases: too little to learn a weight from. */
function rarelyKnown(points: Float64Array, n: number, d: number): boolean[] {
  const known = new Array<number>(d).fill(0);
  for (let row = 0; row < n; row += 1) {
    for (let j = 0; j < d; j += 1)
      if (!Number.isNaN(points[row * d + j] ?? Number.NaN)) known[j] = (known[j] ?? 0) + 1;
  }
  return known.map((count) => count < 0.05 * n);
}

/**
 * A missing indicator takes the mean of the indicators present in its component for that company, which is
 * what the score does when it spreads a missing indicator's weight over the rest of its component. With
 * nothing present in the component it stays NaN, and standardising fills it with the training mean.
 */
function imputeWithinComponent(
  points: Float64Array,
  n: number,
  features: readonly string[],
  rare: readonly boolean[],
): Float64Array {
  const d = features.length;
  const components = features.map((feature) => componentOf.get(feature) ?? 'custom');
  const out = Float64Array.from(points);
  for (let row = 0; row < n; row += 1) {
    const offset = row * d;
    for (let j = 0; j < d; j += 1) {
      if (rare[j] === true || !Number.isNaN(out[offset + j] ?? Number.NaN)) continue;
      let sum = 0;
      let count = 0;
      for (let k = 0; k < d; k += 1) {
        const value = points[offset + k] ?? Number.NaN;
        if (k === j || components[k] !== components[j] || Number.isNaN(value)) continue;
        sum += value;
        count += 1;
      }
      if (count > 0) out[offset + j] = sum / count;
    }
  }
  return out;
}
