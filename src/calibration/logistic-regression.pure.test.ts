import { describe, expect, it } from 'vitest';

import { Prng } from '../sandbox/generator/prng.ts';
import {
  fitLogistic,
  predictProbabilities,
  softplus,
  type LogisticData,
} from './logistic-regression.pure.ts';

/** n rows of d standard-normal features, churn drawn from the given logistic model. */
function generate(n: number, intercept: number, beta: readonly number[], seed = 1): LogisticData {
  const random = new Prng(seed);
  const d = beta.length;
  const x = new Float64Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    let z = intercept;
    for (let j = 0; j < d; j += 1) {
      const value = random.normal();
      x[i * d + j] = value;
      z += (beta[j] ?? 0) * value;
    }
    y[i] = random.chance(1 / (1 + Math.exp(-z))) ? 1 : 0;
  }
  return { x, y, n, d };
}

function objective(data: LogisticData, l2: number, intercept: number, beta: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < data.n; i += 1) {
    let z = intercept;
    for (let j = 0; j < data.d; j += 1) z += beta[j]! * data.x[i * data.d + j]!;
    loss += softplus(data.y[i] === 1 ? -z : z);
  }
  return loss + (l2 / 2) * beta.reduce((sum, value) => sum + value * value, 0);
}

describe('fitLogistic', () => {
  it('recovers the coefficients of the model that generated the data', () => {
    const truth = [1, -0.5, 0, 0.25];
    const data = generate(20_000, -1, truth);
    const fit = fitLogistic(data, { l2: 1 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-1, 1);
    truth.forEach((value, j) => {
      expect(Math.abs(fit.coefficients[j]! - value)).toBeLessThan(0.06);
    });
  });

  it('treats a sample weight of 2 like the row appearing twice', () => {
    const data = generate(300, 0, [0.8, -0.4], 3);
    const doubled: LogisticData = {
      x: new Float64Array([...data.x, ...data.x.subarray(0, 100 * data.d)]),
      y: new Uint8Array([...data.y, ...data.y.subarray(0, 100)]),
      n: 400,
      d: 2,
    };
    const weights = new Float64Array(300).fill(1).fill(2, 0, 100);
    const weighted = fitLogistic({ ...data, weights }, { l2: 1 });
    const repeated = fitLogistic(doubled, { l2: 1 });
    expect(weighted.intercept).toBeCloseTo(repeated.intercept, 6);
    expect(weighted.coefficients[0]).toBeCloseTo(repeated.coefficients[0]!, 6);
  });

  it('keeps coefficients on the allowed side of their sign constraint and stays optimal there', () => {
    // Feature 1 truly lowers churn but is constrained to raise it; feature 2 is correlated with it.
    const base = generate(5_000, -0.5, [0.7, -0.6, 0.3], 5);
    for (let i = 0; i < base.n; i += 1) base.x[i * 3 + 2] = base.x[i * 3 + 2]! + 0.5 * base.x[i * 3 + 1]!;
    const signs = new Int8Array([1, 1, 0]);
    const fit = fitLogistic(base, { l2: 1, signs });
    expect(fit.coefficients[0]).toBeGreaterThan(0.5);
    expect(fit.coefficients[1]).toBe(0);
    // No feasible nudge of any coefficient lowers the objective.
    const best = objective(base, 1, fit.intercept, fit.coefficients);
    for (let j = 0; j < 3; j += 1) {
      for (const step of [-1e-3, 1e-3]) {
        const nudged = Float64Array.from(fit.coefficients);
        nudged[j] = nudged[j]! + step;
        if ((signs[j] ?? 0) * nudged[j]! < 0) continue;
        expect(objective(base, 1, fit.intercept, nudged)).toBeGreaterThanOrEqual(best - 1e-9);
      }
    }
  });

  it('leaves a fit alone when its sign constraints are already satisfied', () => {
    const data = generate(3_000, 0, [0.5, -0.5], 7);
    const free = fitLogistic(data, { l2: 1 });
    const constrained = fitLogistic(data, { l2: 1, signs: new Int8Array([1, -1]) });
    expect(constrained.coefficients[0]).toBeCloseTo(free.coefficients[0]!, 8);
    expect(constrained.coefficients[1]).toBeCloseTo(free.coefficients[1]!, 8);
  });

  it('stays finite on perfectly separable data', () => {
    const n = 200;
    const y = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const x = Float64Array.from(y, (label) => (label === 1 ? 1 : -1));
    for (const l2 of [1, 0.01]) {
      const fit = fitLogistic({ x, y, n, d: 1 }, { l2 });
      expect(Number.isFinite(fit.coefficients[0])).toBe(true);
      expect(Number.isFinite(fit.intercept)).toBe(true);
      expect(fit.coefficients[0]).toBeGreaterThan(1);
      const [churned, retained] = predictProbabilities(fit, x, 1, [0, 1]);
      expect(churned).toBeGreaterThan(0.9);
      expect(retained).toBeLessThan(0.1);
    }
  });

  it('fits the intercept alone when there are no features', () => {
    const y = Uint8Array.from([1, 0, 0, 0]);
    const fit = fitLogistic({ x: new Float64Array(0), y, n: 4, d: 0 }, { l2: 1 });
    expect(fit.coefficients).toHaveLength(0);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 6);
  });

  it('shrinks toward the prior rather than 0 when one is given', () => {
    const data = generate(50, 0, [0, 0], 9);
    const prior = new Float64Array([1.5, -2]);
    const fit = fitLogistic(data, { l2: 10_000, prior });
    expect(fit.coefficients[0]).toBeCloseTo(1.5, 1);
    expect(fit.coefficients[1]).toBeCloseTo(-2, 1);
  });
});
