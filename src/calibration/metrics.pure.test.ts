import { describe, expect, it } from 'vitest';

import { auc, brier, falseGreenRate, topDecileLift } from './metrics.pure.ts';

describe('auc', () => {
  it('is 1 when every churner outscores every retained account, 0 when the order is reversed', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
  });

  it('gives ties half credit', () => {
    // Pairs (churner, retained): (0.8, 0.5) win, (0.8, 0.8) tie, (0.3, 0.5) loss, (0.3, 0.8) loss → 1.5 / 4.
    expect(auc([0.8, 0.3, 0.5, 0.8], [1, 1, 0, 0])).toBe(0.375);
    // Everything tied is a coin flip.
    expect(auc([0.4, 0.4, 0.4], [true, false, false])).toBe(0.5);
  });

  it('matches a hand count on a mixed example', () => {
    // Churners 0.9, 0.6, 0.4 vs retained 0.7, 0.4, 0.2, 0.1: wins 4 + 3 + 2 (+ 0.5 tie) = 9.5 of 12.
    expect(auc([0.9, 0.7, 0.6, 0.4, 0.4, 0.2, 0.1], [1, 0, 1, 1, 0, 0, 0])).toBeCloseTo(9.5 / 12, 12);
  });

  it('is null with only one class', () => {
    expect(auc([0.1, 0.2], [0, 0])).toBeNull();
    expect(auc([], [])).toBeNull();
  });
});

describe('topDecileLift', () => {
  it('is the churn rate of the riskiest tenth over the overall rate', () => {
    // 20 accounts, 4 churned (20%); the two riskiest both churned → 100% / 20% = 5.
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i);
    const labels = scores.map((_, i) => (i === 0 || i === 1 || i === 10 || i === 15 ? 1 : 0));
    expect(topDecileLift(scores, labels)).toBe(5);
  });

  it('counts accounts tied at the cut in proportion, so row order does not matter', () => {
    // 10 accounts → the top tenth is one account; three tie for it and one of them churned: rate 1/3.
    const scores = [0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    const labels = [1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    expect(topDecileLift(scores, labels)).toBeCloseTo(1 / 3 / 0.2, 12);
    expect(topDecileLift([...scores].reverse(), [...labels].reverse())).toBeCloseTo(1 / 3 / 0.2, 12);
  });

  it('is null when nobody churned', () => {
    expect(topDecileLift([0.3, 0.2], [0, 0])).toBeNull();
  });
});

describe('brier', () => {
  it('is the mean squared error of the probabilities', () => {
    expect(brier([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(brier([0.5, 0.5], [1, 0])).toBe(0.25);
    expect(brier([], [])).toBeNull();
  });
});

describe('falseGreenRate', () => {
  it('is the share of churned accounts that were healthy', () => {
    expect(falseGreenRate([1, 1, 1, 1, 0], [1, 0, 0, 0, 1])).toBe(0.25);
    expect(falseGreenRate([true, false], [true, true])).toBe(1);
  });

  it('is null when nobody churned', () => {
    expect(falseGreenRate([0, 0], [1, 0])).toBeNull();
  });
});
