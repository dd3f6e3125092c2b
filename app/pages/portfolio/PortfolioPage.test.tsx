import { fakeHubspotFetch, harborRenderer, readText, requestsOf, type FakeAnswer } from '@harbor/ui/testing';
import {
  BarChart,
  Button,
  EmptyState,
  ErrorState,
  Link,
  LoadingSpinner,
  StatisticsItem,
  Table,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import type { HomeAtRiskCompanyWire, HomeViewWire } from '@harbor/wire';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PortfolioPage } from './PortfolioPage.tsx';

const atRisk = (companyId: string, name: string, contractValue: number | null): HomeAtRiskCompanyWire => ({
  companyId,
  name,
  score: 24,
  tier: 'at_risk',
  segment: 'ENTERPRISE',
  topDriver: {
    indicator: 'login_trend',
    component: 'usage',
    label: 'Login trend',
    value: 0.4,
    pointsLost: 18.5,
  },
  owner: { id: '501', name: 'Casey Moss' },
  contractValue,
  renewalDate: '2026-12-24',
});

function portfolio(overrides: Partial<HomeViewWire> = {}): HomeViewWire {
  return {
    generatedAt: '2026-11-24T12:00:00.000Z',
    currency: 'USD',
    scoredCompanies: 42,
    tiersBySegment: [
      { segment: 'ENTERPRISE', healthy: 5, watch: 2, at_risk: 3, noData: 0 },
      { segment: 'SMB', healthy: 20, watch: 8, at_risk: 3, noData: 1 },
    ],
    atRisk: {
      total: 6,
      contractValueAtRisk: 420_000,
      companies: [atRisk('2001', 'Acme Logistics', 120_000), atRisk('2002', 'Beta Foods', 80_000)],
      nextCursor: '80000~2002',
    },
    tierChanges: {
      since: '2026-11-17T12:00:00.000Z',
      total: 1,
      companies: [
        {
          companyId: '2006',
          name: 'Zeta Health',
          from: 'healthy',
          to: 'watch',
          changedAt: '2026-11-21T08:00:00.000Z',
          score: 58,
        },
      ],
    },
    renewals: {
      from: '2026-11-24',
      to: '2027-02-22',
      total: 1,
      companies: [
        {
          companyId: '2006',
          name: 'Zeta Health',
          renewalDate: '2026-12-04',
          tier: 'watch',
          score: 58,
          contractValue: 9_500,
        },
      ],
    },
    backtest: {
      measuredAt: '2026-11-20T09:00:00.000Z',
      auc: 0.71,
      topDecileLift: 2.4,
      renewals: 190,
      heldOut: 48,
    },
    portfolioAlerts: { open: [], openTotal: 0, cleared: [] },
    ...overrides,
  };
}

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale, portalId: 4242 });
}

/** Each body row of a table as the texts of its cells. */
const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

describe('the portfolio home page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the page opens, then the user sees Harbor loading, and the view is asked for in their portal and name', async () => {
    const fetch = fakeHubspotFetch(() => 'pending');
    const renderer = setUp();

    renderer.render(<PortfolioPage />);
    // Nothing re-renders until the answer comes, so the kit's waitFor would not look again.
    await vi.waitFor(() => {
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    expect(renderer.find(PageTitle).text).toBe('Portfolio health');
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading Harbor…');
    const url = requestsOf(fetch)[0]?.url;
    expect(`${url?.origin ?? ''}${url?.pathname ?? ''}`).toBe('https://harbor.test/api/views/home');
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      portalId: '4242',
      userId: '7001',
      limit: '25',
    });
  });

  it('when companies are at risk, then the leader sees the tiers, the at-risk table by contract value with links, changes, renewals and the backtest', async () => {
    fakeHubspotFetch(() => ({ body: portfolio() }));
    const renderer = setUp();

    renderer.render(<PortfolioPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'at-risk-table')).not.toBeNull();
    });

    const chart = renderer.findByTestId(BarChart, 'tier-distribution');
    expect(chart.props.data).toContainEqual({ segment: 'SMB', tier: 'At risk', companies: 3 });
    expect(chart.props.data).toContainEqual({ segment: 'SMB', tier: 'No data', companies: 1 });
    expect(renderer.findByTestId(Text, 'at-risk-summary').text).toBe(
      '6 companies at risk, with $420,000 in contract value',
    );
    const table = renderer.findByTestId(Table, 'at-risk-table');
    expect(table.props).toMatchObject({ paginated: true, page: 1, pageCount: 2 });
    expect(rowTexts(table)).toEqual([
      ['Acme Logistics', '24', 'Login trend (−18.5 points)', 'Casey Moss', '$120,000', 'Dec 24, 2026'],
      ['Beta Foods', '24', 'Login trend (−18.5 points)', 'Casey Moss', '$80,000', 'Dec 24, 2026'],
    ]);
    expect(table.find(Link).props.href).toBe('https://app.hubspot.com/contacts/4242/record/0-2/2001');
    expect(rowTexts(renderer.findByTestId(Table, 'tier-changes-table'))).toEqual([
      ['Zeta Health', 'Healthy → Watch', 'Nov 21, 2026', '58'],
    ]);
    expect(rowTexts(renderer.findByTestId(Table, 'renewals-table'))).toEqual([
      ['Zeta Health', 'Dec 4, 2026 (in 10 days)', 'Watch', '$9,500'],
    ]);
    expect(renderer.findAll(StatisticsItem).map((item) => [item.props.label, item.props.number])).toEqual([
      ['AUC (0.5 is chance, 1 is perfect)', '0.71'],
      ['Churn lift in the lowest 10% of scores', '2.4×'],
      ['Past renewals judged', '190'],
    ]);
  });

  it('when HubSpot has not told Harbor the portal currency yet, then amounts are plain numbers with no symbol', async () => {
    fakeHubspotFetch(() => ({ body: portfolio({ currency: null }) }));
    const renderer = setUp();

    renderer.render(<PortfolioPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'at-risk-table')).not.toBeNull();
    });

    expect(renderer.findByTestId(Text, 'at-risk-summary').text).toBe(
      '6 companies at risk, with 420,000 in contract value',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'renewals-table'))[0]?.at(-1)).toBe('9,500');
  });

  it('when the next page of at-risk companies is chosen, then it is fetched with the cursor and its companies replace the first page', async () => {
    let sendSecondPage = (): void => undefined;
    const secondPage = new Promise<FakeAnswer>((resolve) => {
      sendSecondPage = () => {
        resolve({
          body: portfolio({
            atRisk: {
              total: 3,
              contractValueAtRisk: 420_000,
              companies: [atRisk('2003', 'Gamma Tools', null)],
              nextCursor: null,
            },
          }),
        });
      };
    });
    const fetch = fakeHubspotFetch((url) =>
      url.searchParams.get('cursor') === '80000~2002' ? secondPage : { body: portfolio() },
    );
    const renderer = setUp();
    renderer.render(<PortfolioPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'at-risk-table')).not.toBeNull();
    });

    // The kit cannot name the events of Table's props (a union of paged and unpaged): say which it is.
    const paged = renderer.findByTestId(Table, 'at-risk-table') as unknown as RenderedElementNode<{
      onPageChange: (page: number) => void;
    }>;
    paged.trigger('onPageChange', 2 as never);
    // While the page is on its way, the first page stays on screen with a spinner above it.
    await renderer.waitFor(() => {
      expect(renderer.find(LoadingSpinner).props.label).toBe('Loading this page…');
    });
    expect(rowTexts(renderer.findByTestId(Table, 'at-risk-table'))[0]?.[0]).toBe('Acme Logistics');
    sendSecondPage();
    await renderer.waitFor(() => {
      expect(rowTexts(renderer.findByTestId(Table, 'at-risk-table'))[0]?.[0]).toBe('Gamma Tools');
    });

    expect(requestsOf(fetch).map(({ url }) => url.searchParams.get('cursor'))).toEqual([null, '80000~2002']);
    const table = renderer.findByTestId(Table, 'at-risk-table');
    expect(table.props).toMatchObject({ page: 2, pageCount: 2 });
    expect(renderer.maybeFind(LoadingSpinner)).toBeNull();
    expect(rowTexts(table)).toEqual([
      ['Gamma Tools', '24', 'Login trend (−18.5 points)', 'Casey Moss', 'Not set', 'Dec 24, 2026'],
    ]);
  });

  it('when nothing has been scored yet, then the page says so, what happens next, and can check again', async () => {
    const fetch = fakeHubspotFetch(() => ({
      body: portfolio({
        scoredCompanies: 0,
        tiersBySegment: [],
        atRisk: { total: 0, contractValueAtRisk: 0, companies: [], nextCursor: null },
        backtest: null,
      }),
    }));
    const renderer = setUp();
    renderer.render(<PortfolioPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(EmptyState)).not.toBeNull();
    });

    expect(renderer.find(EmptyState).props.title).toBe('No companies scored yet');
    expect(readText(renderer.find(EmptyState))).toContain('after the first sync');
    expect(renderer.maybeFind(Table)).toBeNull();
    renderer.find(Button).trigger('onClick');
    await renderer.waitFor(() => {
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  });

  it('when Harbor is not installed in the portal, then the page says so and can try again', async () => {
    fakeHubspotFetch(() => ({
      status: 403,
      body: { error: { code: 'PORTAL_NOT_INSTALLED', message: 'not installed' } },
    }));
    const renderer = setUp();
    renderer.render(<PortfolioPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ErrorState)).not.toBeNull();
    });

    expect(readText(renderer.find(ErrorState))).toContain('Harbor is not installed in this HubSpot account');
    expect(renderer.find(Button).text).toBe('Try again');
  });

  it('when the user speaks Portuguese, then the page is in Portuguese with Brazilian numbers and dates', async () => {
    fakeHubspotFetch(() => ({ body: portfolio() }));
    const renderer = setUp('pt-br');
    renderer.render(<PortfolioPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'at-risk-table')).not.toBeNull();
    });

    expect(renderer.find(PageTitle).text).toBe('Saúde da carteira');
    expect(renderer.findByTestId(Text, 'at-risk-summary').text).toBe(
      '6 empresas em risco, com US$\u00a0420.000 em valor de contrato',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'at-risk-table'))[0]).toEqual([
      'Acme Logistics',
      '24',
      'Login trend (−18,5 pontos)',
      'Casey Moss',
      'US$\u00a0120.000',
      '24 de dez. de 2026',
    ]);
    expect(rowTexts(renderer.findByTestId(Table, 'renewals-table'))).toEqual([
      ['Zeta Health', '4 de dez. de 2026 (em 10 dias)', 'Atenção', 'US$\u00a09.500'],
    ]);
    expect(renderer.findAll(StatisticsItem)[0]?.props.number).toBe('0,71');
  });
});
