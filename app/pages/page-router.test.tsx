import { fakeHubspotFetch, harborRenderer } from '@harbor/ui/testing';
import { EmptyState, Text } from '@hubspot/ui-extensions';
import { PageHeader, PageLink, PageTitle } from '@hubspot/ui-extensions/pages';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { appPages } from './app-pages.ts';
import { createHarborPageRouter, PageRouter } from './page-router.tsx';

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale });
}

function SignalsStandIn() {
  return <Text>signals</Text>;
}

describe("Harbor's app pages", () => {
  beforeEach(() => {
    fakeHubspotFetch(() => 'pending');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the app opens at its home, then the portfolio is the page, and the header links to every other page', () => {
    const renderer = setUp();
    renderer.mocks.setPageLocation({ path: '/', params: {} });

    renderer.render(<PageRouter />);

    expect(renderer.find(PageTitle).text).toBe('Portfolio health');
    expect(renderer.findAll(PageHeader.PageLink).map((link) => [link.props.to, link.text])).toEqual([
      ['/review', 'Weekly review'],
      ['/signals', 'Open signals'],
      ['/retention', 'Retention'],
      ['/strategy', 'Retention strategy'],
      ['/cohorts', 'Cohorts'],
      ['/nps', 'NPS'],
      ['/digest', 'Feedback digest'],
    ]);
  });

  it('when the app has only one page, then it has no header', () => {
    const Router = createHarborPageRouter(appPages.slice(0, 1));
    const renderer = setUp();
    renderer.mocks.setPageLocation({ path: '/', params: {} });

    renderer.render(<Router />);

    expect(renderer.maybeFind(PageHeader)).toBeNull();
  });

  it('when a path names no Harbor page, then the user is told in their language and offered the way home', () => {
    const renderer = setUp('pt-br');
    renderer.mocks.setPageLocation({ path: '/signals/old-bookmark', params: {} });

    renderer.render(<PageRouter />);

    expect(renderer.find(EmptyState).props.title).toBe('Página não encontrada');
    expect(renderer.find(PageLink).props.to).toBe('/');
    expect(renderer.find(PageLink).text).toBe('Voltar para a carteira');
  });

  it('when a page is added to the list, then it has a route and the other pages link to it from the header', async () => {
    const Router = createHarborPageRouter([
      ...appPages.slice(0, 3),
      { id: 'reports', path: '/reports', title: 'home.nav.portfolio', component: SignalsStandIn },
    ]);
    const renderer = setUp();
    renderer.mocks.setPageLocation({ path: '/', params: {} });
    renderer.render(<Router />);

    expect(renderer.findAll(PageHeader.PageLink).map((link) => link.props.to)).toEqual([
      '/review',
      '/signals',
      '/reports',
    ]);

    renderer.mocks.setPageLocation({ path: '/reports', params: {} });
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(Text)?.text).toBe('signals');
    });
    expect(renderer.findAll(PageHeader.PageLink).map((link) => link.props.to)).toEqual([
      '/',
      '/review',
      '/signals',
    ]);
  });
});
