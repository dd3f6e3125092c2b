import { fitLogistic, predictRow, type LogisticData, type LogisticFit } from './logistic-regression.pure.ts';
import { assignFolds } from './split.pure.ts';
import { HeldOutLosses, type CrossValidationPoint } from './held-out-losses.pure.ts';

export type { CrossValidationPoint };

export interface SegmentedData {
  /** Row-major n × d, already standardised (the penalty assumes comparable column scales). */
  x: Float64Array;
  y: Uint8Array;
  n: number;
  d: number;
  /** The segment of each row; absent = one pooled model only. */
  segments?: readonly string[];
}

export interface SegmentedOptions {
  /** A fixed penalty toward 0 for the pooled fit; absent = chosen by cross-validation from `l2Grid`. */
  l2?: number;
  /**
   * A fixed penalty toward the pooled coefficients for the segment fits. Absent: the same as a fixed `l2`,
   * else chosen by cross-validation from `l2Grid` (after the pooled l2).
   */
  segmentL2?: number;
  l2Grid?: readonly number[];
  /** Default 5. */
  folds?: number;
  /** Fold assignment seed (default 1). */
  seed?: number;
  signs?: Int8Array;
}

export interface SegmentFit {
  segment: string;
  /** Training rows and churned accounts in the segment. */
  rows: number;
  churned: number;
  fit: LogisticFit;
  /** True when the segment had only one class: its accounts are scored by the pooled model. */
  usesPooled: boolean;
}

export interface SegmentedFit {
  pooled: LogisticFit;
  /** Largest segment first. */
  segments: SegmentFit[];
  /** Penalty of the pooled fit (toward 0). */
  l2: number;
  /** Penalty of the segment fits (toward the pooled coefficients). */
  segmentL2: number;
  /** Log-loss per candidate, ascending l2; empty where the penalty was given. */
  crossValidation: { pooled: CrossValidationPoint[]; segments: CrossValidationPoint[] };
}

/**
 * The penalties are on the summed log-loss of standardised features, so each reads as a prior precision: a
 * segment's coefficients move away from the pooled ones only when its outcomes outweigh segmentL2 (a segment
 * with few outcomes stays near the pooled weights, a large one learns its own).
 */
export const defaultL2Grid: readonly number[] = [0.1, 1, 10, 100, 1000];

/**
 * A pooled fit on all rows (penalised toward 0), then one fit per segment penalised toward the pooled
 * coefficients, segment intercepts free. Each penalty not given is chosen by stratified k-fold
 * cross-validation on log-loss: first the pooled one (lowest loss), then the segments' given the pooled fits
 * (the largest within one standard error of the lowest, so segments keep the pooled weights unless the
 * held-out data clearly says otherwise). They are chosen apart because one shared value must trade shrinking the pooled weights toward
 * 0 against holding small segments to them. Ties go to the larger penalty (the simpler model).
 */
export function fitSegmented(data: SegmentedData, options: SegmentedOptions = {}): SegmentedFit {
  const grid = [...(options.l2Grid ?? defaultL2Grid)].sort((a, b) => b - a);
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 1;
  const signs = options.signs;
  const crossValidation: SegmentedFit['crossValidation'] = { pooled: [], segments: [] };
  let l2 = options.l2;
  let foldFits: Map<number, LogisticFit>[] = [];
  if (l2 === undefined) {
    const pooledCv = crossValidatePooled(data, grid, folds, seed, signs);
    crossValidation.pooled = pooledCv.points;
    foldFits = pooledCv.fits;
    l2 = pooledCv.chosen;
  }
  let segmentL2 = options.segmentL2 ?? options.l2;
  if (segmentL2 === undefined) {
    if (data.segments === undefined) segmentL2 = l2;
    else {
      const pooledL2 = l2;
      const segmentCv = crossValidateSegments(data, grid, {
        folds,
        seed,
        signs,
        pooledFit: (fold, groups) => foldFits[fold]?.get(pooledL2) ?? fitPooled(groups, pooledL2, signs),
      });
      crossValidation.segments = segmentCv.points;
      segmentL2 = segmentCv.chosen;
    }
  }
  const groups = groupRows(
    data,
    Int32Array.from({ length: data.n }, (_, i) => i),
  );
  const pooled = fitPooled(groups, l2, signs);
  return { pooled, segments: fitSegments(groups, pooled, segmentL2, signs), l2, segmentL2, crossValidation };
}

/** Churn probability of each listed row under its segment's model. */
export function predictSegmented(
  fit: Pick<SegmentedFit, 'pooled' | 'segments'>,
  x: Float64Array,
  d: number,
  segments: readonly string[] | undefined,
  rows: ArrayLike<number>,
): Float64Array {
  const byName = new Map(fit.segments.map((segment) => [segment.segment, segment.fit]));
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k += 1) {
    const row = rows[k] ?? 0;
    const segment = segments?.[row];
    const model = (segment === undefined ? undefined : byName.get(segment)) ?? fit.pooled;
    out[k] = predictRow(model, x, d, row);
  }
  return out;
}

interface RowGroups {
  pooled: LogisticData;
  segments: { segment: string; data: LogisticData; churned: number }[];
}

function groupRows(data: SegmentedData, rows: Int32Array): RowGroups {
  const pooled = takeRows(data, rows);
  if (data.segments === undefined) return { pooled, segments: [] };
  const members = new Map<string, number[]>();
  for (const row of rows) {
    const segment = data.segments[row] ?? '';
    const list = members.get(segment);
    if (list === undefined) members.set(segment, [row]);
    else list.push(row);
  }
  const segments = [...members.entries()]
    .sort(([a, left], [b, right]) => right.length - left.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([segment, list]) => {
      const subset = takeRows(data, Int32Array.from(list));
      let churned = 0;
      for (const label of subset.y) churned += label;
      return { segment, data: subset, churned };
    });
  return { pooled, segments };
}

function fitPooled(
  groups: RowGroups,
  l2: number,
  signs: Int8Array | undefined,
  start?: LogisticFit,
): LogisticFit {
  return fitLogistic(groups.pooled, {
    l2,
    ...(signs === undefined ? {} : { signs }),
    ...(start === undefined ? {} : { start }),
  });
}

function fitSegments(
  groups: RowGroups,
  pooled: LogisticFit,
  l2: number,
  signs: Int8Array | undefined,
  warm?: readonly SegmentFit[],
): SegmentFit[] {
  return groups.segments.map(({ segment, data, churned }, index): SegmentFit => {
    const rows = data.n;
    // A free intercept has no finite optimum when the segment never (or always) churned.
    if (churned === 0 || churned === rows) return { segment, rows, churned, fit: pooled, usesPooled: true };
    const previous = warm?.[index];
    const start = previous !== undefined && !previous.usesPooled ? previous.fit : pooled;
    const fit = fitLogistic(data, {
      l2,
      prior: pooled.coefficients,
      start,
      ...(signs === undefined ? {} : { signs }),
    });
    return { segment, rows, churned, fit, usesPooled: false };
  });
}

interface Fold {
  groups: RowGroups;
  test: Int32Array;
  testLabels: Uint8Array;
}

/** Stratified folds; with very few of one class, fewer folds so every training part has both. */
function* foldsOf(data: SegmentedData, folds: number, seed: number, bySegment: boolean): Generator<Fold> {
  let churned = 0;
  for (const label of data.y) churned += label;
  const k = Math.max(2, Math.min(folds, churned, data.n - churned));
  const fold = assignFolds(data.y, k, seed);
  for (let f = 0; f < k; f += 1) {
    const train: number[] = [];
    const test: number[] = [];
    fold.forEach((value, row) => (value === f ? test : train).push(row));
    yield {
      groups: groupRows(
        bySegment ? data : { x: data.x, y: data.y, n: data.n, d: data.d },
        Int32Array.from(train),
      ),
      test: Int32Array.from(test),
      testLabels: Uint8Array.from(test, (row) => data.y[row] ?? 0),
    };
  }
}

/** Log-loss per l2, and each fold's fit per l2 (so the segment pass need not refit the pooled model). */
function crossValidatePooled(
  data: SegmentedData,
  grid: readonly number[],
  folds: number,
  seed: number,
  signs: Int8Array | undefined,
): CrossValidation & { fits: Map<number, LogisticFit>[] } {
  const losses = new HeldOutLosses(grid, data.n);
  const fits: Map<number, LogisticFit>[] = [];
  for (const { groups, test, testLabels } of foldsOf(data, folds, seed, false)) {
    const byL2 = new Map<number, LogisticFit>();
    let warm: LogisticFit | undefined;
    grid.forEach((l2, index) => {
      warm = fitPooled(groups, l2, signs, warm);
      byL2.set(l2, warm);
      const probabilities = predictSegmented({ pooled: warm, segments: [] }, data.x, data.d, undefined, test);
      losses.add(index, test, probabilities, testLabels);
    });
    fits.push(byL2);
  }
  return { points: losses.points(), chosen: losses.lowest(), fits };
}

function crossValidateSegments(
  data: SegmentedData,
  grid: readonly number[],
  settings: {
    folds: number;
    seed: number;
    signs: Int8Array | undefined;
    pooledFit: (fold: number, groups: RowGroups) => LogisticFit;
  },
): CrossValidation {
  const losses = new HeldOutLosses(grid, data.n);
  let fold = 0;
  for (const { groups, test, testLabels } of foldsOf(data, settings.folds, settings.seed, true)) {
    const pooled = settings.pooledFit(fold, groups);
    fold += 1;
    let warm: SegmentFit[] | undefined;
    grid.forEach((l2, index) => {
      warm = fitSegments(groups, pooled, l2, settings.signs, warm);
      const probabilities = predictSegmented({ pooled, segments: warm }, data.x, data.d, data.segments, test);
      losses.add(index, test, probabilities, testLabels);
    });
  }
  return { points: losses.points(), chosen: losses.simplestWithinOneStandardError() };
}

interface CrossValidation {
  points: CrossValidationPoint[];
  chosen: number;
}

function takeRows(data: SegmentedData, rows: Int32Array): LogisticData {
  const { d } = data;
  const x = new Float64Array(rows.length * d);
  const y = new Uint8Array(rows.length);
  rows.forEach((row, k) => {
    x.set(data.x.subarray(row * d, row * d + d), k * d);
    y[k] = data.y[row] ?? 0;
  });
  return { x, y, n: rows.length, d };
}
