import { fakeHubspotFetch, harborRenderer, readText, requestsOf } from '@harbor/ui/testing';
import {
  Button,
  EmptyState,
  LineChart,
  Select,
  StatusTag,
  Table,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { retentionReport, retentionStrategy } from './retention.fixtures.ts';
import { RetentionPage } from './RetentionPage.tsx';

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale, portalId: 4242 });
}

const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

function answerBoth(report = retentionReport(), strategy = retentionStrategy()) {
  return fakeHubspotFetch((url) => ({
    body: url.pathname === '/api/reports/retention' ? report : strategy,
  }));
}

async function opened(renderer: ReturnType<typeof setUp>) {
  renderer.render(<RetentionPage />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Table, 'retention-targets')).not.toBeNull();
  });
}

describe('the retention page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when it opens, then each segment’s GRR, NRR and logo churn of the last complete quarter stand against their targets, met or missed', async () => {
    const fetch = answerBoth();
    const renderer = setUp();
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Retention');
    expect(
      requestsOf(fetch)
        .map(({ url }) => `${url.pathname}?period=${url.searchParams.get('period') ?? ''}`)
        .toSorted(),
    ).toEqual(['/api/reports/retention?period=quarter', '/api/reports/strategy?period=quarter']);
    expect(readText(renderer.findByTestId(Table, 'retention-targets'))).not.toContain('Gross revenue churn');
    expect(rowTexts(renderer.findByTestId(Table, 'retention-targets'))).toEqual([
      ['All customers', 'Gross revenue retention (GRR)', '250', '90.0%', 'at least 90.0%', 'Met', 'Flat'],
      ['All customers', 'Net revenue retention (NRR)', '250', '10.0%', 'No target', 'No target set', 'Flat'],
      ['All customers', 'Logo churn', '250', '10.0%', 'No target', 'No target set', 'Flat'],
      [
        'SMB',
        'Gross revenue retention (GRR)',
        '100',
        '85.0%',
        'at least 90.0% (whole book)',
        'Missed',
        'Worse',
      ],
      [
        'SMB',
        'Net revenue retention (NRR)',
        '100',
        '90.0%',
        'at least 100.0% (whole book)',
        'Missed',
        'Flat',
      ],
      ['SMB', 'Logo churn', '100', '4.0%', 'at most 5.0%', 'Met', 'Better'],
    ]);
    expect(
      renderer
        .findByTestId(Table, 'retention-targets')
        .findAll(StatusTag)
        .map((tag) => tag.props.variant),
    ).toEqual(['success', 'default', 'default', 'danger', 'danger', 'success']);
    expect(renderer.findByTestId(Text, 'retention-partial').text).toBe(
      '2026 Q4 is still under way: its figures can change until it ends, so the targets are checked against 2026 Q3, the last complete one.',
    );
  });

  it('when the trends are drawn, then each metric has one line per segment over quarters named like 2026 Q3, the current one marked as so far', async () => {
    answerBoth();
    const renderer = setUp();
    await opened(renderer);

    const grr = renderer.findByTestId(LineChart, 'retention-chart-grr');
    const data = grr.props.data as { period: string; segment: string; percent: number }[];
    expect(data[0]).toEqual({ period: '2024 Q1', segment: 'All customers', percent: 90 });
    expect(data.filter((point) => point.segment === 'SMB')).toHaveLength(8);
    expect(data.at(-1)).toEqual({ period: '2026 Q4 (so far)', segment: 'SMB', percent: 85 });
    expect(grr.props.axes.x).toEqual({ field: 'period', fieldType: 'category', label: 'Period' });
    expect(grr.props.axes.options).toEqual({ groupFieldByColor: 'segment' });
    expect(grr.props.options?.title).toBe('Gross revenue retention (GRR)');
    expect(renderer.findByTestId(LineChart, 'retention-chart-nrr')).toBeDefined();
    expect(renderer.findByTestId(LineChart, 'retention-chart-logoChurn')).toBeDefined();
  });

  it('when the lead picks months, then both the report and the strategy are asked for months', async () => {
    const fetch = answerBoth();
    const renderer = setUp();
    await opened(renderer);

    renderer.findByTestId(Select, 'retention-period').trigger('onChange', 'month' as never);
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(4);
    });
    expect(
      requestsOf(fetch)
        .slice(2)
        .map(({ url }) => url.searchParams.get('period')),
    ).toEqual(['month', 'month']);
  });

  it('when the portal has no customers yet, then the page says how retention is measured and can check again', async () => {
    const report = retentionReport({
      rows: retentionReport().rows.map((row) => ({ ...row, customersStart: 0, grr: null, nrr: null })),
    });
    const fetch = answerBoth(report);
    const renderer = setUp();
    renderer.render(<RetentionPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(EmptyState)).not.toBeNull();
    });
    expect(renderer.find(EmptyState).props.title).toBe('No customers to measure yet');
    renderer.find(EmptyState).find(Button).trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(4);
    });
  });

  it('when the service fails, then the page says so with a retry', async () => {
    fakeHubspotFetch(() => ({
      status: 503,
      body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } },
    }));
    const renderer = setUp();
    renderer.render(<RetentionPage />);
    await renderer.waitFor(() => {
      expect(readText(renderer.getRootNode())).toContain('SERVICE_UNAVAILABLE');
    });
  });

  it('when the user reads Portuguese, then the page, the quarters and the percentages are in Portuguese', async () => {
    answerBoth();
    const renderer = setUp('pt-br');
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Retenção');
    expect(rowTexts(renderer.findByTestId(Table, 'retention-targets'))[3]).toEqual([
      'SMB',
      'Retenção bruta de receita (GRR)',
      '100',
      '85,0%',
      'no mínimo 90,0% (carteira toda)',
      'Não atingida',
      'Pior',
    ]);
    const data = renderer.findByTestId(LineChart, 'retention-chart-grr').props.data as { period: string }[];
    expect(data.at(-1)?.period).toBe('2026 T4 (até agora)');
  });
});
