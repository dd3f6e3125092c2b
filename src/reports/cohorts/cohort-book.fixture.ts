import type { StageFacts } from '../retention/company-revenue.pure.ts';
import type { RetentionCompanyRow, RetentionDealRow } from '../retention/retention-loader.ts';

/**
 * A small book for the cohort report, observed on 2026-07-01 (ARR in the deal amounts):
 *   C1 SMB, owner 101: starts 2025-01-01 00:00 at 10,000 (+5,000 upsell in March: no effect); active
 *   C2 SMB, owner 101: starts 2025-02-01 at 20,000; renewal lost 2026-02-01 (12 months: age 4.0)
 *   C3 ENTERPRISE, owner 102: starts 2025-04-01 at 100,000; active
 *   C4 SMB, owner 102: starts 2025-05-01 at 4,000; renewal lost 2025-11-01 (6 months: age 2.0)
 *   C5 SMB: starts 2024-12-15, before the window
 *   C6: no deal and no contract value: never a customer
 *   C7 SMB, owner 101: starts 2025-03-01 at 6,000; lost 2025-09-01 (age 2.0); comes back 2026-01-01
 * Worked by hand in cohort-report.test.ts.
 */
export const cohortBookNow = new Date('2026-07-01T00:00:00.000Z');

export const cohortBookStages: StageFacts[] = [
  {
    pipelineId: 'default',
    stageId: 'closedwon',
    pipelineLabel: 'Sales Pipeline',
    isClosed: true,
    isWon: true,
  },
  {
    pipelineId: 'default',
    stageId: 'closedlost',
    pipelineLabel: 'Sales Pipeline',
    isClosed: true,
    isWon: false,
  },
  { pipelineId: 'renewals', stageId: 'renewal_won', pipelineLabel: 'Renewals', isClosed: true, isWon: true },
  {
    pipelineId: 'renewals',
    stageId: 'renewal_lost',
    pipelineLabel: 'Renewals',
    isClosed: true,
    isWon: false,
  },
];

function company(id: string, segment: string | null, ownerId: string | null): RetentionCompanyRow {
  return {
    id,
    owner_id: ownerId,
    contract_value: null,
    customer_since: null,
    created_at: '2024-01-01T00:00:00.000Z',
    segment,
  };
}

export const cohortBookCompanies: RetentionCompanyRow[] = [
  company('1', 'SMB', '101'),
  company('2', 'SMB', '101'),
  company('3', 'ENTERPRISE', '102'),
  company('4', 'SMB', '102'),
  company('5', 'SMB', '101'),
  company('6', 'SMB', '101'),
  company('7', 'SMB', '101'),
];

function deal(
  id: string,
  companyId: string,
  kind: 'new' | 'upsell' | 'renewalLost',
  closedAt: string,
  amount: number,
): RetentionDealRow {
  const isRenewal = kind === 'renewalLost';
  return {
    company_id: companyId,
    id,
    amount: String(amount),
    hs_arr: null,
    close_date: `${closedAt}T00:00:00.000Z`,
    dealtype: kind === 'new' ? 'newbusiness' : 'existingbusiness',
    pipeline: isRenewal ? 'renewals' : 'default',
    stage: isRenewal ? 'renewal_lost' : 'closedwon',
    hs_is_closed: 'true',
    hs_is_closed_won: isRenewal ? 'false' : 'true',
  };
}

export const cohortBookDeals: RetentionDealRow[] = [
  deal('501', '1', 'new', '2025-01-01', 10_000),
  deal('502', '1', 'upsell', '2025-03-01', 5_000),
  deal('503', '2', 'new', '2025-02-01', 20_000),
  deal('504', '2', 'renewalLost', '2026-02-01', 20_000),
  deal('505', '3', 'new', '2025-04-01', 100_000),
  deal('506', '4', 'new', '2025-05-01', 4_000),
  deal('507', '4', 'renewalLost', '2025-11-01', 4_000),
  deal('508', '5', 'new', '2024-12-15', 9_000),
  deal('509', '7', 'new', '2025-03-01', 6_000),
  deal('510', '7', 'renewalLost', '2025-09-01', 6_000),
  deal('511', '7', 'new', '2026-01-01', 6_000),
];
