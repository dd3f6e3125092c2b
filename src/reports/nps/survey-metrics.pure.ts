import type { CesMetricWire, CsatMetricWire, NpsMetricWire, NpsShareWire } from '@harbor/wire';

import { bucketOf } from './survey-scales.pure.ts';

/** The normal quantile of a two-sided 95 % interval. */
const z95 = 1.96;

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * The Wilson score interval of a share (95 %): unlike p ± 1.96·√(p(1−p)/n) it stays inside 0–1 and does not
 * collapse to a point at 0 % or 100 %, which small groups of answers hit often.
 */
export function wilsonInterval(count: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = count / n;
  const z2 = z95 * z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function share(count: number, n: number, hidden: boolean): NpsShareWire {
  if (hidden || n === 0) return { count, share: null, low: null, high: null };
  const { low, high } = wilsonInterval(count, n);
  return { count, share: round(count / n, 4), low: round(low, 4), high: round(high, 4) };
}

function countBuckets(kind: 'NPS' | 'CSAT' | 'CES', values: readonly number[]) {
  const counts = { promoter: 0, passive: 0, detractor: 0 };
  for (const value of values) counts[bucketOf(kind, value)] += 1;
  return counts;
}

/**
 * NPS = %promoters − %detractors, with the standard error of a difference of two shares of one sample:
 * Var(p − d) = (p + d − (p − d)²)/n, so SE = 100·√((p + d − (p − d)²)/n) in NPS points, and the 95 % interval
 * is NPS ± 1.96·SE (clipped to −100…100). Hidden (every value null) when n < `minimum`.
 */
export function npsMetric(values: readonly number[], minimum: number): NpsMetricWire {
  const n = values.length;
  const counts = countBuckets('NPS', values);
  const hidden = n < minimum || n === 0;
  const shares = {
    promoters: share(counts.promoter, n, hidden),
    passives: share(counts.passive, n, hidden),
    detractors: share(counts.detractor, n, hidden),
  };
  if (hidden) {
    return {
      n,
      hiddenBelowMinimum: n < minimum,
      ...shares,
      score: null,
      standardError: null,
      marginOfError: null,
      low: null,
      high: null,
    };
  }
  const p = counts.promoter / n;
  const d = counts.detractor / n;
  const score = 100 * (p - d);
  const standardError = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  const margin = z95 * standardError;
  return {
    n,
    hiddenBelowMinimum: false,
    ...shares,
    score: round(score, 1),
    standardError: round(standardError, 2),
    marginOfError: round(margin, 1),
    low: round(Math.max(-100, score - margin), 1),
    high: round(Math.min(100, score + margin), 1),
  };
}

/** CSAT on HubSpot's 0/1/2 scale: the shares of each point; CSAT % is the share of 2s (Wilson interval). */
export function csatMetric(values: readonly number[], minimum: number): CsatMetricWire {
  const n = values.length;
  const counts = countBuckets('CSAT', values);
  const hidden = n < minimum || n === 0;
  return {
    n,
    hiddenBelowMinimum: n < minimum,
    unsatisfied: share(counts.detractor, n, hidden),
    neutral: share(counts.passive, n, hidden),
    satisfied: share(counts.promoter, n, hidden),
  };
}

/** CES on 1–7: the mean and the shares of HubSpot's buckets (1–3 hard, 4–5 neutral, 6–7 easy). */
export function cesMetric(values: readonly number[], minimum: number): CesMetricWire {
  const n = values.length;
  const counts = countBuckets('CES', values);
  const hidden = n < minimum || n === 0;
  const sum = values.reduce((total, value) => total + value, 0);
  return {
    n,
    hiddenBelowMinimum: n < minimum,
    hard: share(counts.detractor, n, hidden),
    neutral: share(counts.passive, n, hidden),
    easy: share(counts.promoter, n, hidden),
    mean: hidden ? null : round(sum / n, 2),
  };
}
