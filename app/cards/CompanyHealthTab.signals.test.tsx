import { fakeHubspotFetch, readText, requestsOf, screenText, type FakeAnswer } from '@harbor/ui/testing';
import type { CompanyViewWire, SignalWire } from '@harbor/wire';
import { Alert, LoadingButton, Tag, Text, TextArea, Tile } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { companyCardRenderer } from './card-test-kit.ts';
import { CompanyHealthTab } from './CompanyHealthTab.tsx';
import {
  escalatedTicketSignal,
  healthyView,
  signalsView,
  usageDropSignal,
} from './components/company-view.fixtures.ts';

const viewPath = '/api/views/company/4242';
const commandPath = `/api/signals/${usageDropSignal.id}/commands`;

/** The tab over `view`; a command gets `commandAnswer` (by default the risk, acknowledged). */
async function renderTab(
  view: CompanyViewWire,
  { locale = 'en-us', commandAnswer }: { locale?: string; commandAnswer?: FakeAnswer } = {},
) {
  const fetch = fakeHubspotFetch((_url, method) =>
    method === 'POST'
      ? (commandAnswer ?? { body: { ...usageDropSignal, status: 'acknowledged' } satisfies SignalWire })
      : { body: view },
  );
  const renderer = companyCardRenderer('crm.record.tab', locale);
  renderer.render(<CompanyHealthTab context={renderer.mocks.context} actions={renderer.mocks.actions} />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFind(Tile) ?? renderer.maybeFindByTestId(Text, 'signals-empty')).not.toBeNull();
  });
  return { fetch, renderer };
}

type Rendered = Awaited<ReturnType<typeof renderTab>>['renderer'];

const tileText = (renderer: Rendered, signal: Pick<SignalWire, 'id'>): string =>
  screenText(renderer.findByTestId(Tile, `signal-${signal.id}`));

const bodyOf = (fetch: Awaited<ReturnType<typeof renderTab>>['fetch'], call: number): unknown =>
  fetch.mock.calls[call]?.[1]?.body;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the signals on the company health tab', () => {
  it('when the company has a risk and an opportunity, then both show with their evidence and defined action, the risk first', async () => {
    const { renderer } = await renderTab(signalsView);
    const tiles = renderer.findAll(Tile).map((tile) => tile.props.testId);
    expect(tiles).toEqual(['signal-31', 'signal-32']);
    const riskTag = renderer.findByTestId(Tag, 'signal-type-31');
    expect(riskTag.text).toBe('Usage drop');
    expect(riskTag.props.variant).toBe('error');
    expect(renderer.findByTestId(Text, 'signal-summary-31').text).toBe('Risk · High severity · Open');
    expect(renderer.findByTestId(Text, 'signal-timing-31').text).toBe('Due in 3 days');
    expect(tileText(renderer, usageDropSignal)).toContain('Logins, last 30 days: 40');
    expect(renderer.findByTestId(Text, 'signal-evidence-31-login_drop_share').text).toBe(
      'Drop in logins: 67%',
    );
    expect(renderer.findByTestId(Text, 'signal-evidence-31-seat_utilisation').text).toBe(
      'Seat utilisation: 30%',
    );
    expect(renderer.findByTestId(Text, 'signal-action-31').text).toBe('Defined action: Adoption playbook');

    const opportunityTag = renderer.findByTestId(Tag, 'signal-type-32');
    expect(opportunityTag.text).toBe('Renewal window');
    expect(opportunityTag.props.variant).toBe('info');
    expect(renderer.findByTestId(Text, 'signal-summary-32').text).toBe(
      'Opportunity · Medium severity · Acknowledged',
    );
    // A date property is midnight UTC: São Paulo's evening before must not show as the renewal day.
    expect(renderer.findByTestId(Text, 'signal-evidence-32-renewal_date').text).toBe('Renewal: Jan 2, 2027');
    expect(renderer.findByTestId(Text, 'signal-evidence-32-days_to_renewal').text).toBe(
      'Renewal in: 30 days',
    );
    expect(renderer.findByTestId(Text, 'signal-evidence-32-health_tier').text).toBe('Tier: Watch');
    expect(renderer.findByTestId(Text, 'signal-action-32').text).toBe('Defined action: Renewal playbook');
    // Acknowledged already: the opportunity offers no second Acknowledge.
    expect(renderer.maybeFindByTestId(LoadingButton, 'signal-acknowledge-32')).toBeNull();
    expect(renderer.findByTestId(LoadingButton, 'signal-acknowledge-31').text).toBe('Acknowledge');
  });

  it('when the CSM reads Portuguese, then the signals, their evidence and actions are in Brazilian Portuguese', async () => {
    const { renderer } = await renderTab(signalsView, { locale: 'pt-br' });
    expect(renderer.findByTestId(Tag, 'signal-type-31').text).toBe('Queda de uso');
    expect(renderer.findByTestId(Text, 'signal-summary-31').text).toBe('Risco · Gravidade alta · Aberto');
    expect(renderer.findByTestId(Text, 'signal-timing-31').text).toBe('Vence em 3 dias');
    expect(renderer.findByTestId(Text, 'signal-evidence-31-login_drop_share').text).toBe(
      'Queda nos logins: 67%',
    );
    expect(renderer.findByTestId(Text, 'signal-action-31').text).toBe('Ação definida: Playbook de adoção');
    expect(renderer.findByTestId(Tag, 'signal-type-32').text).toBe('Janela de renovação');
    expect(renderer.findByTestId(Text, 'signal-summary-32').text).toBe(
      'Oportunidade · Gravidade média · Reconhecido',
    );
    expect(renderer.findByTestId(Text, 'signal-evidence-32-renewal_date').text).toBe(
      'Renovação: 2 de jan. de 2027',
    );
    expect(renderer.findByTestId(Text, 'signal-evidence-32-health_tier').text).toBe('Nível: Atenção');
    expect(renderer.findByTestId(LoadingButton, 'signal-acknowledge-31').text).toBe('Reconhecer');
    expect(renderer.findByTestId(LoadingButton, 'signal-dismiss-31').text).toBe('Dispensar');
  });

  it('when a risk is overdue and escalated, then the CSM reads so, with the ticket’s evidence and the one task', async () => {
    const { renderer } = await renderTab({ ...signalsView, signals: [escalatedTicketSignal] });
    const tile = renderer.findByTestId(Tile, 'signal-33');
    expect(tile.findAll(Tag).map((tag) => tag.text)).toEqual(['Critical ticket', 'Escalated']);
    expect(renderer.findByTestId(Text, 'signal-timing-33').text).toBe('Overdue since Nov 30, 2026');
    const text = screenText(tile);
    expect(text).toContain('Escalated to the CS lead on Dec 1, 2026');
    expect(text).toContain('Subject: Exports fail');
    expect(text).toContain('Ticket opened: Nov 28, 2026');
    expect(text).toContain('Open for: 119.5 hours');
    expect(text).toContain('Escalated by support: Yes');
    expect(renderer.findByTestId(Text, 'signal-action-33').text).toBe(
      'Defined action: One task for the owner',
    );
  });

  it('when the CSM clicks Acknowledge, then the command is posted for this signal, confirmed, and the view reloads', async () => {
    const { fetch, renderer } = await renderTab(signalsView);
    renderer.findByTestId(LoadingButton, 'signal-acknowledge-31').trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    const [, command, reload] = requestsOf(fetch);
    expect(command?.method).toBe('POST');
    expect(command?.url.pathname).toBe(commandPath);
    expect(command?.url.searchParams.get('portalId')).toBe('9000001');
    expect(command?.url.searchParams.get('userId')).toBe('7001');
    expect(bodyOf(fetch, 1)).toEqual({ kind: 'acknowledge' });
    expect(reload?.method).toBe('GET');
    expect(reload?.url.pathname).toBe(viewPath);
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: 'success',
      message: 'Signal acknowledged.',
    });
  });

  it('when the CSM starts a playbook action, then the card says the playbook starts', async () => {
    const { fetch, renderer } = await renderTab(signalsView, {
      commandAnswer: {
        body: { ...usageDropSignal, status: 'in_progress', actionStartedAt: '2026-12-03T12:00:00.000Z' },
      },
    });
    renderer.findByTestId(LoadingButton, 'signal-start_action-31').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.mocks.actions.addAlert.calls).toHaveLength(1);
    });
    expect(bodyOf(fetch, 1)).toEqual({ kind: 'start_action' });
    expect(renderer.mocks.actions.addAlert.calls[0]?.[0]).toEqual({
      type: 'success',
      message: 'Adoption playbook started. Harbor recorded the start.',
    });
  });

  it('when the CSM dismisses a risk without a reason, then the service’s refusal shows by the form, which stays open', async () => {
    const refusal =
      'Dismissing a risk signal needs a reason of at least 5 characters, so the next person knows why';
    const { fetch, renderer } = await renderTab(signalsView, {
      commandAnswer: { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: refusal } } },
    });
    renderer.findByTestId(LoadingButton, 'signal-dismiss-31').trigger('onClick');
    expect(renderer.findByTestId(TextArea, 'signal-reason-31').props.label).toBe('Why dismiss this signal?');
    renderer.findByTestId(LoadingButton, 'signal-submit-31').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'signal-refusal-31')).not.toBeNull();
    });
    const alert = renderer.findByTestId(Alert, 'signal-refusal-31');
    expect(alert.props.title).toBe('Harbor did not accept this (VALIDATION_FAILED)');
    expect(readText(alert)).toBe(refusal);
    expect(bodyOf(fetch, 1)).toEqual({ kind: 'dismiss' });
    expect(renderer.maybeFindByTestId(TextArea, 'signal-reason-31')).not.toBeNull();
    expect(requestsOf(fetch)).toHaveLength(2);
    expect(renderer.mocks.actions.addAlert.calls).toHaveLength(0);
  });

  it('when the CSM snoozes a risk with a reason, then it is put off 7 days from now and the form closes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T15:00:00.000Z'));
    const until = '2026-12-10T15:00:00.000Z';
    const { fetch, renderer } = await renderTab(signalsView, {
      commandAnswer: { body: { ...usageDropSignal, snoozedUntil: until, dueAt: until } },
    });
    renderer.findByTestId(LoadingButton, 'signal-snooze-31').trigger('onClick');
    renderer.findByTestId(TextArea, 'signal-reason-31').trigger('onChange', 'Customer on holiday' as never);
    renderer.findByTestId(LoadingButton, 'signal-submit-31').trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    expect(bodyOf(fetch, 1)).toEqual({ kind: 'snooze', until, reason: 'Customer on holiday' });
    expect(renderer.mocks.actions.addAlert.calls[0]?.[0]).toEqual({
      type: 'success',
      message: 'Signal snoozed until Dec 10, 2026.',
    });
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(TextArea, 'signal-reason-31')).toBeNull();
    });
  });

  it('when the company has no open signal, then one line says so and when Harbor looks again', async () => {
    const { renderer } = await renderTab(healthyView);
    expect(renderer.findByTestId(Text, 'signals-empty').text).toBe('No open signals');
    expect(screenText(renderer.getRootNode())).toContain(
      'Harbor checks this company for risks and opportunities after every rescoring.',
    );
    expect(renderer.maybeFind(Tile)).toBeNull();
  });
});
