import { fakeHubspotFetch, requestsOf, type FakeAnswer } from '@harbor/ui/testing';
import type { CompanyViewWire, HandoffsBlockWire, HandoffWire } from '@harbor/wire';
import { Alert, Link, LoadingButton, Select, Tag, Text, TextArea } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { companyCardRenderer } from '../card-test-kit.ts';
import { CompanyHealthTab } from '../CompanyHealthTab.tsx';
import { healthyView } from './company-view.fixtures.ts';

const supportHandoff: HandoffWire = {
  id: 11,
  kind: 'support',
  outcome: 'created',
  reason: 'Critical ticket "Export fails" on an at-risk account',
  note: null,
  routedTo: { kind: 'team', teamId: '55', ownerId: '102', ownerName: 'Bia Costa' },
  detail: null,
  dealId: null,
  ticketId: '777',
  hubspotTaskId: '8801',
  taskUrl: 'https://app.hubspot.com/tasks/9000001/view/all/task/8801',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

const marketingHandoff: HandoffWire = {
  ...supportHandoff,
  id: 12,
  kind: 'marketing',
  outcome: 'not_routed',
  reason: 'Promoter (NPS 10) in the healthy tier: reference candidate',
  routedTo: null,
  detail:
    'No marketing destination is set (Harbor settings → Reports → Hand-off routing): nothing was created.',
  ticketId: null,
  hubspotTaskId: null,
  taskUrl: null,
  createdAt: '2026-11-22T10:00:00.000Z',
};

const block: HandoffsBlockWire = {
  handoffs: [marketingHandoff, supportHandoff],
  openDeals: [
    { id: '5001', name: 'Acme renewal 2027', closeDate: '2027-01-31', isRenewal: true },
    { id: '5002', name: 'Acme add-on', closeDate: null, isRenewal: false },
  ],
  routed: { support: true, finance: true, marketing: false, automation: false },
};

const view: CompanyViewWire = { ...healthyView, handoffs: block };

async function renderTab(
  shown: CompanyViewWire,
  { locale = 'en-us', post }: { locale?: string; post?: FakeAnswer } = {},
) {
  const fetch = fakeHubspotFetch((_url, method) =>
    method === 'GET' ? { body: shown } : (post ?? { body: { ...supportHandoff, id: 13, kind: 'finance' } }),
  );
  const renderer = companyCardRenderer('crm.record.tab', locale);
  renderer.render(<CompanyHealthTab context={renderer.mocks.context} actions={renderer.mocks.actions} />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(TextArea, 'handoff-automation-note')).not.toBeNull();
  });
  return { fetch, renderer };
}

const bodyOf = (fetch: Awaited<ReturnType<typeof renderTab>>['fetch'], call: number): unknown =>
  fetch.mock.calls[call]?.[1]?.body;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the hand-offs on the company health tab', () => {
  it('when the company has hand-offs, then each shows what it was, its outcome, where it went, when, and a link to its task', async () => {
    const { renderer } = await renderTab(view);
    expect(renderer.findByTestId(Text, 'handoff-title-11').text).toBe(
      'Support · Critical ticket on an at-risk account',
    );
    expect(renderer.findByTestId(Tag, 'handoff-outcome-11').text).toBe('Task created');
    expect(renderer.findByTestId(Text, 'handoff-when-11').text).toBe(
      'Handed off on Nov 20, 2026 · To Bia Costa (team 55, fewest open Harbor tasks today)',
    );
    expect(renderer.findByTestId(Link, 'handoff-task-11').props.href).toEqual({
      url: 'https://app.hubspot.com/tasks/9000001/view/all/task/8801',
      external: true,
    });
    // Not routed: no task link, the reason, and how an admin fixes it.
    expect(renderer.findByTestId(Tag, 'handoff-outcome-12').text).toBe('Not routed');
    expect(renderer.maybeFindByTestId(Link, 'handoff-task-12')).toBeNull();
    expect(renderer.findByTestId(Text, 'handoff-detail-12').text).toMatch(
      /^Why: No marketing destination is set/,
    );
    expect(renderer.findByTestId(Text, 'handoffs-unrouted-hint').text).toMatch(/Hand-off routing/);
    // Automation has no destination yet: the form says so before anyone sends.
    expect(renderer.findByTestId(Text, 'handoff-automation-unrouted').text).toBe(
      'No Automation destination is set up yet: the request is logged, but no task is created.',
    );
    expect(renderer.maybeFindByTestId(Text, 'handoff-finance-unrouted')).toBeNull();
  });

  it('when the CSM hands the renewal to finance, then the open deal and the note are sent, the alert confirms, and the card reloads', async () => {
    const { fetch, renderer } = await renderTab(view);
    const submit = () => renderer.findByTestId(LoadingButton, 'handoff-finance-submit');
    expect(submit().props.disabled).toBe(true);
    const deals = renderer.findByTestId(Select, 'handoff-finance-deal');
    expect(deals.props.options).toEqual([
      { value: '5001', label: 'Acme renewal 2027 (renewal)' },
      { value: '5002', label: 'Acme add-on' },
    ]);
    deals.trigger('onChange', '5001' as never);
    renderer
      .findByTestId(TextArea, 'handoff-finance-note')
      .trigger('onChange', ' 10 % off for a 2-year term ' as never);
    expect(submit().props.disabled).toBe(false);
    submit().trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    const [, sent, reload] = requestsOf(fetch);
    expect(sent).toMatchObject({ method: 'POST' });
    expect(sent?.url.pathname).toBe('/api/handoffs');
    expect(bodyOf(fetch, 1)).toEqual({
      kind: 'finance',
      companyId: '4242',
      dealId: '5001',
      note: '10 % off for a 2-year term',
    });
    expect(reload?.method).toBe('GET');
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: 'success',
      message: 'Handed off to Finance: a task was created in HubSpot.',
    });
  });

  it('when the service refuses an automation request, then the refusal shows beside the form and the text stays', async () => {
    const { renderer } = await renderTab(view, {
      post: {
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'note: a few words at least' } },
      },
    });
    renderer
      .findByTestId(TextArea, 'handoff-automation-note')
      .trigger('onChange', 'Renewal reminder' as never);
    renderer.findByTestId(LoadingButton, 'handoff-automation-submit').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'handoff-automation-refusal')).not.toBeNull();
    });
    expect(renderer.findByTestId(Alert, 'handoff-automation-refusal').props.title).toBe(
      'Harbor did not accept this (VALIDATION_FAILED)',
    );
    expect(renderer.findByTestId(TextArea, 'handoff-automation-note').props.value).toBe('Renewal reminder');
    expect(renderer.mocks.actions.addAlert.calls).toEqual([]);
  });

  it('when the company has no hand-off and no open deal, then the section says so, in Portuguese for a pt-BR user', async () => {
    const { renderer } = await renderTab(
      { ...healthyView, handoffs: { handoffs: [], openDeals: [], routed: block.routed } },
      { locale: 'pt-br' },
    );
    expect(renderer.findByTestId(Text, 'handoffs-empty').text).toBe(
      'Nada foi encaminhado para esta empresa ainda.',
    );
    expect(renderer.findByTestId(Text, 'handoff-finance-no-deals').text).toMatch(
      /^Esta empresa não tem negócio aberto/,
    );
  });
});
