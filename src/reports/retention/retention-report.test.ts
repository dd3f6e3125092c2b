import type { RetentionRowWire } from '@harbor/wire';
import { retentionReportWire } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import type { ReportQuery } from '../report-kinds.ts';
import { bookCompanies, bookDeals, bookNow, bookStages } from './retention-book.fixture.ts';
import { retentionReport } from './retention-report.pure.ts';

const inputs = {
  portalId: 77,
  companies: bookCompanies,
  deals: bookDeals,
  stages: bookStages,
  renewalPipelineText: 'renewal',
};

function report(query: Partial<ReportQuery> = {}) {
  return retentionReport(inputs, { period: 'quarter', ...query }, bookNow);
}

function row(rows: readonly RetentionRowWire[], periodStart: string, segment: string): RetentionRowWire {
  const found = rows.find(
    (candidate) => candidate.periodStart === periodStart && candidate.segment === segment,
  );
  if (found === undefined) throw new Error(`no row ${segment} ${periodStart}`);
  return found;
}

describe('retention of the hand-worked book (retention-book.fixture.ts)', () => {
  const quarters = report({ from: '2025-01-01', to: '2026-02-15' }).rows;

  it('when a quarter has renewals up and down, an expansion shared by two companies and no churn, then SMB retains 96 % gross and 106 % net', () => {
    // Q2 2025 start cohort, SMB: C1 10,000, C2 12,000, C3 8,000, C4 5,000 (its loss is at 07-01 00:00, Q3),
    // C5 5,400, C10 9,600 (contract value, no deals) → 6 customers, S = 50,000.
    // End: C1 12,000 (+2,000, the shared deal, not also C2's), C2 15,000 (+3,000), C3 6,000 (−2,000).
    // Expansion 5,000, contraction 2,000, churn 0. GRR 48,000/50,000 = 0.96; NRR 53,000/50,000 = 1.06;
    // gross churn 2,000/50,000 = 0.04; net churn (2,000 − 5,000)/50,000 = −0.06.
    expect(row(quarters, '2025-04-01', 'SMB')).toEqual({
      segment: 'SMB',
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
      complete: true,
      customersStart: 6,
      customersChurned: 0,
      startingRevenue: 50_000,
      churnedRevenue: 0,
      contractionRevenue: 2_000,
      expansionRevenue: 5_000,
      grr: 0.96,
      nrr: 1.06,
      logoChurn: 0,
      grossRevenueChurn: 0.04,
      netRevenueChurn: -0.06,
    });
  });

  it('when a customer expands and then churns in the quarter, then it counts as churned at its start revenue and new or re-activated logos stay out', () => {
    // Q2 2025, ENTERPRISE cohort: C6 50,000 and C7 50,000 (C8 joins 04-10 and churns 06-01, C9 is new on
    // 05-15, C12 comes back on 05-05: none paid on 04-01). S = 100,000.
    // C6: +10,000 on 04-15, lost 06-30 → end 0: churned 50,000 (its expansion is not counted).
    // C7: lost expansion moves nothing, the untyped won deal adds 5,000 → expansion 5,000.
    // GRR 50,000/100,000 = 0.5; NRR 55,000/100,000 = 0.55; logo churn 1/2; gross 0.5; net 45,000/100,000.
    expect(row(quarters, '2025-04-01', 'ENTERPRISE')).toMatchObject({
      customersStart: 2,
      customersChurned: 1,
      startingRevenue: 100_000,
      churnedRevenue: 50_000,
      contractionRevenue: 0,
      expansionRevenue: 5_000,
      grr: 0.5,
      nrr: 0.55,
      logoChurn: 0.5,
      grossRevenueChurn: 0.5,
      netRevenueChurn: 0.45,
    });
  });

  it('when both segments are summed, then "all" holds the whole cohort with ratios as fractions', () => {
    // Q2 2025, all: 8 customers, S = 150,000, churned 50,000, contraction 2,000, expansion 10,000.
    // GRR 98,000/150,000 = 0.6533333… → 0.653333; NRR 108,000/150,000 = 0.72; logo 1/8 = 0.125;
    // gross 52,000/150,000 = 0.3466666… → 0.346667; net 42,000/150,000 = 0.28.
    expect(row(quarters, '2025-04-01', 'all')).toMatchObject({
      customersStart: 8,
      customersChurned: 1,
      startingRevenue: 150_000,
      churnedRevenue: 50_000,
      contractionRevenue: 2_000,
      expansionRevenue: 10_000,
      grr: 0.653333,
      nrr: 0.72,
      logoChurn: 0.125,
      grossRevenueChurn: 0.346667,
      netRevenueChurn: 0.28,
    });
  });

  it('when a renewal is lost at 00:00 UTC on the first day of a quarter, then it is a churn of that quarter and re-activated logos join the next cohort', () => {
    // Q3 2025 start: SMB C1 12,000, C2 15,000, C3 6,000, C4 5,000, C5 5,400, C10 9,600 → 6, S = 53,000;
    // ENTERPRISE C7 55,000, C9 25,000, C12 18,000 → 3, S = 98,000 (C6 and C8 are at 0).
    // Only C4 moves: lost at 07-01 00:00:00.000 → churned 5,000.
    // SMB: GRR = NRR = 48,000/53,000 = 0.9056603… → 0.90566; logo 1/6 → 0.166667; churn 5/53 → 0.09434.
    // all: 9 customers, S = 151,000; GRR 146/151 = 0.9668874… → 0.966887; logo 1/9 → 0.111111;
    // gross = net = 5/151 = 0.0331125… → 0.033113.
    expect(row(quarters, '2025-07-01', 'SMB')).toMatchObject({
      customersStart: 6,
      customersChurned: 1,
      startingRevenue: 53_000,
      churnedRevenue: 5_000,
      grr: 0.90566,
      nrr: 0.90566,
      logoChurn: 0.166667,
      grossRevenueChurn: 0.09434,
      netRevenueChurn: 0.09434,
    });
    expect(row(quarters, '2025-07-01', 'ENTERPRISE')).toMatchObject({
      customersStart: 3,
      startingRevenue: 98_000,
      grr: 1,
      nrr: 1,
      logoChurn: 0,
    });
    expect(row(quarters, '2025-07-01', 'all')).toMatchObject({
      customersStart: 9,
      customersChurned: 1,
      startingRevenue: 151_000,
      grr: 0.966887,
      nrr: 0.966887,
      logoChurn: 0.111111,
      grossRevenueChurn: 0.033113,
      netRevenueChurn: 0.033113,
    });
  });

  it('when the quarter is the current one, then it is marked incomplete and counts only deals closed by now', () => {
    // Q1 2026 start: C1 12,000, C2 15,000, C3 6,000, C5 5,400, C10 9,600, C7 55,000, C9 25,000,
    // C12 18,000 → 8, S = 146,000. C9 +5,000 on 02-10; its 03-01 deal is after today.
    // NRR 151,000/146,000 = 1.0342465… → 1.034247; net churn −5,000/146,000 → −0.034247.
    // ENTERPRISE: NRR 103,000/98,000 = 1.0510204… → 1.05102.
    expect(row(quarters, '2026-01-01', 'all')).toMatchObject({
      periodEnd: '2026-03-31',
      complete: false,
      customersStart: 8,
      startingRevenue: 146_000,
      expansionRevenue: 5_000,
      grr: 1,
      nrr: 1.034247,
      netRevenueChurn: -0.034247,
    });
    expect(row(quarters, '2026-01-01', 'ENTERPRISE').nrr).toBe(1.05102);
  });

  it('when the period is a year, then a renewal re-basing keeps the add-on and two churns show', () => {
    // 2025 start: C1 10,000, C2 12,000, C3 8,000, C4 5,000, C5 4,000 + 1,000 add-on = 5,000, C10 9,600,
    // C6 50,000, C7 50,000 → 8, S = 149,600.
    // End: C1 +2,000, C2 +3,000, C5 +400 (base 4,400 + add-on 1,000), C7 +5,000 → expansion 10,400;
    // C3 −2,000; C4 and C6 churned 5,000 + 50,000 = 55,000.
    // GRR 92,600/149,600 = 0.6189839… → 0.618984; NRR 103,000/149,600 = 0.6885026… → 0.688503;
    // logo 2/8 = 0.25; gross 57,000/149,600 → 0.381016; net 46,600/149,600 = 0.3114973… → 0.311497.
    const years = report({ period: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(years.from).toBe('2025-01-01');
    expect(years.to).toBe('2025-12-31');
    expect(row(years.rows, '2025-01-01', 'all')).toMatchObject({
      complete: true,
      customersStart: 8,
      customersChurned: 2,
      startingRevenue: 149_600,
      churnedRevenue: 55_000,
      contractionRevenue: 2_000,
      expansionRevenue: 10_400,
      grr: 0.618984,
      nrr: 0.688503,
      logoChurn: 0.25,
      grossRevenueChurn: 0.381016,
      netRevenueChurn: 0.311497,
    });
  });

  it('when no window is given, then the 12 quarters ending with the current one are reported, all first', () => {
    const result = report();
    expect(retentionReportWire.parse(result)).toEqual(result);
    const starts = [...new Set(result.rows.map((entry) => entry.periodStart))];
    expect(starts).toHaveLength(12);
    expect(starts[0]).toBe('2023-04-01');
    expect(starts.at(-1)).toBe('2026-01-01');
    expect(result.rows.slice(0, 3).map((entry) => entry.segment)).toEqual(['all', 'ENTERPRISE', 'SMB']);
    // Q2 2023: only C12 (new business 2023-03-01) pays on 04-01; C6 starts in July, C10 in November 2024.
    expect(row(result.rows, '2023-04-01', 'all')).toMatchObject({
      customersStart: 1,
      startingRevenue: 20_000,
    });
    expect(row(result.rows, '2023-04-01', 'SMB')).toMatchObject({
      customersStart: 0,
      grr: null,
      logoChurn: null,
    });
  });

  it('when filtered by owner or segment, then only those companies count and a segment filter drops "all"', () => {
    // Owner 101 has C1–C5: Q2 2025 S = 50,000 − 9,600 (C10 is 102's) = 40,400, 5 customers.
    const owned = report({ from: '2025-04-01', to: '2025-06-30', ownerId: '101' }).rows;
    expect(owned.map((entry) => entry.segment)).toEqual(['all', 'SMB']);
    expect(row(owned, '2025-04-01', 'all')).toMatchObject({ customersStart: 5, startingRevenue: 40_400 });
    const enterprise = report({ from: '2025-04-01', to: '2025-09-30', segment: 'ENTERPRISE' }).rows;
    expect(enterprise.map((entry) => `${entry.periodStart} ${entry.segment}`)).toEqual([
      '2025-04-01 ENTERPRISE',
      '2025-07-01 ENTERPRISE',
    ]);
  });
});
