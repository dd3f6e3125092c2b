import { fakeHubspotFetch, harborRenderer, readText, requestsOf } from '@harbor/ui/testing';
import { Button, EmptyState, Link, StatusTag, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import type { PlanSummaryWire } from '@harbor/wire';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { acmePlan, weeklyReview } from './review.fixtures.ts';
import { WeeklyReviewPage } from './WeeklyReviewPage.tsx';

const reviewed: PlanSummaryWire = {
  kind: 'at_risk',
  nextSteps: acmePlan.nextSteps,
  lastReviewedAt: '2026-11-24T12:00:00.000Z',
  lastUpdatedAt: '2026-11-24T12:00:00.000Z',
  stale: false,
};

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
  renderer.render(<WeeklyReviewPage />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Table, 'owner-plans-501')).not.toBeNull();
  });
}

describe('the weekly review page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the review opens, then escalated risks come first and each owner’s plans show signals, playbooks, next step and staleness', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: weeklyReview() }));
    const renderer = setUp();
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Weekly review');
    const url = requestsOf(fetch)[0]?.url;
    expect(`${url?.origin ?? ''}${url?.pathname ?? ''}`).toBe('https://harbor.test/api/review');
    expect(renderer.findByTestId(Text, 'review-tasks-line').text).toBe(
      'Review tasks were last sent to owners on Nov 23, 2026.',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'escalated-table'))).toEqual([
      ['Acme Logistics', 'Late payment', 'High', 'Casey Moss', 'Overdue since Nov 15, 2026'],
    ]);
    expect(renderer.findByTestId(Text, 'owner-summary-501').text).toBe(
      '1 at risk · 1 expansion · 1 stale · 1 escalated',
    );
    const casey = renderer.findByTestId(Table, 'owner-plans-501');
    expect(rowTexts(casey)).toEqual([
      [
        'Acme Logistics',
        'At risk',
        '24',
        'Late payment (High)',
        'Risk: 1 of 3 steps',
        'Agree a recovery plan (overdue since Nov 20, 2026)',
        'Never',
        'Not updated in 7 days',
        'Mark reviewed',
      ],
      [
        'Gamma Tools',
        'Expansion',
        '88',
        'Expansion (Medium)',
        'None',
        'None',
        'Nov 23, 2026',
        'Current',
        'Mark reviewed',
      ],
    ]);
    expect(casey.find(Link).props.href).toBe('https://app.hubspot.com/contacts/4242/record/0-2/2001');
    expect(casey.findAll(StatusTag).map((tag) => tag.props.variant)).toEqual(['warning', 'success']);
    // The plans nobody owns come last, under "No owner", the company named by its id.
    expect(rowTexts(renderer.findByTestId(Table, 'owner-plans-none'))[0]?.slice(0, 2)).toEqual([
      'Company 2005',
      'At risk',
    ]);
  });

  it('when the owner marks a plan reviewed, then it is posted for that company and the review is fetched again', async () => {
    let answered = 0;
    const fetch = fakeHubspotFetch((_url, method) => {
      if (method === 'POST') return { body: reviewed };
      answered += 1;
      return {
        body:
          answered === 1
            ? weeklyReview()
            : weeklyReview({
                owners: [
                  { ...weeklyReview().owners[0]!, atRisk: [{ ...acmePlan, ...reviewed }], stalePlans: 0 },
                ],
              }),
      };
    });
    const renderer = setUp();
    await opened(renderer);

    renderer.findByTestId(Button, 'review-2001').trigger('onClick');
    await renderer.waitFor(() => {
      expect(rowTexts(renderer.findByTestId(Table, 'owner-plans-501'))[0]?.[7]).toBe('Current');
    });

    const requests = requestsOf(fetch);
    expect(requests.map(({ url, method }) => `${method} ${url.pathname}`)).toEqual([
      'GET /api/review',
      'POST /api/plans/2001/review',
      'GET /api/review',
    ]);
    expect(rowTexts(renderer.findByTestId(Table, 'owner-plans-501'))[0]?.[6]).toBe('Nov 24, 2026');
  });

  it('when saving the review fails, then the row says so with the reason and the button works again', async () => {
    fakeHubspotFetch((_url, method) =>
      method === 'POST'
        ? { status: 403, body: { error: { code: 'NOT_A_PORTAL_USER', message: 'not a user' } } }
        : { body: weeklyReview() },
    );
    const renderer = setUp();
    await opened(renderer);

    renderer.findByTestId(Button, 'review-2001').trigger('onClick');
    await renderer.waitFor(() => {
      expect(readText(renderer.findByTestId(Table, 'owner-plans-501'))).toContain(
        'The review was not saved (NOT_A_PORTAL_USER). Try again.',
      );
    });
    expect(renderer.findByTestId(Button, 'review-2001').props.disabled).toBe(false);
  });

  it('when no account is at risk or expanding, then the page says there is nothing to review and can check again', async () => {
    const fetch = fakeHubspotFetch(() => ({
      body: weeklyReview({ escalated: [], owners: [], lastReviewTasksAt: null }),
    }));
    const renderer = setUp();
    renderer.render(<WeeklyReviewPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(EmptyState)).not.toBeNull();
    });

    expect(renderer.find(EmptyState).props.title).toBe('Nothing to review');
    renderer.find(Button).trigger('onClick');
    await renderer.waitFor(() => {
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  });

  it('when the user speaks Portuguese, then the review is in Portuguese with Brazilian dates', async () => {
    fakeHubspotFetch(() => ({ body: weeklyReview() }));
    const renderer = setUp('pt-br');
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Revisão semanal');
    expect(rowTexts(renderer.findByTestId(Table, 'escalated-table'))).toEqual([
      [
        'Acme Logistics',
        'Pagamento em atraso',
        'Alta',
        'Casey Moss',
        'Prazo vencido desde 15 de nov. de 2026',
      ],
    ]);
    expect(renderer.findByTestId(Text, 'owner-summary-501').text).toBe(
      '1 em risco · 1 em expansão · 1 desatualizados · 1 escalados',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'owner-plans-501'))[0]).toEqual([
      'Acme Logistics',
      'Em risco',
      '24',
      'Pagamento em atraso (Alta)',
      'Risco: 1 de 3 etapas',
      'Agree a recovery plan (atrasado desde 20 de nov. de 2026)',
      'Nunca',
      'Sem atualização há 7 dias',
      'Marcar como revisado',
    ]);
  });
});
