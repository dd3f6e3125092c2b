import { describe, expect, it } from 'vitest';

import { assignFolds, splitTrainTest } from './split.pure.ts';

const labels = Uint8Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 1 : 0));

describe('splitTrainTest', () => {
  it('holds out the same share of churned and retained accounts', () => {
    const { train, test } = splitTrainTest({ labels, holdout: 0.25, seed: 3 });
    expect(train.length + test.length).toBe(200);
    expect(Array.from(test).filter((row) => labels[row] === 1)).toHaveLength(10);
    expect(Array.from(test).filter((row) => labels[row] === 0)).toHaveLength(40);
    expect(new Set([...train, ...test]).size).toBe(200);
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const first = splitTrainTest({ labels, seed: 3 });
    expect(splitTrainTest({ labels, seed: 3 })).toEqual(first);
    expect(splitTrainTest({ labels, seed: 4 }).test).not.toEqual(first.test);
  });

  it('with ids, puts each account on the same side whatever the row order', () => {
    const ids = Array.from(labels, (_, i) => `acct-${i}`);
    const testIds = (order: number[]) => {
      const { test } = splitTrainTest({
        labels: Uint8Array.from(order, (i) => labels[i]!),
        ids: order.map((i) => ids[i]!),
      });
      return new Set(Array.from(test, (row) => ids[order[row]!]));
    };
    const forward = Array.from(labels, (_, i) => i);
    expect(testIds([...forward].reverse())).toEqual(testIds(forward));
  });
});

describe('assignFolds', () => {
  it('spreads each class evenly over the folds', () => {
    const folds = assignFolds(labels, 5, 1);
    for (let f = 0; f < 5; f += 1) {
      expect(labels.filter((label, row) => label === 1 && folds[row] === f)).toHaveLength(8);
    }
  });
});
