import { describe, expect, it } from 'vitest';

import type { HealthSnapshotFact } from '../health-types.ts';
import { snapshotAbout, trendOver } from './trend.pure.ts';

const DAY_MS = 86_400_000;
/** 15 June 2026 12:00 UTC; "today" is its UTC midnight. */
const NOW = Date.UTC(2026, 5, 15, 12);
const TODAY = Date.UTC(2026, 5, 15);
const snapshot = (daysAgo: number, score: number): HealthSnapshotFact => ({
  day: TODAY - daysAgo * DAY_MS,
  score,
  components: {},
});

describe('snapshotAbout: nearest on or before the target day, within the tolerance', () => {
  it.each<[number, number[], number | null]>([
    // look-back (tolerance), snapshot days ago available, days ago of the one used
    [7, [7], 7],
    [7, [6], null], // after the target
    [7, [10], 10], // 3 days of tolerance
    [7, [11], null],
    [7, [6, 8, 9], 8], // the nearest on or before wins
    [7, [9, 8, 6], 8], // in any order
    [30, [37], 37], // 7 days of tolerance
    [30, [38], null],
    [30, [29, 31, 36], 31],
    [90, [104], 104], // 14 days of tolerance
    [90, [105], null],
    [90, [89, 95], 95],
    [7, [], null],
  ])('when looking %d days back over %j, then the one from %j days ago', (lookBack, available, used) => {
    const found = snapshotAbout(
      available.map((days) => snapshot(days, days)),
      NOW,
      lookBack,
    );
    expect(found === undefined ? null : (TODAY - found.day) / DAY_MS).toBe(used);
  });

  it('when there is no history, then nothing', () => {
    expect(snapshotAbout(undefined, NOW, 7)).toBeUndefined();
  });

  it('when now is a millisecond either side of midnight, then the target moves by a whole day', () => {
    // at 00:00:00.001 on the 15th the target is the 8th; at 23:59:59.999 on the 14th it is the 7th
    expect(snapshotAbout([snapshot(7, 50)], TODAY + 1, 7)?.score).toBe(50);
    expect(snapshotAbout([snapshot(7, 50)], TODAY - 1, 7)).toBeUndefined();
    expect(snapshotAbout([snapshot(8, 40)], TODAY - 1, 7)?.score).toBe(40);
  });
});

describe('trendOver: score minus the snapshot about 7, 30 and 90 days back', () => {
  const history = [snapshot(7, 60), snapshot(32, 80.5), snapshot(95, 70.3), snapshot(200, 10)];

  it.each<[number | null, readonly HealthSnapshotFact[] | undefined, Record<string, number | null>]>([
    [70, history, { d7: 10, d30: -10.5, d90: -0.3 }],
    [70.4, history, { d7: 10.4, d30: -10.1, d90: 0.1 }],
    [70, [snapshot(7, 60)], { d7: 10, d30: null, d90: null }],
    [70, [], { d7: null, d30: null, d90: null }],
    [70, undefined, { d7: null, d30: null, d90: null }],
    [null, history, { d7: null, d30: null, d90: null }],
  ])('when the score is %j, then the trend is %j', (score, snapshots, trend) => {
    expect(trendOver(score, snapshots, NOW)).toEqual(trend);
  });
});
