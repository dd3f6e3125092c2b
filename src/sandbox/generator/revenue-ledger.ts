import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Segment } from './churn-model.ts';
import type { CompanyPlan } from './company-plan.ts';

/**
 * The generator's own record of each customer's revenue: the deals it wrote that move recurring revenue, as
 * written (amounts and close dates exactly as HubSpot serves them), so an evaluation can recompute retention
 * without reading Harbor's store. Built only from what was already decided: it draws no random numbers, so a
 * portal is byte for byte the same with or without anyone reading its ledger.
 */
export interface RevenueLedgerEvent {
  kind: 'start' | 'renewal_won' | 'renewal_lost' | 'expansion_won';
  dealId: string;
  /** The deal's close date, ISO 8601 in UTC with milliseconds (the deal's `closedate`). */
  closedAt: string;
  /** The deal's `amount`: the annual contract value it signs (for a lost renewal, the amount not renewed). */
  amount: number;
  /** Contract year the renewal closes (1 = the first anniversary); absent for other kinds. */
  year?: number;
}

export interface RevenueLedgerEntry {
  companyId: string;
  /** What the company's `customer_segment` property says (the true segment about 95 % of the time). */
  segmentLabel: Segment;
  /** The true segment, from the contract band. */
  segment: Segment;
  ownerId: string;
  /** The company's `contract_value` property. */
  contractValue: number;
  /** The close date of the lost renewal, or null for a customer still active at the portal's today. */
  churnedAt: string | null;
  /** Revenue events by close date (a start, then renewals and won expansions). */
  events: RevenueLedgerEvent[];
}

/** A deal as the deal generator wrote it, with the fields the ledger reads. */
export interface WrittenDeal {
  id: string;
  amount: number;
  closeAt: number;
  pipelineRole: 'new_business' | 'renewal' | 'expansion';
  isClosed: boolean;
  isWon: boolean;
  /** Contract year of a renewal deal. */
  year?: number;
}

/** The ledger entry of one company from its plan and the deals written for it; open and lost upsells are left out. */
export function ledgerEntry(plan: CompanyPlan, deals: readonly WrittenDeal[]): RevenueLedgerEntry {
  const events: RevenueLedgerEvent[] = [];
  for (const deal of deals) {
    if (!deal.isClosed) continue;
    const kind = eventKind(deal);
    if (kind === undefined) continue;
    events.push({
      kind,
      dealId: deal.id,
      closedAt: new Date(deal.closeAt).toISOString(),
      amount: deal.amount,
      ...(deal.year === undefined ? {} : { year: deal.year }),
    });
  }
  // Stable: a start and an expansion closing the same millisecond keep the generator's order.
  events.sort((a, b) => (a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : 0));
  const lost = events.find((event) => event.kind === 'renewal_lost');
  return {
    companyId: plan.id,
    segmentLabel: plan.segmentLabel,
    segment: plan.segment,
    ownerId: plan.ownerId,
    contractValue: plan.contractValue,
    churnedAt: lost?.closedAt ?? null,
    events,
  };
}

function eventKind(deal: WrittenDeal): RevenueLedgerEvent['kind'] | undefined {
  if (deal.pipelineRole === 'renewal') return deal.isWon ? 'renewal_won' : 'renewal_lost';
  if (!deal.isWon) return undefined;
  return deal.pipelineRole === 'new_business' ? 'start' : 'expansion_won';
}

/** Writes the ledger as JSON Lines (one company per line), creating the folder; only evaluations read it. */
export async function writeRevenueLedger(
  path: string,
  entries: readonly RevenueLedgerEntry[],
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const lines = entries.map((entry) => JSON.stringify(entry));
  await writeFile(path, lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'utf8');
}
