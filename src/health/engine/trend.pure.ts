import type { HealthSnapshotFact } from '../health-types.ts';
import { DAY_MS, roundTo } from './property-values.pure.ts';

/** How far before a target day a snapshot may be and still stand for it (a missed nightly run or two). */
const toleranceDays: Readonly<Record<number, number>> = { 7: 3, 30: 7, 90: 14 };

/** The snapshot nearest on or before `daysAgo` days before today, within the tolerance. */
export function snapshotAbout(
  history: readonly HealthSnapshotFact[] | undefined,
  now: number,
  daysAgo: number,
): HealthSnapshotFact | undefined {
  if (history === undefined) return undefined;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const target = today - daysAgo * DAY_MS;
  const earliest = target - (toleranceDays[daysAgo] ?? 3) * DAY_MS;
  let best: HealthSnapshotFact | undefined;
  for (const snapshot of history) {
    if (snapshot.day > target || snapshot.day < earliest || !Number.isFinite(snapshot.score)) continue;
    if (best === undefined || snapshot.day > best.day) best = snapshot;
  }
  return best;
}

export function trendOver(
  score: number | null,
  history: readonly HealthSnapshotFact[] | undefined,
  now: number,
): { d7: number | null; d30: number | null; d90: number | null } {
  const change = (daysAgo: number): number | null => {
    const then = snapshotAbout(history, now, daysAgo);
    return score === null || then === undefined ? null : roundTo(score - then.score, 1);
  };
  return { d7: change(7), d30: change(30), d90: change(90) };
}
