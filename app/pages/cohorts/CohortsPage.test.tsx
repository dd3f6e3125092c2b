import { fakeHubspotFetch, harborRenderer, readText, requestsOf } from '@harbor/ui/testing';
import { Button, EmptyState, LineChart, Select, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { CohortsPage } from './CohortsPage.tsx';
import { cohortReport } from './cohorts.fixtures.ts';

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale, portalId: 4242 });
}

/** Each body row of a table as the texts of its cells. */
const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

async function opened(renderer: ReturnType<typeof setUp>) {
  renderer.render(<CohortsPage />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Table, 'cohorts-summary')).not.toBeNull();
  });
}

describe('the cohorts page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the report opens, then each cohort is a survival line by age and the medians are listed', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: cohortReport() }));
    const renderer = setUp();
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Cohorts');
    const url = requestsOf(fetch)[0]?.url;
    expect(url?.pathname).toBe('/api/reports/cohorts');
    expect(url?.searchParams.get('period')).toBe('quarter');
    expect(readText(renderer.findByTestId(Text, 'cohorts-window'))).toBe(
      'Customers who started from Oct 1, 2023 to Sep 30, 2026; measured up to Jul 1, 2026.',
    );
    const logos = renderer.findByTestId(LineChart, 'cohorts-logo-chart').props;
    const points = logos.data as { age: number; survival: number; cohort: string }[];
    // 2025-Q1: 100 % to age 1, then 83.3, 66.7 and 50 % at ages 2, 3 and 4 (in percent, as the axis says).
    expect(points.filter((point) => point.cohort === '2025-Q1').map((point) => point.survival)).toEqual([
      100, 100, 83.3, 66.7, 50, 50, 50,
    ]);
    expect(new Set(points.map((point) => point.cohort))).toEqual(
      new Set(['2025-Q1', '2025-Q2', 'All cohorts']),
    );
    expect(logos.axes.x.label).toBe('Age (quarters since start)');
    const revenue = renderer.findByTestId(LineChart, 'cohorts-revenue-chart').props;
    expect(
      (revenue.data as { survival: number; cohort: string }[])
        .filter((point) => point.cohort === '2025-Q2')
        .map((point) => point.survival),
    ).toEqual([100, 100, 25]);
    expect(rowTexts(renderer.findByTestId(Table, 'cohorts-summary'))).toEqual([
      ['2025-Q1', '6', '3', '100,000', '4 quarters', 'Not reached'],
      ['2025-Q2', '2', '1', '8,000', '2 quarters', '2 quarters'],
      ['All cohorts', '8', '4', '108,000', '4 quarters', 'Not reached'],
    ]);
    // The table behind the chart starts on all cohorts together.
    expect(rowTexts(renderer.findByTestId(Table, 'cohorts-detail'))[4]).toEqual([
      '4',
      '4',
      '1',
      '0',
      '50.0%',
      '65.0%',
    ]);
  });

  it('when the reader picks a cohort, then the table behind the chart shows that cohort’s ages', async () => {
    fakeHubspotFetch(() => ({ body: cohortReport() }));
    const renderer = setUp();
    await opened(renderer);

    renderer.findByTestId(Select, 'cohorts-pick').trigger('onChange', '2025-Q2' as never);
    await renderer.waitFor(() => {
      expect(rowTexts(renderer.findByTestId(Table, 'cohorts-detail'))).toHaveLength(3);
    });
    expect(rowTexts(renderer.findByTestId(Table, 'cohorts-detail'))).toEqual([
      ['0', '2', '0', '0', '100.0%', '100.0%'],
      ['1', '2', '0', '0', '100.0%', '100.0%'],
      ['2', '2', '1', '0', '50.0%', '25.0%'],
    ]);
  });

  it('when no customer started in the window, then the page says why and can check again', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: cohortReport({ cohorts: [] }) }));
    const renderer = setUp();
    renderer.render(<CohortsPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(EmptyState)).not.toBeNull();
    });

    expect(renderer.find(EmptyState).props.title).toBe('No cohorts yet');
    expect(renderer.maybeFind(LineChart)).toBeNull();
    renderer.find(Button).trigger('onClick');
    await renderer.waitFor(() => {
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  });

  it('when the user speaks Portuguese, then the page is in Portuguese with Brazilian numbers and dates', async () => {
    fakeHubspotFetch(() => ({ body: cohortReport() }));
    const renderer = setUp('pt-br');
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Coortes');
    expect(readText(renderer.findByTestId(Text, 'cohorts-window'))).toBe(
      'Clientes que começaram de 1 de out. de 2023 a 30 de set. de 2026; medido até 1 de jul. de 2026.',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'cohorts-summary'))[0]).toEqual([
      '2025-Q1',
      '6',
      '3',
      '100.000',
      '4 trimestres',
      'Não atingida',
    ]);
    expect(renderer.findByTestId(LineChart, 'cohorts-logo-chart').props.axes.y.label).toBe(
      'Ainda clientes (%)',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'cohorts-detail'))[2]?.slice(4)).toEqual(['83,3%', '90,0%']);
  });
});
