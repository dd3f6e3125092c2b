import { describe, expect, it } from 'vitest';

import { hashSeed, Prng } from './prng.ts';

function draw(rng: Prng, count: number): number[] {
  return Array.from({ length: count }, () => rng.next());
}

describe('Prng', () => {
  it('when seeded with the same parts, then it yields the same sequence', () => {
    expect(draw(new Prng(1, 42), 20)).toEqual(draw(new Prng(1, 42), 20));
  });

  it('when seeded with neighbouring parts, then the sequences are unrelated', () => {
    expect(draw(new Prng(1, 42), 20)).not.toEqual(draw(new Prng(1, 43), 20));
    expect(hashSeed(1, 2)).not.toBe(hashSeed(2, 1));
    expect(hashSeed(2 ** 40)).not.toBe(hashSeed(0));
  });

  it('when drawing many values, then floats, ints and normals have the right ranges and moments', () => {
    const rng = new Prng(7);
    let sum = 0;
    let squares = 0;
    let floatsOutside = 0;
    const ints = new Set<number>();
    const n = 20_000;
    for (let i = 0; i < n; i += 1) {
      const value = rng.normal();
      sum += value;
      squares += value * value;
      const float = rng.float();
      if (float < 0 || float >= 1) floatsOutside += 1;
      ints.add(rng.int(3, 5));
    }
    expect(floatsOutside).toBe(0);
    expect([...ints].sort()).toEqual([3, 4, 5]);
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.04);
  });

  it('when picking by weight, then shares follow the weights and Poisson counts have the mean', () => {
    const rng = new Prng(9);
    let picked = 0;
    let total = 0;
    for (let i = 0; i < 10_000; i += 1) {
      if (rng.weightedPick(['a', 'b'], [1, 3]) === 'b') picked += 1;
      total += rng.poisson(2.5);
    }
    expect(picked / 10_000).toBeCloseTo(0.75, 1);
    expect(total / 10_000).toBeCloseTo(2.5, 1);
  });
});
