import type { LogisticData } from './logistic-regression.pure.ts';

/** 1 / (1 + e⁻ᶻ), without overflow for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** log(1 + eᶻ) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** intercept + β·x for the row starting at `offset`. */
export function linearPredictor(
  intercept: number,
  beta: Float64Array,
  x: Float64Array,
  offset: number,
  d: number,
): number {
  let eta = intercept;
  for (let j = 0; j < d; j += 1) eta += (beta[j] ?? 0) * (x[offset + j] ?? 0);
  return eta;
}

/** The penalty (l2/2)·‖β − prior‖² and the Newton step budget. */
export interface Solver {
  l2: number;
  prior: Float64Array;
  maxIterations: number;
}

/** The penalised negative log-likelihood; fills `eta` with each row's linear predictor. */
export function evaluate(
  data: LogisticData,
  solver: Solver,
  intercept: number,
  beta: Float64Array,
  eta: Float64Array,
): number {
  const { x, y, n, d, weights } = data;
  let loss = 0;
  for (let i = 0; i < n; i += 1) {
    const z = linearPredictor(intercept, beta, x, i * d, d);
    eta[i] = z;
    loss += (weights?.[i] ?? 1) * softplus(y[i] === 1 ? -z : z);
  }
  let penalty = 0;
  for (let j = 0; j < d; j += 1) {
    const delta = (beta[j] ?? 0) - (solver.prior[j] ?? 0);
    penalty += delta * delta;
  }
  return loss + (solver.l2 / 2) * penalty;
}

/** Gradient and the upper triangle of the Hessian (index 0 = intercept), over all n rows. */
export function accumulate(
  data: LogisticData,
  solver: Solver,
  beta: Float64Array,
  eta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const { x, y, n, d, weights } = data;
  const p = d + 1;
  gradient.fill(0);
  hessian.fill(0);
  const curvature = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const probability = sigmoid(eta[i] ?? 0);
    const w = weights?.[i] ?? 1;
    const residual = w * (probability - (y[i] === 1 ? 1 : 0));
    const c = w * probability * (1 - probability);
    curvature[i] = c;
    gradient[0] = (gradient[0] ?? 0) + residual;
    hessian[0] = (hessian[0] ?? 0) + c;
    const offset = i * d;
    for (let j = 0; j < d; j += 1) {
      const value = x[offset + j] ?? 0;
      gradient[j + 1] = (gradient[j + 1] ?? 0) + residual * value;
      hessian[j + 1] = (hessian[j + 1] ?? 0) + c * value;
    }
  }
  addWeightedCrossProducts(x, curvature, n, d, hessian, p);
  for (let j = 0; j < d; j += 1) {
    const k = j + 1;
    gradient[k] = (gradient[k] ?? 0) + solver.l2 * ((beta[j] ?? 0) - (solver.prior[j] ?? 0));
    hessian[k * p + k] = (hessian[k * p + k] ?? 0) + solver.l2;
  }
}

/**
 * Xᵀ·diag(c)·X into the feature block of the (d+1)² Hessian, upper triangle only. Four rows per sweep halve
 * the loads and stores of the Hessian, the bottleneck at 100k × 30.
 */
function addWeightedCrossProducts(
  x: Float64Array,
  c: Float64Array,
  n: number,
  d: number,
  hessian: Float64Array,
  p: number,
): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o0 = i * d;
    const o1 = o0 + d;
    const o2 = o1 + d;
    const o3 = o2 + d;
    const c0 = c[i] ?? 0;
    const c1 = c[i + 1] ?? 0;
    const c2 = c[i + 2] ?? 0;
    const c3 = c[i + 3] ?? 0;
    for (let a = 0; a < d; a += 1) {
      const s0 = c0 * (x[o0 + a] ?? 0);
      const s1 = c1 * (x[o1 + a] ?? 0);
      const s2 = c2 * (x[o2 + a] ?? 0);
      const s3 = c3 * (x[o3 + a] ?? 0);
      const base = (a + 1) * p + 1;
      for (let b = a; b < d; b += 1) {
        hessian[base + b] =
          (hessian[base + b] ?? 0) +
          s0 * (x[o0 + b] ?? 0) +
          s1 * (x[o1 + b] ?? 0) +
          s2 * (x[o2 + b] ?? 0) +
          s3 * (x[o3 + b] ?? 0);
      }
    }
  }
  for (; i < n; i += 1) {
    const offset = i * d;
    const ci = c[i] ?? 0;
    for (let a = 0; a < d; a += 1) {
      const scaled = ci * (x[offset + a] ?? 0);
      const base = (a + 1) * p + 1;
      for (let b = a; b < d; b += 1)
        hessian[base + b] = (hessian[base + b] ?? 0) + scaled * (x[offset + b] ?? 0);
    }
  }
}
