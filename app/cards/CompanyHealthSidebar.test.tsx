import { fakeHubspotFetch, requestsOf, screenText } from '@harbor/ui/testing';
import {
  Button,
  ErrorState,
  LoadingSpinner,
  ScoreCircle,
  StatisticsTrend,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { companyCardRenderer } from './card-test-kit.ts';
import { CompanyHealthSidebar } from './CompanyHealthSidebar.tsx';
import {
  atRiskView,
  escalatedTicketSignal,
  healthyView,
  signalsView,
  unscoredView,
} from './components/company-view.fixtures.ts';

function renderSidebar(locale = 'en-us') {
  const renderer = companyCardRenderer('crm.record.sidebar', locale);
  renderer.render(<CompanyHealthSidebar context={renderer.mocks.context} />);
  return renderer;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the company health sidebar', () => {
  it('when the view is on its way, then Harbor is loading and asks for this company in this portal as this user', async () => {
    const fetch = fakeHubspotFetch(() => 'pending');
    const renderer = renderSidebar();
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading Harbor…');
    await vi.waitFor(() => {
      expect(fetch).toHaveBeenCalledTimes(1);
    });
    const [request] = requestsOf(fetch);
    expect(request?.url.pathname).toBe('/api/views/company/4242');
    expect(request?.url.searchParams.get('portalId')).toBe('9000001');
    expect(request?.url.searchParams.get('userId')).toBe('7001');
  });

  it('when the company is healthy, then the score, tier, weekly trend, top driver and the way to the tab show', async () => {
    fakeHubspotFetch(() => ({ body: healthyView }));
    const renderer = renderSidebar();
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    expect(renderer.find(ScoreCircle).props.score).toBe(78);
    expect(renderer.findByTestId(Tag, 'health-tier').text).toBe('Healthy');
    expect(renderer.find(StatisticsTrend).props).toMatchObject({ direction: 'increase', value: '+2.5' });
    expect(renderer.findByTestId(Text, 'trend-d7').text).toBe('+2.5 in 7 days');
    expect(renderer.findByTestId(Text, 'top-driver').text).toBe(
      'Seat utilisation (42%) costs the score 8.6 points.',
    );
    const link = renderer.find(CrmActionLink);
    expect(link.props.actionType).toBe('RECORD_APP_LINK');
    expect(link.props.actionContext).toMatchObject({ objectId: 4242, objectTypeId: '0-2' });
    expect(link.text).toBe('Open the full health view');
    expect(renderer.maybeFindByTestId(Text, 'signal-count')).toBeNull();
  });

  it.each([
    ['en-us', [escalatedTicketSignal], '1 risk signal'],
    ['en-us', [escalatedTicketSignal, ...signalsView.signals], '2 risk signals, 1 opportunity'],
    ['pt-br', signalsView.signals, '1 sinal de risco, 1 oportunidade'],
  ] as const)(
    'when the company has open signals (%s), then one line counts them: %s',
    async (locale, signals, line) => {
      fakeHubspotFetch(() => ({ body: { ...signalsView, signals } }));
      const renderer = renderSidebar(locale);
      await renderer.waitFor(() => {
        expect(renderer.maybeFindByTestId(Text, 'signal-count')).not.toBeNull();
      });
      expect(renderer.findByTestId(Text, 'signal-count').text).toBe(line);
    },
  );

  it('when the company is about to become at risk, then the sidebar says so and the trend points down', async () => {
    fakeHubspotFetch(() => ({ body: atRiskView }));
    const renderer = renderSidebar();
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    expect(renderer.findByTestId(Tag, 'health-tier').text).toBe('Watch');
    expect(renderer.findByTestId(Text, 'pending-tier').text).toContain('The score points to At risk');
    expect(renderer.find(StatisticsTrend).props).toMatchObject({ direction: 'decrease', color: 'red' });
  });

  it('when the CSM reads Portuguese, then the glance is in Portuguese', async () => {
    fakeHubspotFetch(() => ({ body: atRiskView }));
    const renderer = renderSidebar('pt-br');
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    expect(renderer.findByTestId(Tag, 'health-tier').text).toBe('Atenção');
    expect(renderer.findByTestId(Text, 'trend-d7').text).toBe('−9,5 em 7 dias');
    expect(renderer.find(CrmActionLink).text).toBe('Abrir a visão completa de saúde');
  });

  it.each([
    ['not_synced', 'Harbor has not synced this account yet'],
    ['not_scored', 'This company has no score yet'],
    ['no_data', 'Not enough data to score this company'],
  ] as const)('when there is no score because %s, then the sidebar says why', async (reason, title) => {
    fakeHubspotFetch(() => ({ body: unscoredView(reason) }));
    const renderer = renderSidebar();
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'empty-title')).not.toBeNull();
    });
    expect(renderer.findByTestId(Text, 'empty-title').text).toBe(title);
    expect(renderer.maybeFind(ScoreCircle)).toBeNull();
  });

  it('when Harbor does not know the company yet, then the sidebar says it comes with the next sync', async () => {
    fakeHubspotFetch(() => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'unknown' } } }));
    const renderer = renderSidebar();
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'empty-body')).not.toBeNull();
    });
    expect(screenText(renderer.getRootNode())).toContain('Harbor has not seen this company yet');
  });

  it('when the service fails, then the sidebar shows the error with a retry', async () => {
    const fetch = fakeHubspotFetch(() => ({
      status: 403,
      body: { error: { code: 'PORTAL_NOT_INSTALLED', message: 'no' } },
    }));
    const renderer = renderSidebar();
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ErrorState)).not.toBeNull();
    });
    expect(screenText(renderer.getRootNode())).toContain('Harbor is not installed in this HubSpot account');
    renderer.find(ErrorState).find(Button).trigger('onClick');
    await vi.waitFor(() => {
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  });
});
