import { fakeHubspotFetch, harborRenderer, readText, requestsOf } from '@harbor/ui/testing';
import {
  Accordion,
  EmptyState,
  List,
  Select,
  StatusTag,
  Table,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { emptyStrategy, retentionStrategy } from '../retention/retention.fixtures.ts';
import { StrategyPage } from './StrategyPage.tsx';

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale, portalId: 4242 });
}

const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

/** The texts of a list's items, one per item. */
const itemTexts = (list: Pick<RenderedElementNode, 'childNodes'>) => list.childNodes.map(readText);

async function opened(renderer: ReturnType<typeof setUp>) {
  renderer.render(<StrategyPage />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Table, 'strategy-metrics-SMB')).not.toBeNull();
  });
}

describe('the retention strategy page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when it opens, then each segment shows where it stands, what needs attention and its metrics against the targets', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: retentionStrategy() }));
    const renderer = setUp();
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Retention strategy');
    const url = requestsOf(fetch)[0]?.url;
    expect(url?.pathname).toBe('/api/reports/strategy');
    expect(url?.searchParams.get('period')).toBe('quarter');
    expect(renderer.findByTestId(Text, 'strategy-as-of').text).toContain('“Now” is 2026 Q3');
    expect(renderer.findByTestId(Text, 'strategy-standing-SMB').text).toBe(
      '100 customers and 100,000 of annual recurring revenue at the start of 2026 Q3.',
    );
    expect(renderer.findByTestId(Text, 'strategy-attention-SMB').text).toBe(
      'Needs attention: Gross revenue retention (GRR) missed its target (85.0% against at least 90.0% (whole book)); Gross revenue retention (GRR) is getting worse; Net revenue retention (NRR) missed its target (90.0% against at least 100.0% (whole book)).',
    );
    expect(renderer.findByTestId(Text, 'strategy-attention-all').text).toBe(
      'Every target set is met, and no metric is getting worse.',
    );
    expect(rowTexts(renderer.findByTestId(Table, 'strategy-metrics-SMB'))).toEqual([
      ['Gross revenue retention (GRR)', 'at least 90.0% (whole book)', '85.0%', 'Missed', 'Worse'],
      ['Net revenue retention (NRR)', 'at least 100.0% (whole book)', '90.0%', 'Missed', 'Flat'],
      ['Logo churn', 'at most 5.0%', '4.0%', 'Met', 'Better'],
      ['Gross revenue churn', 'No target', '15.0%', 'No target set', 'Flat'],
      ['Net revenue churn', 'No target', '15.0%', 'No target set', 'Flat'],
      ['NPS', 'at least 30 (whole book)', '32 (64 answers)', 'Met', 'Better'],
    ]);
    expect(
      renderer
        .findByTestId(Table, 'strategy-metrics-SMB')
        .findAll(StatusTag)
        .map((tag) => tag.props.variant)
        .slice(0, 6),
    ).toEqual(['danger', 'danger', 'danger', 'default', 'success', 'success']);
  });

  it('when a segment’s automations are read, then each says when it fires and what Harbor does, with the playbook’s steps, and the ones off say why', async () => {
    fakeHubspotFetch(() => ({ body: retentionStrategy() }));
    const renderer = setUp();
    await opened(renderer);

    expect(itemTexts(renderer.findByTestId(List, 'strategy-triggers-SMB'))).toEqual([
      'Renewal window: when the renewal date is 60 to 90 days ahead, Harbor starts the Renewal playbook (2 steps).Account review (due 5 days after it is created)Renewal conversation (due 1 day after it is created)',
      'Low health score: when the health score is below 74, or the tier dropped to at risk in the last 30 days, Harbor opens the signal; its owner chooses the action by the due date.',
      'Detractor answer: when a contact answers NPS 6 or lower (answers of the last 90 days), Harbor would start the Detractor follow-up playbook, but it is off in this segment, so only the signal opens.',
    ]);
    // The steps fold under the playbook's name; a playbook that is off has none to show.
    expect(
      renderer
        .findByTestId(List, 'strategy-triggers-SMB')
        .findAll(Accordion)
        .map((accordion) => accordion.props.title),
    ).toEqual(['The Renewal playbook’s 2 steps']);
    expect(itemTexts(renderer.findByTestId(List, 'strategy-off-SMB'))).toEqual([
      'Expansion opportunity: its automation is off.',
    ]);
    expect(itemTexts(renderer.findByTestId(List, 'strategy-triggers-all'))).toEqual([
      'Late payment: when an invoice is 30 or more days past due, or the invoice status is collections or suspended, Harbor creates one HubSpot task for the signal’s owner.',
    ]);
  });

  it('when the lead picks years, then the strategy is asked for years', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: retentionStrategy() }));
    const renderer = setUp();
    await opened(renderer);

    renderer.findByTestId(Select, 'strategy-period').trigger('onChange', 'year' as never);
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(2);
    });
    expect(requestsOf(fetch)[1]?.url.searchParams.get('period')).toBe('year');
  });

  it('when no segment had customers yet, then the page says so and still shows what Harbor will do', async () => {
    fakeHubspotFetch(() => ({ body: emptyStrategy() }));
    const renderer = setUp();
    await opened(renderer);

    expect(renderer.find(EmptyState).props.title).toBe('No customers to measure yet');
    expect(renderer.findByTestId(Text, 'strategy-standing-SMB').text).toBe(
      'No customers at the start of 2026 Q3: nothing to measure yet.',
    );
    expect(renderer.maybeFindByTestId(Text, 'strategy-attention-SMB')).toBeNull();
    expect(itemTexts(renderer.findByTestId(List, 'strategy-triggers-SMB'))).toHaveLength(3);
  });

  it('when no period is complete yet, then the page says the figures wait and lists no metric table', async () => {
    fakeHubspotFetch(() => ({ body: { ...emptyStrategy(), lastComplete: null } }));
    const renderer = setUp();
    renderer.render(<StrategyPage />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'strategy-as-of')).not.toBeNull();
    });
    expect(renderer.findByTestId(Text, 'strategy-as-of').text).toBe(
      'No period is complete yet, so there are no figures to hold against the targets; the automations below already act.',
    );
    expect(renderer.maybeFindByTestId(Table, 'strategy-metrics-SMB')).toBeNull();
  });

  it('when the service fails, then the page says so with a retry', async () => {
    fakeHubspotFetch(() => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } }));
    const renderer = setUp();
    renderer.render(<StrategyPage />);
    await renderer.waitFor(() => {
      expect(readText(renderer.getRootNode())).toContain('INTERNAL');
    });
  });

  it('when the user reads Portuguese, then the plan is in Portuguese, playbook names and thresholds included', async () => {
    fakeHubspotFetch(() => ({ body: retentionStrategy() }));
    const renderer = setUp('pt-br');
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Estratégia de retenção');
    expect(itemTexts(renderer.findByTestId(List, 'strategy-triggers-SMB'))[0]).toBe(
      'Janela de renovação: quando a data de renovação está entre 60 e 90 dias à frente, o Harbor inicia o playbook Renovação (2 etapas).Account review (vence 5 dias depois de criada)Renewal conversation (vence 1 dia depois de criada)',
    );
    expect(renderer.findByTestId(Text, 'strategy-standing-SMB').text).toBe(
      '100 clientes e 100.000 de receita recorrente anual no início de 2026 T3.',
    );
  });
});
