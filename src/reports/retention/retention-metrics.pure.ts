import type { RetentionRowWire } from '@harbor/wire';

import type { CalendarPeriod } from './report-periods.pure.ts';
import { arrBefore, type RevenueStep } from './revenue-timeline.pure.ts';

export const allSegments = 'all';

export interface CompanyTimeline {
  segment: string;
  steps: readonly RevenueStep[];
}

/** Integer sums in cents and logos for one segment and period: exact, whatever the order of addition. */
interface Tally {
  customersStart: number;
  customersChurned: number;
  startCents: number;
  churnedCents: number;
  contractionCents: number;
  expansionCents: number;
}

function emptyTally(): Tally {
  return {
    customersStart: 0,
    customersChurned: 0,
    startCents: 0,
    churnedCents: 0,
    contractionCents: 0,
    expansionCents: 0,
  };
}

/** Ratios to 6 decimals (0.933333): enough for a tenth of a percentage point on any book, and stable in JSON. */
function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const value = Math.round((numerator / denominator) * 1e6) / 1e6;
  return Object.is(value, -0) ? 0 : value;
}

function toRow(segment: string, period: CalendarPeriod, tally: Tally): RetentionRowWire {
  const {
    startCents: s,
    churnedCents: churned,
    contractionCents: contraction,
    expansionCents: expansion,
  } = tally;
  return {
    segment,
    periodStart: period.startDay,
    periodEnd: period.endDay,
    complete: period.complete,
    customersStart: tally.customersStart,
    customersChurned: tally.customersChurned,
    startingRevenue: s / 100,
    churnedRevenue: churned / 100,
    contractionRevenue: contraction / 100,
    expansionRevenue: expansion / 100,
    grr: ratio(s - churned - contraction, s),
    nrr: ratio(s - churned - contraction + expansion, s),
    logoChurn: ratio(tally.customersChurned, tally.customersStart),
    grossRevenueChurn: ratio(churned + contraction, s),
    netRevenueChurn: ratio(churned + contraction - expansion, s),
  };
}

function add(tally: Tally, startCents: number, endCents: number): void {
  tally.customersStart += 1;
  tally.startCents += startCents;
  if (endCents === 0) {
    tally.customersChurned += 1;
    tally.churnedCents += startCents;
  } else if (endCents < startCents) {
    tally.contractionCents += startCents - endCents;
  } else {
    tally.expansionCents += endCents - startCents;
  }
}

/**
 * Retention of each period's start cohort (cs-domain §2; docs/reports.md, "The metrics"): a company counts in
 * a period only if it pays at the period's first instant, and its movement is its revenue at the period's end
 * (now, for the current period) against its revenue at the start. Rows: per period, `all` (unless
 * `withAll` is false) then every segment in `segments` order.
 */
export function retentionRows(
  companies: readonly CompanyTimeline[],
  periods: readonly CalendarPeriod[],
  segments: readonly string[],
  options: { withAll: boolean; now: Date },
): RetentionRowWire[] {
  const nowMs = options.now.getTime();
  const rows: RetentionRowWire[] = [];
  for (const period of periods) {
    // The current period ends now: everything closed up to and including this instant counts.
    const end = period.complete ? period.next : nowMs + 1;
    const all = emptyTally();
    const bySegment = new Map(segments.map((segment) => [segment, emptyTally()]));
    for (const company of companies) {
      const startCents = arrBefore(company.steps, period.start);
      if (startCents <= 0) continue;
      const endCents = arrBefore(company.steps, end);
      add(all, startCents, endCents);
      const tally = bySegment.get(company.segment);
      if (tally !== undefined) add(tally, startCents, endCents);
    }
    if (options.withAll) rows.push(toRow(allSegments, period, all));
    for (const segment of segments) rows.push(toRow(segment, period, bySegment.get(segment) ?? emptyTally()));
  }
  return rows;
}
