import { describe, expect, it } from 'vitest';

import { Prng } from '../sandbox/generator/prng.ts';
import { fitLogistic } from './logistic-regression.pure.ts';
import { fitSegmented, type SegmentedData } from './segmented-fit.pure.ts';

/** Two features; the 'b' segment has a second-feature weight of +1 where everyone else has −1. */
function generate(sizes: Record<string, number>, seed: number): SegmentedData {
  const random = new Prng(seed);
  const x: number[] = [];
  const y: number[] = [];
  const segments: string[] = [];
  for (const [segment, size] of Object.entries(sizes)) {
    for (let i = 0; i < size; i += 1) {
      const a = random.normal();
      const b = random.normal();
      const z = -1 + 0.8 * a + (segment === 'b' ? 1 : -1) * b;
      x.push(a, b);
      y.push(random.chance(1 / (1 + Math.exp(-z))) ? 1 : 0);
      segments.push(segment);
    }
  }
  return { x: Float64Array.from(x), y: Uint8Array.from(y), n: y.length, d: 2, segments };
}

describe('fitSegmented', () => {
  it('lets a large segment learn its own weights while a small one stays near the pooled fit', () => {
    const data = generate({ a: 8000, b: 4000, c: 40 }, 1);
    const fit = fitSegmented(data, { l2: 10 });
    const weights = (name: string) =>
      fit.segments.find((segment) => segment.segment === name)!.fit.coefficients;
    expect(weights('a')[1]).toBeCloseTo(-1, 0);
    expect(weights('b')[1]).toBeCloseTo(1, 0);

    // The 40-row segment: far closer to the pooled weights than a fit on its rows alone.
    const rows = data.segments!.flatMap((segment, i) => (segment === 'c' ? [i] : []));
    const alone = fitLogistic(
      {
        x: Float64Array.from(rows.flatMap((i) => [data.x[2 * i]!, data.x[2 * i + 1]!])),
        y: Uint8Array.from(rows, (i) => data.y[i]!),
        n: rows.length,
        d: 2,
      },
      { l2: 0.01 },
    );
    const distance = (coefficients: Float64Array) =>
      Math.hypot(
        coefficients[0]! - fit.pooled.coefficients[0]!,
        coefficients[1]! - fit.pooled.coefficients[1]!,
      );
    expect(distance(weights('c'))).toBeLessThan(distance(alone.coefficients) / 2);
  });

  it('chooses both penalties by cross-validation, deterministically', () => {
    const data = generate({ a: 1500, c: 30 }, 2);
    const first = fitSegmented(data);
    const { pooled, segments } = first.crossValidation;
    for (const points of [pooled, segments])
      expect(points.map((entry) => entry.l2)).toEqual([0.1, 1, 10, 100, 1000]);
    const lowest = Math.min(...pooled.map((entry) => entry.logLoss));
    expect(pooled.find((entry) => entry.l2 === first.l2)!.logLoss).toBe(lowest);
    // The segment penalty may be larger than the lowest-loss one, never smaller.
    const lowestSegment = segments.reduce((a, b) => (b.logLoss < a.logLoss ? b : a));
    expect(first.segmentL2).toBeGreaterThanOrEqual(lowestSegment.l2);
    expect(fitSegmented(data)).toEqual(first);
  });

  it('lets segments that clearly differ keep their own weights', () => {
    const fit = fitSegmented(generate({ a: 6000, b: 6000 }, 6));
    expect(fit.segmentL2).toBeLessThanOrEqual(100);
    const b = fit.segments.find((segment) => segment.segment === 'b')!;
    expect(b.fit.coefficients[1]).toBeGreaterThan(0.5);
  });

  it('holds segments that do not differ to the pooled weights with a strong shrinkage', () => {
    const fit = fitSegmented(generate({ a: 3000, c: 3000 }, 4));
    expect(fit.segmentL2).toBeGreaterThanOrEqual(100);
  });

  it('fits one pooled model when there are no segments', () => {
    const { x, y, n, d } = generate({ a: 500 }, 3);
    const fit = fitSegmented({ x, y, n, d }, { l2: 1 });
    expect(fit.segments).toEqual([]);
    expect(fit.pooled.coefficients[0]).toBeGreaterThan(0.4);
  });
});
