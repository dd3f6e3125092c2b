import { fakeHubspotFetch, harborRenderer, readText, requestsOf } from '@harbor/ui/testing';
import { EmptyState, Select, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { digestList, novemberDigest, octoberDigest } from './digest.fixtures.ts';
import { DigestPage } from './DigestPage.tsx';

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale, portalId: 4242 });
}

const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

function answers(url: URL) {
  if (url.pathname === '/api/reports/digests') return { body: digestList };
  if (url.pathname === '/api/reports/digests/2026-11')
    return { body: { digest: novemberDigest, markdown: '# x' } };
  if (url.pathname === '/api/reports/digests/2026-10')
    return { body: { digest: octoberDigest, markdown: '# x' } };
  return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such digest' } } };
}

describe('the feedback digest page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when digests are stored, then the newest month opens with its themes, contract value, trend and quotes', async () => {
    const fetch = fakeHubspotFetch(answers);
    const renderer = setUp();
    renderer.render(<DigestPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'digest-themes')).not.toBeNull();
    });

    expect(renderer.find(PageTitle).text).toBe('Feedback digest');
    expect(requestsOf(fetch).map((request) => request.url.pathname)).toEqual([
      '/api/reports/digests',
      '/api/reports/digests/2026-11',
    ]);
    expect(renderer.findByTestId(Select, 'digest-pick').props.options).toEqual([
      { label: 'November 2026', value: '2026-11' },
      { label: 'October 2026', value: '2026-10' },
    ]);
    expect(renderer.findByTestId(Text, 'digest-summary').text).toBe(
      '6 comments and tickets in 2 themes, from 4 survey comments and 2 feature-request tickets. Last month: 1.',
    );
    expect(renderer.findByTestId(Text, 'digest-delivery').text).toBe(
      'Sent to the product owner as a HubSpot task. Built on Dec 1, 2026. Months are calendar months in UTC.',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'digest-themes'))).toEqual([
      ['excel · export · reports', '4', '3', 'R$42,000 (1 company has no contract value)', 'Up from 1'],
      ['login · sso', '2', '2', 'R$38,000', 'New (none last month)'],
    ]);
    expect(renderer.findByTestId(Text, 'digest-quote-0-1').text).toBe(
      '“Request: export reports to Excel” — company unknown (ticket)',
    );
  });

  it('when another month is picked, then that month is fetched and an empty month says there was no feedback', async () => {
    const fetch = fakeHubspotFetch(answers);
    const renderer = setUp();
    renderer.render(<DigestPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'digest-themes')).not.toBeNull();
    });
    renderer.findByTestId(Select, 'digest-pick').trigger('onChange', '2026-10' as never);
    await renderer.waitFor(() => {
      expect(renderer.findByTestId(Text, 'digest-summary').text).toBe(
        'No survey comments or feature-request tickets that month.',
      );
    });
    expect(requestsOf(fetch).at(-1)?.url.pathname).toBe('/api/reports/digests/2026-10');
    expect(renderer.maybeFindByTestId(Table, 'digest-themes')).toBeNull();
    expect(renderer.findByTestId(Text, 'digest-delivery').text).toContain(
      'Nothing sent: there was no feedback that month.',
    );
  });

  it('when no digest is stored yet, then the page says when the first one comes, in Portuguese too', async () => {
    fakeHubspotFetch(() => ({ body: { digests: [] } }));
    const renderer = setUp('pt-br');
    renderer.render(<DigestPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(EmptyState)).not.toBeNull();
    });
    expect(renderer.find(PageTitle).text).toBe('Resumo de feedback');
    expect(renderer.find(EmptyState).props.title).toBe('Ainda não há resumo');
    expect(renderer.find(EmptyState).find(Text).text).toContain('no dia 1º de cada mês (06:23 UTC)');
  });
});
