import { describe, expect, it } from 'vitest';

import { rocAuc } from './auc.ts';

describe('rocAuc', () => {
  it('when scores separate the classes perfectly, then it is 1 (and 0 reversed)', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
  });

  it('when every score ties, then it is 0.5', () => {
    expect(rocAuc([1, 1, 1, 1], [true, false, true, false])).toBe(0.5);
  });

  it('when one pair is out of order, then it counts the ordered pairs', () => {
    // Pairs (positive, negative): (0.4,0.1) (0.4,0.5) (0.9,0.1) (0.9,0.5) → 3 of 4 ordered.
    expect(rocAuc([0.1, 0.4, 0.5, 0.9], [false, true, false, true])).toBe(0.75);
  });

  it('when a class is missing, then it is NaN', () => {
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });
});
