import { readTime } from '../engine/property-values.pure.ts';
import type { HealthModel } from '../model/health-model-schema.ts';

export interface RenewalDealFact {
  companyId: string;
  /** The deal's close date (expected close while open). */
  closeDate: number;
  closed: boolean;
  won: boolean;
}

export interface CompanyOutcome {
  companyId: string;
  churned: boolean;
  /** When the outcome was decided (churn date, or the renewal's close date). */
  at: number;
  source: 'churn_property' | 'renewal_deal';
}

/**
 * One outcome per company: its latest renewal. A churn recorded on the company (flag or date) wins;
 * otherwise the company's latest renewal deal says renewed (won) or churned (lost), and when that deal is
 * still open the outcome is pending and the company is left out. Earlier renewals are left out too: the
 * score answers "will the next renewal happen", what a company looked like before older renewals is rarely
 * in the data, and one row per company keeps every customer's weight equal.
 */
export function findOutcomes(
  companies: readonly { id: string; properties: Readonly<Record<string, string | null | undefined>> }[],
  renewals: readonly RenewalDealFact[],
  model: HealthModel,
  now: number,
): CompanyOutcome[] {
  const latestRenewal = new Map<string, RenewalDealFact>();
  for (const deal of renewals) {
    const known = latestRenewal.get(deal.companyId);
    if (known === undefined || deal.closeDate > known.closeDate) latestRenewal.set(deal.companyId, deal);
  }
  const { churnFlag, churnDateProperty } = model.outcomes;
  const outcomes: CompanyOutcome[] = [];
  for (const company of companies) {
    const renewal = latestRenewal.get(company.id);
    const flagged = churnFlag?.values.includes(company.properties[churnFlag.property] ?? '') ?? false;
    const churnDate = churnDateProperty === null ? null : readTime(company.properties[churnDateProperty]);
    if (flagged || churnDate !== null) {
      const lost = renewal?.closed === true && !renewal.won ? renewal.closeDate : null;
      const at = churnDate ?? lost;
      if (at !== null && at <= now) {
        outcomes.push({ companyId: company.id, churned: true, at, source: 'churn_property' });
        continue;
      }
    }
    // A churn recorded on the company but not yet dated (or dated ahead) is no renewal: leave the company out.
    if (
      renewal?.closed === true &&
      renewal.closeDate <= now &&
      !(renewal.won && (flagged || churnDate !== null))
    ) {
      outcomes.push({
        companyId: company.id,
        churned: !renewal.won,
        at: renewal.closeDate,
        source: 'renewal_deal',
      });
    }
  }
  return outcomes;
}
