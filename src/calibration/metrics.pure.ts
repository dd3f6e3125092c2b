/** 0/1 numbers (1 = churned / true) or booleans. */
export type Flags = ArrayLike<number | boolean>;

function isSet(flag: number | boolean | undefined): boolean {
  return flag === true || flag === 1;
}

function checkLengths(a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) throw new RangeError(`lengths differ (${a.length} vs ${b.length})`);
}

/** Row indices by ascending score (ties keep row order, so every metric is deterministic). */
function ascendingOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  return order.sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0) || a - b);
}

/**
 * Area under the ROC curve, with a higher score meaning more churn risk: the probability that a random
 * churned account outscores a random retained one, ties counting half (Mann–Whitney, O(n log n)).
 * Null when either class is absent.
 */
export function auc(scores: ArrayLike<number>, labels: Flags): number | null {
  checkLengths(scores, labels);
  const order = ascendingOrder(scores);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length;) {
    const score = scores[order[start] ?? 0];
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1] ?? 0] === score) end += 1;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) {
      if (isSet(labels[order[k] ?? 0])) {
        positives += 1;
        positiveRankSum += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Churn rate among the riskiest tenth (highest scores) over the overall churn rate: 1 is no better than
 * chance. The tenth is n/10 accounts, fractional; accounts tied at the cut count in proportion, so the
 * result does not depend on row order. Null when nobody churned (or there are no rows).
 */
export function topDecileLift(scores: ArrayLike<number>, labels: Flags): number | null {
  checkLengths(scores, labels);
  const n = scores.length;
  let churned = 0;
  for (let i = 0; i < n; i += 1) if (isSet(labels[i])) churned += 1;
  if (n === 0 || churned === 0) return null;
  const order = ascendingOrder(scores);
  const size = n / 10;
  let taken = 0;
  let churnedInTop = 0;
  for (let end = n - 1; end >= 0 && taken < size;) {
    const score = scores[order[end] ?? 0];
    let start = end;
    while (start - 1 >= 0 && scores[order[start - 1] ?? 0] === score) start -= 1;
    let groupChurned = 0;
    for (let k = start; k <= end; k += 1) if (isSet(labels[order[k] ?? 0])) groupChurned += 1;
    const groupSize = end - start + 1;
    const share = Math.min(groupSize, size - taken);
    churnedInTop += (groupChurned * share) / groupSize;
    taken += share;
    end = start - 1;
  }
  return churnedInTop / size / (churned / n);
}

/** Mean squared error of churn probabilities (0 is perfect, 0.25 is a coin flip). Null with no rows. */
export function brier(probabilities: ArrayLike<number>, labels: Flags): number | null {
  checkLengths(probabilities, labels);
  if (probabilities.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i += 1) {
    const error = (probabilities[i] ?? 0) - (isSet(labels[i]) ? 1 : 0);
    sum += error * error;
  }
  return sum / probabilities.length;
}

/** Share of churned accounts that were rated healthy at prediction time. Null when nobody churned. */
export function falseGreenRate(churnedFlags: Flags, healthyFlags: Flags): number | null {
  checkLengths(churnedFlags, healthyFlags);
  let churned = 0;
  let churnedWhileHealthy = 0;
  for (let i = 0; i < churnedFlags.length; i += 1) {
    if (!isSet(churnedFlags[i])) continue;
    churned += 1;
    if (isSet(healthyFlags[i])) churnedWhileHealthy += 1;
  }
  return churned === 0 ? null : churnedWhileHealthy / churned;
}

/** Mean log-loss of churn probabilities, clipped so one confident miss cannot make it infinite. */
export function logLoss(probabilities: ArrayLike<number>, labels: Flags): number | null {
  checkLengths(probabilities, labels);
  if (probabilities.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i += 1) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i] ?? 0));
    sum -= isSet(labels[i]) ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probabilities.length;
}
