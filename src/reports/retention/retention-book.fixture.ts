import type { StageFacts } from './company-revenue.pure.ts';
import type { RetentionCompanyRow, RetentionDealRow } from './retention-loader.ts';

/**
 * A hand-worked book of twelve companies in two segments (SMB, ENTERPRISE), ARR in dollars; the tests compute
 * every metric from it in their comments. Today is 2026-02-15 12:00 UTC. Owners: 101 has C1–C5, 102 the rest.
 *
 * C1  SMB  new business 2024-03-10 10,000; renewal won 2025-03-10 10,000 (flat); shares one won expansion
 *          of 2,000 on 2025-05-25 with C2 — it counts once, for C1 (the smaller id)        → 12,000
 * C2  SMB  new business 2024-05-01 12,000; renewal won 2025-05-01 15,000 (+3,000)            → 15,000
 * C3  SMB  new business 2024-06-15 8,000; renewal won 2025-06-15 6,000 (−2,000)              → 6,000
 * C4  SMB  new business 2024-04-20 5,000; renewal lost at 2025-07-01 00:00:00.000 UTC: a churn of Q3, not Q2
 * C5  SMB  new business 2024-01-05 4,000; expansion won 2024-09-01 1,000 (5,000); renewal won 2025-01-05
 *          4,400: the base 4,000 → 4,400, the add-on stays (+400)                              → 5,400
 * C6  ENT  new business 2023-07-01 50,000; renewal won 2024-07-01 50,000; expansion won 2025-04-15 10,000
 *          (60,000); renewal lost 2025-06-30: churned in Q2 at its start revenue 50,000
 * C7  ENT  new business 2024-02-01 50,000; expansion lost 2025-05-10 20,000 (moves nothing); a won deal with
 *          no dealtype on 2025-06-10 5,000: the company pays, so an expansion (55,000); an open renewal
 *          closing 2026-02-01 (moves nothing)                                                 → 55,000
 * C8  ENT  join-and-churn: new business 2025-04-10 30,000, renewal lost 2025-06-01: in no cohort
 * C9  ENT  new logo: new business 2025-05-15 25,000; expansion won 2026-02-10 5,000; a second one whose
 *          close date 2026-03-01 is after today (moves nothing yet)                           → 30,000
 * C10 SMB  no deals; contract value 9,600, became a customer 2024-11-01                        → 9,600
 * C11 SMB  no deals, no contract value: never a customer
 * C12 ENT  new business 2023-03-01 20,000; renewal lost 2024-03-01 (churn); re-activated by new business
 *          2025-05-05 18,000: not in Q2's cohort, in Q3's                                    → 18,000
 */
export const bookNow = new Date('2026-02-15T12:00:00.000Z');

export const bookStages: StageFacts[] = [
  {
    pipelineId: 'default',
    stageId: 'contractsent',
    pipelineLabel: 'Sales Pipeline',
    isClosed: false,
    isWon: false,
  },
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
  {
    pipelineId: 'renewals',
    stageId: 'renewal_upcoming',
    pipelineLabel: 'Renewals',
    isClosed: false,
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

function company(
  id: string,
  segment: 'SMB' | 'ENTERPRISE',
  owner: '101' | '102',
  extra: Partial<RetentionCompanyRow> = {},
): RetentionCompanyRow {
  return {
    id,
    owner_id: owner,
    contract_value: null,
    customer_since: null,
    created_at: '2023-01-01T00:00:00.000Z',
    segment,
    ...extra,
  };
}

export const bookCompanies: RetentionCompanyRow[] = [
  company('1001', 'SMB', '101'),
  company('1002', 'SMB', '101'),
  company('1003', 'SMB', '101'),
  company('1004', 'SMB', '101'),
  company('1005', 'SMB', '101'),
  company('1006', 'ENTERPRISE', '102'),
  company('1007', 'ENTERPRISE', '102'),
  company('1008', 'ENTERPRISE', '102'),
  company('1009', 'ENTERPRISE', '102'),
  company('1010', 'SMB', '102', { contract_value: '9600', customer_since: '2024-11-01T00:00:00.000Z' }),
  company('1011', 'SMB', '102'),
  company('1012', 'ENTERPRISE', '102'),
];

type Kind = 'new' | 'expansion' | 'untyped' | 'renewal';

/** A deal of `companyId`; `stage` is one of bookStages in the pipeline its kind lives in. */
function deal(
  id: string,
  companyId: string,
  kind: Kind,
  stage: 'won' | 'lost' | 'open',
  amount: number,
  closeDate: string,
): RetentionDealRow {
  const renewal = kind === 'renewal';
  const stageId = renewal
    ? { won: 'renewal_won', lost: 'renewal_lost', open: 'renewal_upcoming' }[stage]
    : { won: 'closedwon', lost: 'closedlost', open: 'contractsent' }[stage];
  return {
    company_id: companyId,
    id,
    amount: String(amount),
    hs_arr: null,
    close_date: closeDate.length === 10 ? `${closeDate}T14:00:00.000Z` : closeDate,
    dealtype: {
      new: 'newbusiness',
      expansion: 'existingbusiness',
      untyped: null,
      renewal: 'existingbusiness',
    }[kind],
    pipeline: renewal ? 'renewals' : 'default',
    stage: stageId,
    hs_is_closed: String(stage !== 'open'),
    hs_is_closed_won: String(stage === 'won'),
  };
}

export const bookDeals: RetentionDealRow[] = [
  deal('5001', '1001', 'new', 'won', 10_000, '2024-03-10'),
  deal('5002', '1001', 'renewal', 'won', 10_000, '2025-03-10'),
  deal('5003', '1002', 'expansion', 'won', 2_000, '2025-05-25'),
  deal('5003', '1001', 'expansion', 'won', 2_000, '2025-05-25'),
  deal('5004', '1002', 'new', 'won', 12_000, '2024-05-01'),
  deal('5005', '1002', 'renewal', 'won', 15_000, '2025-05-01'),
  deal('5006', '1003', 'new', 'won', 8_000, '2024-06-15'),
  deal('5007', '1003', 'renewal', 'won', 6_000, '2025-06-15'),
  deal('5008', '1004', 'new', 'won', 5_000, '2024-04-20'),
  deal('5009', '1004', 'renewal', 'lost', 5_000, '2025-07-01T00:00:00.000Z'),
  deal('5010', '1005', 'new', 'won', 4_000, '2024-01-05'),
  deal('5011', '1005', 'expansion', 'won', 1_000, '2024-09-01'),
  deal('5012', '1005', 'renewal', 'won', 4_400, '2025-01-05'),
  deal('5013', '1006', 'new', 'won', 50_000, '2023-07-01'),
  deal('5014', '1006', 'renewal', 'won', 50_000, '2024-07-01'),
  deal('5015', '1006', 'expansion', 'won', 10_000, '2025-04-15'),
  deal('5016', '1006', 'renewal', 'lost', 60_000, '2025-06-30'),
  deal('5017', '1007', 'new', 'won', 50_000, '2024-02-01'),
  deal('5018', '1007', 'expansion', 'lost', 20_000, '2025-05-10'),
  deal('5019', '1007', 'untyped', 'won', 5_000, '2025-06-10'),
  deal('5020', '1007', 'renewal', 'open', 55_000, '2026-02-01'),
  deal('5021', '1008', 'new', 'won', 30_000, '2025-04-10'),
  deal('5022', '1008', 'renewal', 'lost', 30_000, '2025-06-01'),
  deal('5023', '1009', 'new', 'won', 25_000, '2025-05-15'),
  deal('5024', '1009', 'expansion', 'won', 5_000, '2026-02-10'),
  deal('5025', '1009', 'expansion', 'won', 3_000, '2026-03-01'),
  deal('5026', '1012', 'new', 'won', 20_000, '2023-03-01'),
  deal('5027', '1012', 'renewal', 'lost', 20_000, '2024-03-01'),
  deal('5028', '1012', 'new', 'won', 18_000, '2025-05-05'),
];
