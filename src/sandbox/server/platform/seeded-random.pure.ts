import { Prng } from '../../generator/prng.ts';

/** A small seeded PRNG, so faults and scripted mutations repeat exactly for the same seed. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a over the seed's text: any string or number seed becomes a 32-bit state. */
export function hashSeedText(seed: string | number): number {
  let hash = 0x811c9dc5;
  for (const char of String(seed)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The generator's sfc32 behind a text seed: one PRNG for the whole sandbox, named by purpose. */
export function createSeededRandom(seed: string | number): SeededRandom {
  const prng = new Prng(hashSeedText(seed));
  return {
    next: () => prng.float(),
    int: (min, max) => prng.int(min, max),
    pick: (items) => prng.pick(items),
  };
}
