import { fakeHubspotFetch, harborRenderer, readText, requestsOf } from '@harbor/ui/testing';
import { Alert, Button, Select, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { npsReportWire } from '@harbor/wire';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { npsReport } from './nps.fixtures.ts';
import { NpsPage } from './NpsPage.tsx';

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale, portalId: 4242 });
}

const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

async function opened(renderer: ReturnType<typeof setUp>) {
  renderer.render(<NpsPage />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Table, 'nps-metrics')).not.toBeNull();
  });
}

describe('the NPS page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the fixture is read, then it is a valid report', () => {
    expect(npsReportWire.safeParse(npsReport()).success).toBe(true);
  });

  it('when the page opens, then the current quarter shows NPS in words with its margin and n, shares, CSAT and CES per segment', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: npsReport() }));
    const renderer = setUp();
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('NPS programme');
    const url = requestsOf(fetch)[0]?.url;
    expect([url?.pathname, url?.searchParams.get('period')]).toEqual(['/api/reports/nps', 'quarter']);
    expect(rowTexts(renderer.findByTestId(Table, 'nps-metrics'))).toEqual([
      [
        'All customers',
        'NPS 32 (±12, n = 64)',
        '50% (38%–62%)',
        '30% (20%–42%)',
        '18% (11%–30%)',
        '75% (53%–89%) satisfied (n = 20)',
        '5.4 of 7, 67% easy (n = 12)',
      ],
      [
        'ENT',
        'Too few answers (n = 4, minimum 10)',
        '—',
        '—',
        '—',
        'Too few answers (n = 2, minimum 10)',
        'No answers',
      ],
    ]);
    expect(readText(renderer.findByTestId(Text, 'nps-partial'))).toBe(
      '2026-Q4 is not over yet: more answers can still come.',
    );
  });

  it('when customers are due a survey, then they are listed and the button puts their contacts on the list', async () => {
    const fetch = fakeHubspotFetch((_url, method) =>
      method === 'POST'
        ? {
            body: {
              listId: '17',
              listName: 'Harbor survey due 2026-Q4',
              created: true,
              companies: 2,
              contacts: 5,
              added: 5,
            },
          }
        : { body: npsReport() },
    );
    const renderer = setUp();
    await opened(renderer);

    expect(readText(renderer.findByTestId(Text, 'nps-due-summary'))).toBe(
      '2 of 40 customers have answered no survey since Aug 24, 2026 (surveys go out every quarter). Their 5 contacts with an email address can go on the HubSpot list “Harbor survey due 2026-Q4” for the next send.',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'nps-due'))).toEqual([
      ['Gamma Tools', 'Not scored yet', 'Never', '2'],
      ['Delta Foods', 'SMB', 'Jun 1, 2026', '3'],
    ]);
    renderer.findByTestId(Button, 'nps-build-list').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(Alert)).not.toBeNull();
    });
    expect(readText(renderer.find(Alert))).toContain(
      'The list “Harbor survey due 2026-Q4” is ready: 5 contacts added, 5 in all.',
    );
    expect(requestsOf(fetch).map(({ url, method }) => `${method} ${url.pathname}`)).toEqual([
      'GET /api/reports/nps',
      'POST /api/reports/nps/survey-list',
    ]);
  });

  it('when the list cannot be built, then the page says so with the code', async () => {
    fakeHubspotFetch((_url, method) =>
      method === 'POST'
        ? {
            status: 503,
            body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'HubSpot lists are not reachable' } },
          }
        : { body: npsReport() },
    );
    const renderer = setUp();
    await opened(renderer);
    renderer.findByTestId(Button, 'nps-build-list').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(Alert)).not.toBeNull();
    });
    expect(readText(renderer.find(Alert))).toContain(
      'The list was not built (SERVICE_UNAVAILABLE). Try again.',
    );
  });

  it('when detractors answered, then the loop shows its rate, median and each follow-up', async () => {
    fakeHubspotFetch(() => ({ body: npsReport() }));
    const renderer = setUp();
    await opened(renderer);
    expect(readText(renderer.findByTestId(Text, 'nps-loop-summary'))).toBe(
      '2 detractor answers · 1 followed up (50% closed loop) · median time to close: 1.3 days · 1 within 2 business days',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'nps-loop'))).toEqual([
      ['Beta Retail', '5', 'Nov 20, 2026', 'Task open, due Nov 22, 2026'],
      ['Acme Logistics', '3', 'Nov 2, 2026', 'Done Nov 3, 2026, within 2 business days'],
    ]);
  });

  it('when the period is switched to month, then the report is asked for by month', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: npsReport() }));
    const renderer = setUp();
    await opened(renderer);
    renderer.findByTestId(Select, 'nps-period').trigger('onChange', 'month' as never);
    await renderer.waitFor(() => {
      expect(requestsOf(fetch).map(({ url }) => url.searchParams.get('period'))).toEqual([
        'quarter',
        'month',
      ]);
    });
  });

  it('when the user reads Portuguese, then the page speaks it', async () => {
    fakeHubspotFetch(() => ({ body: npsReport() }));
    const renderer = setUp('pt-br');
    await opened(renderer);
    expect(renderer.find(PageTitle).text).toBe('Programa de NPS');
    expect(rowTexts(renderer.findByTestId(Table, 'nps-metrics'))[0]?.slice(0, 2)).toEqual([
      'Todos os clientes',
      'NPS 32 (±12, n = 64)',
    ]);
  });
});
