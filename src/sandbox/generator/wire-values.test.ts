import { describe, expect, it } from 'vitest';

import { Prng } from './prng.ts';
import { DAY_MS, wireDate, wireDateTime } from './wire-values.ts';

describe('wire values', () => {
  it('when a datetime is written, then it reads as toISOString does, whole minutes or not', () => {
    const rng = new Prng(3);
    const samples = [0, DAY_MS - 1, Date.UTC(2026, 1, 28, 23, 59), Date.UTC(2024, 1, 29, 0, 0, 0, 1)];
    for (let i = 0; i < 2000; i += 1) {
      const day = Date.UTC(2019, 0, 1) + rng.int(0, 3000) * DAY_MS;
      samples.push(day + rng.int(0, 1439) * 60_000, day + rng.int(0, DAY_MS - 1));
    }
    for (const ms of samples) expect(wireDateTime(ms)).toBe(new Date(ms).toISOString());
    expect(wireDate(Date.UTC(2026, 10, 20, 23, 59))).toBe('2026-11-20');
  });
});
