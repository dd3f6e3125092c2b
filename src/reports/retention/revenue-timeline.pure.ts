import type { DealRole } from './deal-role.pure.ts';

/** A closed deal as the timeline reads it; revenue in whole cents a year so sums stay exact. */
export interface RevenueDeal {
  id: string;
  closedAt: number;
  role: DealRole;
  won: boolean;
  arrCents: number;
}

export interface CompanyRevenueFacts {
  /** The contract value property in cents, null when empty: the start revenue when no new-business deal won. */
  contractValueCents: number | null;
  /** When the company became a customer (or was created): the fallback start's date. */
  customerSince: number | null;
  /** Closed deals only, in any order. */
  deals: readonly RevenueDeal[];
}

/** From `at` on (inclusive), the company's recurring revenue is `arrCents`. */
export interface RevenueStep {
  at: number;
  arrCents: number;
}

const roleOrder: Readonly<Record<DealRole, number>> = {
  newBusiness: 0,
  untyped: 1,
  renewal: 2,
  expansion: 3,
};

function byCloseDate(a: RevenueDeal, b: RevenueDeal): number {
  return (
    a.closedAt - b.closedAt ||
    roleOrder[a.role] - roleOrder[b.role] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * A company's annual recurring revenue over time: base (the subscription) + add-ons (expansions), replayed
 * from its closed deals in close-date order, one step per change. Every rule is in docs/reports.md,
 * "Retention: every choice" 4–6.
 */
export function revenueTimeline(facts: CompanyRevenueFacts): RevenueStep[] {
  const deals = [...facts.deals].sort(byCloseDate);
  let base = 0;
  let addOns = 0;
  const steps: RevenueStep[] = [];
  const record = (at: number): void => {
    const arrCents = base + addOns;
    // Deals closing at one instant make one step; a step that changes nothing is no step.
    if (steps.at(-1)?.at === at) steps.pop();
    if ((steps.at(-1)?.arrCents ?? 0) !== arrCents) steps.push({ at, arrCents });
  };
  const hasNewBusiness = deals.some((deal) => deal.won && deal.role === 'newBusiness');
  const firstDealAt = deals[0]?.closedAt ?? Number.POSITIVE_INFINITY;
  if (
    !hasNewBusiness &&
    facts.contractValueCents !== null &&
    facts.contractValueCents > 0 &&
    facts.customerSince !== null &&
    facts.customerSince < firstDealAt
  ) {
    base = facts.contractValueCents;
    record(facts.customerSince);
  }
  for (const deal of deals) {
    const active = base + addOns > 0;
    if (!deal.won) {
      // Only a lost renewal moves revenue: the customer did not renew, everything it paid stops.
      if (deal.role !== 'renewal' || !active) continue;
      base = 0;
      addOns = 0;
    } else if (!active) {
      base = deal.arrCents;
      addOns = 0;
    } else if (deal.role === 'renewal') {
      base = deal.arrCents;
    } else {
      addOns += deal.arrCents;
    }
    record(deal.closedAt);
  }
  return steps;
}

/** Revenue after every change strictly before `time`: what the company pays as the instant `time` begins. */
export function arrBefore(steps: readonly RevenueStep[], time: number): number {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((steps[middle]?.at ?? time) < time) low = middle + 1;
    else high = middle;
  }
  return steps[low - 1]?.arrCents ?? 0;
}
