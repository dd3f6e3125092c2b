import type { NpsRowWire, RetentionRowWire } from '@harbor/wire';

/**
 * A retention row with its ratios worked from the counts, as the retention report defines them, so a
 * fixture states only customers and revenue and its ratios stay consistent.
 */
export function retentionRow(
  segment: string,
  periodStart: string,
  periodEnd: string,
  counts: {
    customersStart: number;
    customersChurned: number;
    startingRevenue: number;
    churnedRevenue: number;
    contractionRevenue?: number;
    expansionRevenue?: number;
    complete?: boolean;
  },
): RetentionRowWire {
  const { customersStart, customersChurned, startingRevenue, churnedRevenue } = counts;
  const contraction = counts.contractionRevenue ?? 0;
  const expansion = counts.expansionRevenue ?? 0;
  const ratio = (value: number, base: number) => (base === 0 ? null : value / base);
  return {
    segment,
    periodStart,
    periodEnd,
    complete: counts.complete ?? true,
    customersStart,
    customersChurned,
    startingRevenue,
    churnedRevenue,
    contractionRevenue: contraction,
    expansionRevenue: expansion,
    grr: ratio(startingRevenue - churnedRevenue - contraction, startingRevenue),
    nrr: ratio(startingRevenue + expansion - contraction - churnedRevenue, startingRevenue),
    logoChurn: ratio(customersChurned, customersStart),
    grossRevenueChurn: ratio(churnedRevenue + contraction, startingRevenue),
    netRevenueChurn: ratio(churnedRevenue + contraction - expansion, startingRevenue),
  };
}

/**
 * An NPS row with only what the strategy reads (the score, n, whether it is hidden); the shares and
 * intervals are the NPS report's business, filled with what a hidden score would show.
 */
export function npsRow(
  segment: string,
  periodStart: string,
  periodEnd: string,
  nps: { score: number | null; n: number; hidden?: boolean },
): NpsRowWire {
  const share = { count: 0, share: null, low: null, high: null };
  const hidden = nps.hidden ?? false;
  return {
    segment,
    periodStart,
    periodEnd,
    periodLabel: periodStart.slice(0, 7),
    complete: true,
    nps: {
      n: nps.n,
      hiddenBelowMinimum: hidden,
      promoters: share,
      passives: share,
      detractors: share,
      score: hidden ? null : nps.score,
      standardError: null,
      marginOfError: null,
      low: null,
      high: null,
    },
    csat: { n: 0, hiddenBelowMinimum: true, unsatisfied: share, neutral: share, satisfied: share },
    ces: { n: 0, hiddenBelowMinimum: true, hard: share, neutral: share, easy: share, mean: null },
  };
}
