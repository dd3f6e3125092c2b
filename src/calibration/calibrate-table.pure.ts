import { CalibrationInputError } from './calibration-input-error.ts';
import type { LogisticFit } from './logistic-regression.pure.ts';
import { auc, brier, falseGreenRate, topDecileLift } from './metrics.pure.ts';
import { fitSegmented, predictSegmented, type SegmentFit } from './segmented-fit.pure.ts';
import { splitTrainTest } from './split.pure.ts';
import {
  applyStandardizer,
  fitStandardizer,
  toRawCoefficients,
  type Standardizer,
} from './standardize.pure.ts';

/** Past accounts as a design matrix; NaN cells are imputed with the training mean. */
export interface CalibrationTable {
  /** Row-major n × d. */
  x: Float64Array;
  /** 1 = churned. */
  y: Uint8Array;
  n: number;
  d: number;
  features: readonly string[];
  segments?: readonly string[];
  ids?: readonly string[];
  /** Rows the loader could not use, reported as is. */
  skippedRows?: number;
  cells?: { blank: number; malformed: number };
  warnings?: readonly string[];
}

export interface CalibrateOptions {
  /** Share of each class held out for the metrics (default 0.25). */
  holdout?: number;
  seed?: number;
  l2Grid?: readonly number[];
  folds?: number;
}

/**
 * One feature's weight: `weight` is the change in churn log-odds per standard deviation of the feature
 * (positive = raises churn risk; comparable across features), `perUnit` the same per unit as written in
 * the file (per level for a category).
 */
export interface FeatureWeight {
  feature: string;
  weight: number;
  perUnit: number;
}

/** Held-out quality; every score is "higher = more churn risk". Null where undefined (e.g. one class). */
export interface HeldOutMetrics {
  auc: number | null;
  topDecileLift: number | null;
  brier: number | null;
  /** Share of held-out churners the model rated below the training churn rate ("healthy"). */
  falseGreenRate: number | null;
}

export interface SegmentReport extends HeldOutMetrics {
  segment: string;
  trainRows: number;
  trainChurned: number;
  heldOutRows: number;
  heldOutChurned: number;
  /** True when the segment had a single class in training and is scored by the pooled weights. */
  usesPooled: boolean;
  weights: FeatureWeight[];
}

export interface CalibrationReport extends HeldOutMetrics {
  /** Usable rows (training + held out). */
  rows: number;
  skippedRows: number;
  /** Model features (one-hot levels count one each). */
  features: number;
  heldOutRows: number;
  /** The penalty of the pooled weights toward 0, chosen by cross-validation. */
  l2: number;
  /** With segments: the penalty holding segment weights to the pooled ones, chosen by cross-validation. */
  segmentL2?: number;
  /** Pooled weights, largest |weight| first. */
  weights: FeatureWeight[];
  /** Per segment, largest first; present only when the table has segments. */
  segments?: SegmentReport[];
  cells: { blank: number; malformed: number };
  warnings: string[];
}

/** Too few held-out churners for AUC or lift to mean much. */
const roughMetricChurners = 10;

/**
 * The calibration pipeline: stratified split, standardise on the training rows, segmented shrinkage fit with
 * its penalties chosen by cross-validation, then score the held-out rows.
 */
export function calibrateTable(table: CalibrationTable, options: CalibrateOptions = {}): CalibrationReport {
  const { d } = table;
  const { train, test } = splitTrainTest({
    labels: table.y,
    holdout: options.holdout ?? 0.25,
    seed: options.seed ?? 1,
    ...(table.ids === undefined ? {} : { ids: table.ids }),
  });
  const trainY = Uint8Array.from(train, (row) => table.y[row] ?? 0);
  const testY = Uint8Array.from(test, (row) => table.y[row] ?? 0);
  if (!trainY.includes(1) || !trainY.includes(0) || !testY.includes(1) || !testY.includes(0)) {
    throw new CalibrationInputError(
      'Too few churned or retained accounts to keep some of each for testing; add rows or hold out a larger share.',
    );
  }
  const standardizer = fitStandardizer(table.x, table.n, d, train);
  const trainSegments =
    table.segments === undefined ? undefined : Array.from(train, (row) => table.segments?.[row] ?? '');
  const testSegments =
    table.segments === undefined ? undefined : Array.from(test, (row) => table.segments?.[row] ?? '');
  const fitted = fitSegmented(
    {
      x: applyStandardizer(table.x, table.n, d, standardizer, train),
      y: trainY,
      n: train.length,
      d,
      ...(trainSegments === undefined ? {} : { segments: trainSegments }),
    },
    {
      ...(options.l2Grid === undefined ? {} : { l2Grid: options.l2Grid }),
      ...(options.folds === undefined ? {} : { folds: options.folds }),
      seed: options.seed ?? 1,
    },
  );
  const testX = applyStandardizer(table.x, table.n, d, standardizer, test);
  const everyTestRow = Int32Array.from(test, (_, k) => k);
  const probabilities = predictSegmented(fitted, testX, d, testSegments, everyTestRow);
  const baseRate = mean(trainY);

  const warnings = [...(table.warnings ?? [])];
  const heldOutChurned = count(testY);
  if (heldOutChurned < roughMetricChurners) {
    warnings.push(`Only ${heldOutChurned} churned accounts were held out; treat AUC and lift as rough.`);
  }
  const fits = [fitted.pooled, ...fitted.segments.map((segment) => segment.fit)];
  if (fits.some((fit) => !fit.converged))
    warnings.push('The fit did not fully converge; weights are approximate.');

  const report: CalibrationReport = {
    rows: table.n,
    skippedRows: table.skippedRows ?? 0,
    features: d,
    heldOutRows: test.length,
    ...metricsOf(probabilities, testY, baseRate),
    l2: fitted.l2,
    weights: weightsOf(fitted.pooled, standardizer, table.features),
    cells: table.cells ?? { blank: 0, malformed: 0 },
    warnings,
  };
  if (testSegments !== undefined) {
    report.segmentL2 = fitted.segmentL2;
    report.segments = fitted.segments.map((segment) =>
      segmentReport(segment, standardizer, table.features, { probabilities, testY, testSegments, baseRate }),
    );
    for (const segment of fitted.segments.filter((candidate) => candidate.usesPooled)) {
      warnings.push(
        `Segment '${segment.segment}' has ${segment.churned === 0 ? 'no churned' : 'only churned'} accounts in the training rows; it is scored with the pooled weights.`,
      );
    }
    const unseen = new Set(
      testSegments.filter((name) => !fitted.segments.some((fit) => fit.segment === name)),
    );
    for (const name of unseen)
      warnings.push(`Segment '${name}' appears only in the held-out rows; scored with the pooled weights.`);
  }
  return report;
}

function segmentReport(
  segment: SegmentFit,
  standardizer: Standardizer,
  features: readonly string[],
  heldOut: {
    probabilities: Float64Array;
    testY: Uint8Array;
    testSegments: readonly string[];
    baseRate: number;
  },
): SegmentReport {
  const members = heldOut.testSegments.flatMap((name, k) => (name === segment.segment ? [k] : []));
  const probabilities = Float64Array.from(members, (k) => heldOut.probabilities[k] ?? 0);
  const labels = Uint8Array.from(members, (k) => heldOut.testY[k] ?? 0);
  return {
    segment: segment.segment,
    trainRows: segment.rows,
    trainChurned: segment.churned,
    heldOutRows: members.length,
    heldOutChurned: count(labels),
    ...metricsOf(probabilities, labels, heldOut.baseRate),
    usesPooled: segment.usesPooled,
    weights: weightsOf(segment.fit, standardizer, features),
  };
}

function metricsOf(probabilities: Float64Array, labels: Uint8Array, baseRate: number): HeldOutMetrics {
  const healthy = Uint8Array.from(probabilities, (probability) => (probability < baseRate ? 1 : 0));
  return {
    auc: auc(probabilities, labels),
    topDecileLift: topDecileLift(probabilities, labels),
    brier: brier(probabilities, labels),
    falseGreenRate: falseGreenRate(labels, healthy),
  };
}

function weightsOf(
  fit: LogisticFit,
  standardizer: Standardizer,
  features: readonly string[],
): FeatureWeight[] {
  const raw = toRawCoefficients(fit.intercept, fit.coefficients, standardizer);
  return features
    .map((feature, j) => ({ feature, weight: fit.coefficients[j] ?? 0, perUnit: raw.coefficients[j] ?? 0 }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1));
}

function count(labels: Uint8Array): number {
  let total = 0;
  for (const label of labels) total += label;
  return total;
}

function mean(labels: Uint8Array): number {
  return labels.length === 0 ? 0 : count(labels) / labels.length;
}
