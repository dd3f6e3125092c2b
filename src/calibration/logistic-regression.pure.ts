import {
  accumulate,
  evaluate,
  linearPredictor,
  sigmoid,
  softplus,
  type Solver,
} from './logistic-objective.pure.ts';
import { solveSymmetric } from './solve-symmetric.pure.ts';

export { sigmoid, softplus };

/** A design matrix with 0/1 outcomes; row i's features are x[i·d … i·d + d − 1]. */
export interface LogisticData {
  /** Row-major n × d. */
  x: Float64Array;
  /** 1 = churned. */
  y: Uint8Array;
  n: number;
  d: number;
  /** Optional per-row sample weights (default 1). */
  weights?: Float64Array;
}

export interface LogisticOptions {
  /** Strength of the penalty (l2/2)·‖β − prior‖² on the summed log-loss; the intercept is not penalised. */
  l2: number;
  /** Shrink coefficients toward this instead of 0 (length d). */
  prior?: Float64Array;
  /** Per coefficient: −1 ⇒ must be ≤ 0, +1 ⇒ must be ≥ 0, 0 ⇒ free. */
  signs?: Int8Array;
  /** Newton steps per active set (default 100). */
  maxIterations?: number;
  /**
   * Stop when half the Newton decrement (the objective decrease the next step promises, in summed log-loss)
   * falls below this (default 1e-6: far below anything a held-out metric can see).
   */
  tolerance?: number;
  /** Warm start (e.g. the fit at a neighbouring l2); coefficients pinned by `signs` still start at 0. */
  start?: { intercept: number; coefficients: Float64Array };
}

export interface LogisticFit {
  intercept: number;
  coefficients: Float64Array;
  /** Newton steps taken, over all active-set rounds. */
  iterations: number;
  converged: boolean;
}

const maxActiveSetRounds = 50;
const maxStepHalvings = 40;

/**
 * Penalised logistic regression by Newton's method (IRLS) with backtracking, so separable data and an
 * all-one-class outcome stay finite as long as l2 > 0 (the intercept alone may grow, slowly, up to the
 * iteration cap). Sign constraints use an active set: fit, pin violators to 0, refit, and release a pinned
 * coefficient whose gradient at 0 points into its allowed half-line.
 */
export function fitLogistic(data: LogisticData, options: LogisticOptions): LogisticFit {
  const { d } = data;
  const prior = options.prior ?? new Float64Array(d);
  const signs = options.signs ?? new Int8Array(d);
  if (prior.length !== d || signs.length !== d)
    throw new RangeError('prior and signs need one entry per feature');
  if (data.x.length !== data.n * d || data.y.length !== data.n)
    throw new RangeError('x must be n × d and y n long');

  const beta = new Float64Array(d);
  let intercept = options.start?.intercept ?? initialIntercept(data);
  const pinned = new Uint8Array(d);
  for (let j = 0; j < d; j += 1) {
    const value = options.start?.coefficients[j] ?? prior[j] ?? 0;
    const sign = signs[j] ?? 0;
    beta[j] = sign * value < 0 ? 0 : value;
  }

  const solver = { l2: options.l2, prior, maxIterations: options.maxIterations ?? 100 };
  const tolerance = options.tolerance ?? 1e-6;
  let iterations = 0;
  let converged = false;
  for (let round = 0; round < maxActiveSetRounds; round += 1) {
    const result = newton(data, solver, tolerance, pinned, beta, intercept);
    intercept = result.intercept;
    iterations += result.iterations;
    converged = result.converged;
    if (!updateActiveSet(data, solver, signs, pinned, beta, intercept)) break;
  }
  return { intercept, coefficients: beta, iterations, converged };
}

/** Churn probability of each row (or of the listed rows, in that order). */
export function predictProbabilities(
  fit: Pick<LogisticFit, 'intercept' | 'coefficients'>,
  x: Float64Array,
  d: number,
  rows?: ArrayLike<number>,
): Float64Array {
  const count = rows === undefined ? x.length / Math.max(d, 1) : rows.length;
  const out = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    const row = rows === undefined ? k : (rows[k] ?? 0);
    out[k] = predictRow(fit, x, d, row);
  }
  return out;
}

/** Churn probability of one row of a row-major matrix. */
export function predictRow(
  fit: Pick<LogisticFit, 'intercept' | 'coefficients'>,
  x: Float64Array,
  d: number,
  row: number,
): number {
  return sigmoid(linearPredictor(fit.intercept, fit.coefficients, x, row * d, d));
}

function initialIntercept(data: LogisticData): number {
  let positive = 0;
  let total = 0;
  for (let i = 0; i < data.n; i += 1) {
    const w = data.weights?.[i] ?? 1;
    total += w;
    if (data.y[i] === 1) positive += w;
  }
  // Half a pseudo-count each side keeps the start finite when one class is missing.
  const rate = (positive + 0.5) / (total + 1);
  return Math.log(rate / (1 - rate));
}

/** Newton on the free coefficients (pinned ones stay 0); updates `beta` in place. */
function newton(
  data: LogisticData,
  solver: Solver,
  tolerance: number,
  pinned: Uint8Array,
  beta: Float64Array,
  startIntercept: number,
): { intercept: number; iterations: number; converged: boolean } {
  const { d, n } = data;
  const free = [-1];
  for (let j = 0; j < d; j += 1) if (pinned[j] === 0) free.push(j);
  const m = free.length;
  const p = d + 1;
  const eta = new Float64Array(n);
  const trialEta = new Float64Array(n);
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  const system = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  const trialBeta = new Float64Array(d);
  let intercept = startIntercept;
  let objective = evaluate(data, solver, intercept, beta, eta);
  let iterations = 0;
  while (iterations < solver.maxIterations) {
    iterations += 1;
    accumulate(data, solver, beta, eta, gradient, hessian);
    for (let a = 0; a < m; a += 1) {
      const ia = (free[a] ?? 0) + 1;
      rhs[a] = -(gradient[ia] ?? 0);
      for (let b = 0; b < m; b += 1) {
        const ib = (free[b] ?? 0) + 1;
        system[a * m + b] = ia <= ib ? (hessian[ia * p + ib] ?? 0) : (hessian[ib * p + ia] ?? 0);
      }
    }
    const step = solveSymmetric(system, rhs, m);
    let slope = 0;
    for (let a = 0; a < m; a += 1) slope -= (step[a] ?? 0) * (rhs[a] ?? 0);
    if (-slope / 2 < tolerance) {
      // This close to the optimum the full Newton step is the most accurate move there is.
      intercept += step[0] ?? 0;
      for (let a = 1; a < m; a += 1) beta[free[a] ?? 0] = (beta[free[a] ?? 0] ?? 0) + (step[a] ?? 0);
      return { intercept, iterations, converged: true };
    }

    let t = 1;
    let accepted = false;
    for (let halving = 0; halving < maxStepHalvings; halving += 1) {
      trialBeta.set(beta);
      const trialIntercept = intercept + t * (step[0] ?? 0);
      for (let a = 1; a < m; a += 1) {
        const j = free[a] ?? 0;
        trialBeta[j] = (beta[j] ?? 0) + t * (step[a] ?? 0);
      }
      const trialObjective = evaluate(data, solver, trialIntercept, trialBeta, trialEta);
      // Armijo: demand a decrease in proportion to the step, so halving cannot stall on a flat ridge.
      if (trialObjective <= objective + 1e-4 * t * slope) {
        intercept = trialIntercept;
        beta.set(trialBeta);
        eta.set(trialEta);
        objective = trialObjective;
        accepted = true;
        break;
      }
      t /= 2;
    }
    // No step helps any more: we are at the optimum up to rounding.
    if (!accepted) return { intercept, iterations, converged: true };
  }
  return { intercept, iterations, converged: false };
}

/**
 * Pins free coefficients that broke their sign, releases pinned ones that want back in; true when the set
 * changed (so the caller refits).
 */
function updateActiveSet(
  data: LogisticData,
  solver: Solver,
  signs: Int8Array,
  pinned: Uint8Array,
  beta: Float64Array,
  intercept: number,
): boolean {
  let changed = false;
  for (let j = 0; j < data.d; j += 1) {
    const sign = signs[j] ?? 0;
    if (sign !== 0 && pinned[j] === 0 && sign * (beta[j] ?? 0) < 0) {
      pinned[j] = 1;
      beta[j] = 0;
      changed = true;
    }
  }
  if (changed) return true;
  if (!pinned.includes(1)) return false;
  const gradient = new Float64Array(data.d + 1);
  const eta = new Float64Array(data.n);
  evaluate(data, solver, intercept, beta, eta);
  // The Hessian is not needed here; one extra pass per active-set round is cheap next to the refit.
  accumulate(data, solver, beta, eta, gradient, new Float64Array((data.d + 1) * (data.d + 1)));
  for (let j = 0; j < data.d; j += 1) {
    // Moving along −gradient lowers the objective; release only if that direction is allowed.
    if (pinned[j] === 1 && -(signs[j] ?? 0) * (gradient[j + 1] ?? 0) > 1e-9) {
      pinned[j] = 0;
      changed = true;
    }
  }
  return changed;
}
