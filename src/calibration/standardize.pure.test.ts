import { describe, expect, it } from 'vitest';

import { applyStandardizer, fitStandardizer, toRawCoefficients } from './standardize.pure.ts';

describe('standardize', () => {
  // Three rows × two columns: a varying column with one missing cell, and a constant one.
  const x = Float64Array.from([1, 5, 3, 5, Number.NaN, 5]);

  it('learns means and sds from the training rows only, ignoring missing cells', () => {
    const { means, sds } = fitStandardizer(x, 3, 2, [0, 1, 2]);
    expect(Array.from(means)).toEqual([2, 5]);
    expect(sds[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(sds[1]).toBe(1);
    expect(fitStandardizer(x, 3, 2, [1]).means[0]).toBe(3);
  });

  it('maps a missing cell to 0, the training mean', () => {
    const standardizer = fitStandardizer(x, 3, 2);
    expect(Array.from(applyStandardizer(x, 3, 2, standardizer, [2]))).toEqual([0, 0]);
  });

  it('turns per-SD coefficients into per-unit ones that score raw values the same', () => {
    const standardizer = fitStandardizer(x, 3, 2);
    const coefficients = Float64Array.from([0.7, 0]);
    const raw = toRawCoefficients(-1, coefficients, standardizer);
    const standardized = applyStandardizer(x, 3, 2, standardizer, [1]);
    const viaStandardized = -1 + 0.7 * standardized[0]!;
    expect(raw.intercept + raw.coefficients[0]! * 3).toBeCloseTo(viaStandardized, 12);
  });
});
