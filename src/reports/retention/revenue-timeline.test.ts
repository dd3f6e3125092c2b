import { describe, expect, it } from 'vitest';

import { companyRevenueFacts, parseHubSpotTime } from './company-revenue.pure.ts';
import { dealRole } from './deal-role.pure.ts';
import { bookStages } from './retention-book.fixture.ts';
import type { RetentionDealRow } from './retention-loader.ts';
import { arrBefore, revenueTimeline, type RevenueDeal } from './revenue-timeline.pure.ts';

const at = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const won = (id: string, role: RevenueDeal['role'], dollars: number, day: string): RevenueDeal => ({
  id,
  role,
  won: true,
  arrCents: dollars * 100,
  closedAt: at(day),
});
const lost = (id: string, role: RevenueDeal['role'], day: string): RevenueDeal => ({
  ...won(id, role, 0, day),
  won: false,
});
const dollars = (steps: ReturnType<typeof revenueTimeline>) =>
  steps.map((step) => [new Date(step.at).toISOString().slice(0, 10), step.arrCents / 100]);

describe('a company’s revenue timeline', () => {
  it('when the first deal is a renewal and the company has a contract value, then the value is its revenue from the day it became a customer', () => {
    const steps = revenueTimeline({
      contractValueCents: 1_000_000,
      customerSince: at('2024-01-01'),
      deals: [won('1', 'renewal', 12_000, '2025-01-01')],
    });
    // 10,000 from 2024-01-01; the renewal re-bases it to 12,000.
    expect(dollars(steps)).toEqual([
      ['2024-01-01', 10_000],
      ['2025-01-01', 12_000],
    ]);
  });

  it('when a won new-business deal exists, then the contract value is not added on top', () => {
    const steps = revenueTimeline({
      contractValueCents: 9_999_900,
      customerSince: at('2023-01-01'),
      deals: [won('1', 'newBusiness', 5_000, '2024-03-01')],
    });
    expect(dollars(steps)).toEqual([['2024-03-01', 5_000]]);
  });

  it('when a churned company wins an upsell later, then it comes back with that amount as its new base', () => {
    const steps = revenueTimeline({
      contractValueCents: null,
      customerSince: null,
      deals: [
        won('1', 'newBusiness', 5_000, '2023-01-01'),
        lost('2', 'renewal', '2024-01-01'),
        // A lost renewal of a company that no longer pays changes nothing.
        lost('3', 'renewal', '2024-06-01'),
        won('4', 'expansion', 2_000, '2025-02-01'),
      ],
    });
    expect(dollars(steps)).toEqual([
      ['2023-01-01', 5_000],
      ['2024-01-01', 0],
      ['2025-02-01', 2_000],
    ]);
  });

  it('when a renewal is signed after an upsell, then the base changes and the upsell stays', () => {
    const steps = revenueTimeline({
      contractValueCents: null,
      customerSince: null,
      deals: [
        won('3', 'renewal', 3_000, '2025-01-01'),
        won('1', 'newBusiness', 4_000, '2024-01-01'),
        won('2', 'expansion', 1_000, '2024-06-01'),
      ],
    });
    // 4,000 → 5,000 with the upsell → base 3,000 + 1,000 = 4,000.
    expect(dollars(steps)).toEqual([
      ['2024-01-01', 4_000],
      ['2024-06-01', 5_000],
      ['2025-01-01', 4_000],
    ]);
  });

  it('when the same instant has a start and a lost renewal, then the start comes first and nothing is left', () => {
    const steps = revenueTimeline({
      contractValueCents: null,
      customerSince: null,
      deals: [lost('2', 'renewal', '2025-01-01'), won('1', 'newBusiness', 4_000, '2025-01-01')],
    });
    expect(steps).toEqual([]);
    expect(arrBefore(steps, at('2026-01-01'))).toBe(0);
  });

  it('when revenue is read at an instant, then a change at exactly that instant is not yet in it', () => {
    const steps = revenueTimeline({
      contractValueCents: null,
      customerSince: null,
      deals: [won('1', 'newBusiness', 4_000, '2025-01-01')],
    });
    expect(arrBefore(steps, at('2025-01-01'))).toBe(0);
    expect(arrBefore(steps, at('2025-01-01') + 1)).toBe(400_000);
  });
});

describe('deals as the report reads them', () => {
  const row = (fields: Partial<RetentionDealRow>): RetentionDealRow => ({
    company_id: '1',
    id: '9',
    amount: '1000',
    hs_arr: null,
    close_date: '2025-03-01T10:00:00.000Z',
    dealtype: 'newbusiness',
    pipeline: 'default',
    stage: 'closedwon',
    hs_is_closed: 'true',
    hs_is_closed_won: 'true',
    ...fields,
  });
  const company = {
    id: '1',
    owner_id: null,
    contract_value: null,
    customer_since: null,
    created_at: null,
    segment: null,
  };
  const dealsOf = (rows: RetentionDealRow[]) =>
    companyRevenueFacts([company], rows, bookStages, 'renewal').get('1')?.deals ?? [];

  it('when HubSpot has an ARR from line items, then it is the revenue instead of the amount', () => {
    expect(dealsOf([row({ hs_arr: '1200', amount: '3600' })])[0]?.arrCents).toBe(120_000);
    expect(dealsOf([row({ hs_arr: '0', amount: '3600' })])[0]?.arrCents).toBe(360_000);
  });

  it('when a stage is unknown to Harbor, then the deal’s own closed and won flags decide', () => {
    const deals = dealsOf([
      row({ id: '1', stage: 'custom_won', hs_is_closed: 'true', hs_is_closed_won: 'true' }),
      row({ id: '2', stage: 'custom_open', hs_is_closed: 'false', hs_is_closed_won: 'false' }),
      row({ id: '3', stage: 'closedwon', close_date: null }),
    ]);
    expect(deals.map((deal) => deal.id)).toEqual(['1']);
  });

  it('when a deal is marked as a renewal by type or lives in a renewal pipeline, then it is a renewal', () => {
    const role = (pipelineLabel: string | null, dealtype: string | null) =>
      dealRole({ pipelineLabel, dealtype, renewalPipelineText: 'renewal' });
    expect(role('Sales Pipeline', 'renewal')).toBe('renewal');
    expect(role('Customer RENEWALS 2026', 'existingbusiness')).toBe('renewal');
    expect(role('Upsells', 'existingbusiness')).toBe('expansion');
    expect(role('Sales Pipeline', 'newbusiness')).toBe('newBusiness');
    expect(role(null, null)).toBe('untyped');
  });

  it('when a close date is epoch milliseconds or junk, then it is read or left out', () => {
    expect(parseHubSpotTime('1735689600000')).toBe(Date.UTC(2025, 0, 1));
    expect(parseHubSpotTime('2025-01-01T00:00:00Z')).toBe(Date.UTC(2025, 0, 1));
    expect(parseHubSpotTime('soon')).toBeNull();
    expect(parseHubSpotTime('')).toBeNull();
  });
});
