import { fakeHubspotFetch, requestsOf, screenText, serviceUrl, type FakeAnswer } from '@harbor/ui/testing';
import { companyViewWire } from '@harbor/wire';
import {
  Button,
  ErrorState,
  LoadingButton,
  LoadingSpinner,
  Panel,
  ProgressBar,
  ScoreCircle,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import type { RenderedFragmentNode } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { companyCardRenderer } from './card-test-kit.ts';
import { CompanyHealthTab } from './CompanyHealthTab.tsx';
import {
  atRiskView,
  escalatedTicketSignal,
  healthyView,
  signalsView,
  unscoredView,
} from './components/company-view.fixtures.ts';

function renderTab(locale = 'en-us') {
  const renderer = companyCardRenderer('crm.record.tab', locale);
  renderer.render(<CompanyHealthTab context={renderer.mocks.context} actions={renderer.mocks.actions} />);
  return renderer;
}

const viewPath = '/api/views/company/4242';

/** The healthy company's tab, loaded, with Rescore now clicked; the rescore request gets `rescoreAnswer`. */
async function clickRescore(rescoreAnswer: FakeAnswer) {
  const fetch = fakeHubspotFetch((_url, method) =>
    method === 'POST' ? rescoreAnswer : { body: healthyView },
  );
  const renderer = renderTab();
  await renderer.waitFor(() => {
    expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
  });
  renderer.findByTestId(LoadingButton, 'rescore').trigger('onClick');
  return { fetch, renderer };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the company health tab', () => {
  it('when the fixtures are used, then every one is a valid view answer', () => {
    for (const view of [
      healthyView,
      atRiskView,
      signalsView,
      { ...signalsView, signals: [escalatedTicketSignal] },
      unscoredView('not_synced'),
      unscoredView('not_scored'),
      unscoredView('no_data'),
    ])
      expect(companyViewWire.safeParse(view).success).toBe(true);
  });

  it('when the view is on its way, then the CSM sees Harbor loading and the request names the portal, user and company', async () => {
    const fetch = fakeHubspotFetch(() => 'pending');
    const renderer = renderTab();
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading Harbor…');
    // Nothing re-renders while the answer is pending, so renderer.waitFor would not look again.
    await vi.waitFor(() => {
      expect(fetch).toHaveBeenCalledTimes(1);
    });
    const [request] = requestsOf(fetch);
    expect(request?.method).toBe('GET');
    expect(`${request!.url.origin}${request!.url.pathname}`).toBe(`${serviceUrl}${viewPath}`);
    expect(request?.url.searchParams.get('portalId')).toBe('9000001');
    expect(request?.url.searchParams.get('userId')).toBe('7001');
  });

  it('when the company is healthy, then the score, tier, breakdown, driver, renewal and surveys are shown', async () => {
    fakeHubspotFetch(() => ({ body: healthyView }));
    const renderer = renderTab();
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    expect(renderer.find(ScoreCircle).props.score).toBe(78);
    expect(renderer.findByTestId(Tag, 'health-tier').text).toBe('Healthy');
    expect(renderer.maybeFindByTestId(Text, 'pending-tier')).toBeNull();
    const text = screenText(renderer.getRootNode());
    expect(text).toContain('In this tier since Oct 1, 2026');
    expect(text).toContain('Confidence: 86%');
    expect(text).toContain('Churn risk at renewal: 6%');
    expect(renderer.findByTestId(Text, 'indicator-seat_utilisation').text).toBe(
      'Seat utilisation: 42% → 35 pts',
    );
    expect(renderer.findByTestId(Text, 'indicator-days_since_last_activity').text).toBe(
      'Days since last activity: 2 days → 92.5 pts',
    );
    expect(renderer.findByTestId(ProgressBar, 'component-usage').props.valueDescription).toBe(
      '26.5 of 40 points',
    );
    expect(renderer.findByTestId(Text, 'dropped-payment').text).toBe(
      'Payment: no data (no HubSpot property is mapped for it in Harbor’s settings)',
    );
    expect(renderer.findByTestId(Text, 'top-driver').text).toBe(
      'Seat utilisation (42%) costs the score 8.6 points.',
    );
    expect(renderer.findByTestId(Text, 'change-usage').text).toBe('Usage: +1.8 points');
    expect(renderer.findByTestId(Text, 'renewal').text).toBe('Jan 2, 2027 (in 30 days)');
    expect(renderer.findByTestId(Text, 'contract-value').text).toBe('42,000');
    expect(text).toContain('2 promoters · 1 passives · 1 detractors');
    expect(renderer.findByTestId(Text, 'latest-comment').text).toBe('“Onboarding was slow”');
    const actions = renderer.findAll(CrmActionButton).map((button) => button.props.actionType);
    expect(actions).toEqual(['ADD_TASK', 'SCHEDULE_MEETING', 'SEND_EMAIL']);
    expect(renderer.find(CrmActionButton).props.actionContext).toEqual({
      objectId: 4242,
      objectTypeId: '0-2',
    });
  });

  it('when the company is sliding towards at risk, then the CSM sees the tier it is heading to and the weekly drop', async () => {
    fakeHubspotFetch(() => ({ body: atRiskView }));
    const renderer = renderTab();
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    expect(renderer.findByTestId(Tag, 'health-tier').text).toBe('Watch');
    expect(renderer.findByTestId(Text, 'pending-tier').text).toBe(
      'The score points to At risk; the tier changes once the company has held its current one for 7 days.',
    );
    expect(renderer.findByTestId(Text, 'top-driver').text).toBe(
      'Days since CSM touch (64 days) costs the score 12.4 points.',
    );
    expect(renderer.findByTestId(Text, 'change-engagement').text).toBe('Engagement: −6.2 points');
    expect(screenText(renderer.getRootNode())).toContain('−9.5');
  });

  it('when the CSM reads Portuguese, then texts, numbers and dates are Brazilian', async () => {
    fakeHubspotFetch(() => ({ body: atRiskView }));
    const renderer = renderTab('pt-br');
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    expect(renderer.findByTestId(Tag, 'health-tier').text).toBe('Atenção');
    expect(renderer.findByTestId(Text, 'pending-tier').text).toContain('A pontuação aponta para Em risco');
    expect(renderer.findByTestId(Text, 'indicator-seat_utilisation').text).toBe(
      'Uso das licenças: 42% → 35 pts',
    );
    expect(renderer.findByTestId(Text, 'contract-value').text).toBe('42.000');
    expect(renderer.findByTestId(Text, 'renewal').text).toBe('2 de jan. de 2027 (em 30 dias)');
    expect(renderer.findByTestId(LoadingButton, 'rescore').text).toBe('Recalcular agora');
  });

  it.each([
    ['not_synced', 'Harbor has not synced this account yet', false],
    ['not_scored', 'This company has no score yet', true],
    ['no_data', 'Not enough data to score this company', true],
  ] as const)(
    'when there is no score because %s, then the card says why and what to do',
    async (reason, title, canRescore) => {
      fakeHubspotFetch(() => ({ body: unscoredView(reason) }));
      const renderer = renderTab();
      await renderer.waitFor(() => {
        expect(renderer.maybeFindByTestId(Text, 'empty-body')).not.toBeNull();
      });
      expect(screenText(renderer.getRootNode())).toContain(title);
      expect(renderer.maybeFind(ScoreCircle)).toBeNull();
      expect(renderer.maybeFindByTestId(LoadingButton, 'rescore') !== null).toBe(canRescore);
      if (reason === 'no_data')
        expect(screenText(renderer.getRootNode())).toContain(
          'Sentiment: no data (no survey answers in the last 365 days)',
        );
    },
  );

  it('when Harbor does not know the company yet, then the card says it arrives with the next sync', async () => {
    fakeHubspotFetch(() => ({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'no such company' } },
    }));
    const renderer = renderTab();
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'empty-body')).not.toBeNull();
    });
    expect(screenText(renderer.getRootNode())).toContain('Harbor has not seen this company yet');
  });

  it('when the service fails, then the CSM sees the error and a retry loads the view again', async () => {
    let calls = 0;
    const fetch = fakeHubspotFetch(() => {
      calls += 1;
      return calls === 1
        ? { status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } }
        : { body: healthyView };
    });
    const renderer = renderTab();
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ErrorState)).not.toBeNull();
    });
    expect(screenText(renderer.getRootNode())).toContain('(INTERNAL)');
    renderer.find(ErrorState).find(Button).trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    expect(requestsOf(fetch)).toHaveLength(2);
  });

  it('when the CSM clicks Rescore now, then the portal is rescored, an alert confirms it and the view reloads', async () => {
    const { fetch, renderer } = await clickRescore({
      status: 202,
      body: { portalId: 9_000_001, status: 'started' },
    });
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    const [, rescore, reload] = requestsOf(fetch);
    expect(rescore?.method).toBe('POST');
    expect(rescore?.url.pathname).toBe('/api/health/rescore');
    expect(rescore?.url.searchParams.get('portalId')).toBe('9000001');
    expect(rescore?.url.searchParams.get('userId')).toBe('7001');
    expect(reload?.url.pathname).toBe(viewPath);
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toMatchObject({ type: 'success' });
  });

  it('when a rescoring is already running, then the CSM is told to wait and the view stays', async () => {
    const { fetch, renderer } = await clickRescore({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'running' } },
    });
    await renderer.waitFor(() => {
      expect(renderer.mocks.actions.addAlert.calls).toHaveLength(1);
    });
    expect(renderer.mocks.actions.addAlert.calls[0]?.[0]).toEqual({
      type: 'warning',
      message: 'A rescoring is already running. Try again when it has finished.',
    });
    expect(requestsOf(fetch)).toHaveLength(2);
  });

  it('when the CSM opens Explain this score, then the segment’s weights, the tier lines and the dwell time are spelled out', async () => {
    fakeHubspotFetch(() => ({ body: healthyView }));
    const renderer = renderTab();
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ScoreCircle)).not.toBeNull();
    });
    const overlay = renderer.findByTestId(Button, 'explain').props.overlay as unknown as RenderedFragmentNode;
    const panel = overlay.find(Panel);
    expect(panel.props.title).toBe('How this score is calculated');
    expect(panel.find(Text, { testId: 'weight-usage' }).text).toBe('Usage: 40% of the score');
    const text = screenText(panel);
    expect(text).toContain('Weights in the MID_MARKET segment (model version 3)');
    expect(text).toContain('Seat utilisation: 35% of Usage');
    expect(panel.find(Text, { testId: 'explain-tiers' }).text).toContain('Healthy from 70 points');
    expect(text).toContain('held its current tier for 7 days');
  });
});
