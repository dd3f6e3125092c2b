import { fakeHubspotFetch, readText, requestsOf, screenText, type FakeAnswer } from '@harbor/ui/testing';
import type { CompanyViewWire, PlanSummaryWire, PlaybookRunWire } from '@harbor/wire';
import {
  Accordion,
  Alert,
  Button,
  DateInput,
  Link,
  LoadingButton,
  ProgressBar,
  Select,
  Tag,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { companyCardRenderer } from './card-test-kit.ts';
import { CompanyHealthSidebar } from './CompanyHealthSidebar.tsx';
import { CompanyHealthTab } from './CompanyHealthTab.tsx';
import { healthyView } from './components/company-view.fixtures.ts';
import {
  playbooksView,
  renewalRun,
  snoozedAdoptionRun,
  staleRiskPlan,
} from './components/playbook.fixtures.ts';

const viewPath = '/api/views/company/4242';

interface Answers {
  start?: FakeAnswer;
  command?: FakeAnswer;
  review?: FakeAnswer;
}

/** The tab over `view`; each POST gets its route's answer (by default the service accepting it). */
async function renderTab(
  view: CompanyViewWire,
  { locale = 'en-us', ...answers }: Answers & { locale?: string } = {},
) {
  const fetch = fakeHubspotFetch((url, method) => {
    if (method === 'GET') return { body: view };
    if (url.pathname === '/api/playbooks')
      return answers.start ?? { body: { ...renewalRun, id: 503, playbook: 'risk', completedSteps: 0 } };
    if (url.pathname.startsWith('/api/plans/'))
      return answers.review ?? { body: { ...staleRiskPlan, stale: false } satisfies PlanSummaryWire };
    return answers.command ?? { body: renewalRun };
  });
  const renderer = companyCardRenderer('crm.record.tab', locale);
  renderer.render(<CompanyHealthTab context={renderer.mocks.context} actions={renderer.mocks.actions} />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Select, 'start-playbook-type')).not.toBeNull();
  });
  return { fetch, renderer };
}

type Fetch = Awaited<ReturnType<typeof renderTab>>['fetch'];
const bodyOf = (fetch: Fetch, call: number): unknown => fetch.mock.calls[call]?.[1]?.body;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the playbooks and the action plan on the company health tab', () => {
  it('when a playbook runs, then its progress and each step’s state show, with a link to the open task', async () => {
    const { renderer } = await renderTab(playbooksView);
    expect(renderer.findByTestId(Text, 'playbook-title-501').text).toBe('Renewal playbook');
    expect(renderer.findByTestId(Tag, 'playbook-status-501').text).toBe('Running');
    const progress = renderer.findByTestId(ProgressBar, 'playbook-progress-501');
    expect(progress.props).toMatchObject({ value: 2, maxValue: 5, valueDescription: '2 of 5 steps' });
    const step = (index: number) => renderer.findByTestId(Text, `playbook-step-501-${index}`).text;
    const state = (index: number) => renderer.findByTestId(Text, `playbook-step-501-${index}-state`).text;
    expect(step(0)).toBe('✓ Account review');
    expect(state(0)).toBe('Done on Nov 24, 2026');
    expect(step(2)).toBe('→ Review open risks with the champion');
    expect(state(2)).toBe('Due Dec 8, 2026');
    expect(renderer.findByTestId(Link, 'playbook-step-501-2-task').props.href).toEqual({
      url: 'https://app.hubspot.com/tasks/9000001/view/all/task/8103',
      external: true,
    });
    expect(state(3)).toBe('Queued: the owner’s daily task cap or the snooze');
    expect(state(4)).toBe('Pending: starts when the step before it is done');
    expect(renderer.maybeFindByTestId(Link, 'playbook-step-501-0-task')).toBeNull();

    // Snoozed: it says until when, and offers Resume instead of Snooze.
    expect(renderer.findByTestId(Tag, 'playbook-status-502').text).toBe('Snoozed');
    expect(renderer.findByTestId(Text, 'playbook-snoozed-502').text).toBe(
      'Snoozed until Dec 10, 2026: the next task waits until then.',
    );
    expect(renderer.findByTestId(Text, 'playbook-step-502-0-state').text).toBe('Overdue since Dec 1, 2026');
    expect(renderer.maybeFindByTestId(LoadingButton, 'playbook-snooze-502')).toBeNull();
    expect(renderer.findByTestId(LoadingButton, 'playbook-resume-502').text).toBe('Resume');

    // The ended one is folded away below, with how it ended; a running type cannot be started twice.
    expect(renderer.findAll(Tile).map((tile) => tile.props.testId)).toContain('playbook-501');
    expect(renderer.maybeFindByTestId(Tile, 'playbook-490')).toBeNull();
    const ended = renderer.findByTestId(Accordion, 'playbooks-ended');
    expect(ended.props).toMatchObject({ title: 'Ended in the last 30 days (1)', defaultOpen: false });
    expect(renderer.findByTestId(Text, 'playbook-ended-how-490').text).toBe(
      'Cancelled on Nov 26, 2026: Sponsor replaced; restarting after the handover',
    );
    const options = renderer.findByTestId(Select, 'start-playbook-type').props.options;
    expect(options.map((option) => option.value)).toEqual([
      'onboarding',
      'expansion',
      'risk',
      'detractor_follow_up',
    ]);
  });

  it('when the CSM cancels a playbook without a reason, then the form refuses it and nothing is sent; with one, it is', async () => {
    const { fetch, renderer } = await renderTab(playbooksView, {
      command: { body: { ...renewalRun, status: 'cancelled', endedAt: '2026-12-03T12:00:00.000Z' } },
    });
    renderer.findByTestId(LoadingButton, 'playbook-cancel-501').trigger('onClick');
    renderer.findByTestId(LoadingButton, 'playbook-submit-501').trigger('onClick');
    const reason = renderer.findByTestId(TextArea, 'playbook-reason-501');
    expect(reason.props).toMatchObject({
      label: 'Why stop this playbook?',
      error: true,
      validationMessage: 'Write why the playbook stops before cancelling it.',
    });
    expect(requestsOf(fetch)).toHaveLength(1);

    reason.trigger('onChange', '  Customer churned  ' as never);
    renderer.findByTestId(LoadingButton, 'playbook-submit-501').trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    const [, command, reload] = requestsOf(fetch);
    expect(command?.method).toBe('POST');
    expect(command?.url.pathname).toBe('/api/playbooks/501/commands');
    expect(bodyOf(fetch, 1)).toEqual({ kind: 'cancel', reason: 'Customer churned' });
    expect(reload?.url.pathname).toBe(viewPath);
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: 'success',
      message: 'Playbook cancelled.',
    });
  });

  it('when the CSM snoozes a playbook, then it is held until the chosen day’s start in the portal’s zone, at most 30 days out', async () => {
    const until = '2026-12-10T03:00:00.000Z';
    const { fetch, renderer } = await renderTab(playbooksView, {
      command: { body: { ...renewalRun, snoozedUntil: until } },
    });
    renderer.findByTestId(LoadingButton, 'playbook-snooze-501').trigger('onClick');
    const date = renderer.findByTestId(DateInput, 'playbook-until-501');
    // A week from the view's day (Dec 3 in São Paulo) unless the CSM picks another.
    expect(date.props.value).toEqual({ year: 2026, month: 11, date: 10 });
    date.trigger('onChange', { year: 2027, month: 0, date: 5 } as never);
    renderer.findByTestId(LoadingButton, 'playbook-submit-501').trigger('onClick');
    expect(renderer.findByTestId(DateInput, 'playbook-until-501').props.validationMessage).toBe(
      'Choose a day between tomorrow and 30 days from today.',
    );
    expect(requestsOf(fetch)).toHaveLength(1);

    renderer
      .findByTestId(DateInput, 'playbook-until-501')
      .trigger('onChange', { year: 2026, month: 11, date: 10 } as never);
    renderer
      .findByTestId(TextArea, 'playbook-reason-501')
      .trigger('onChange', 'Customer on holiday' as never);
    renderer.findByTestId(LoadingButton, 'playbook-submit-501').trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    expect(bodyOf(fetch, 1)).toEqual({ kind: 'snooze', until, reason: 'Customer on holiday' });
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: 'success',
      message: 'Playbook snoozed until Dec 10, 2026.',
    });
  });

  it('when the CSM resumes a snoozed playbook, then the command goes for that run and the card confirms', async () => {
    const { fetch, renderer } = await renderTab(playbooksView, {
      command: { body: { ...snoozedAdoptionRun, snoozedUntil: null } },
    });
    renderer.findByTestId(LoadingButton, 'playbook-resume-502').trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    expect(requestsOf(fetch)[1]?.url.pathname).toBe('/api/playbooks/502/commands');
    expect(bodyOf(fetch, 1)).toEqual({ kind: 'resume' });
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: 'success',
      message: 'Playbook resumed.',
    });
  });

  it('when the CSM starts a playbook, then the company and type are posted, confirmed, and the view reloads', async () => {
    const { fetch, renderer } = await renderTab(healthyView);
    expect(renderer.findByTestId(Text, 'playbooks-empty').text).toBe(
      'No playbook is running for this company.',
    );
    expect(renderer.findByTestId(LoadingButton, 'start-playbook').props.disabled).toBe(true);
    renderer.findByTestId(Select, 'start-playbook-type').trigger('onChange', 'risk' as never);
    renderer.findByTestId(LoadingButton, 'start-playbook').trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    const [, start, reload] = requestsOf(fetch);
    expect(start?.method).toBe('POST');
    expect(start?.url.pathname).toBe('/api/playbooks');
    expect(start?.url.searchParams.get('portalId')).toBe('9000001');
    expect(bodyOf(fetch, 1)).toEqual({ companyId: '4242', playbook: 'risk' });
    expect(reload?.url.pathname).toBe(viewPath);
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: 'success',
      message: 'Risk playbook started: Harbor creates its first task in HubSpot.',
    });
  });

  it('when the service refuses a start, then the refusal shows under the control in the CSM’s language', async () => {
    const { renderer } = await renderTab(healthyView, {
      locale: 'pt-br',
      start: { status: 409, body: { error: { code: 'CONFLICT', message: 'A risk playbook already runs' } } },
    });
    renderer.findByTestId(Select, 'start-playbook-type').trigger('onChange', 'risk' as never);
    renderer.findByTestId(LoadingButton, 'start-playbook').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'start-playbook-refusal')).not.toBeNull();
    });
    const alert = renderer.findByTestId(Alert, 'start-playbook-refusal');
    expect(alert.props.title).toBe('O Harbor não aceitou isto (CONFLICT)');
    expect(readText(alert)).toContain('O playbook mudou desde que o cartão carregou');
    expect(readText(alert)).toContain('A risk playbook already runs');
    expect(renderer.mocks.actions.addAlert.calls).toHaveLength(0);
  });

  it('when the account has a stale plan, then why, its next steps and the warning show; Mark reviewed posts the note', async () => {
    const { fetch, renderer } = await renderTab(playbooksView);
    expect(renderer.findByTestId(Tag, 'plan-kind').text).toBe('At risk');
    expect(renderer.findByTestId(Text, 'plan-step-0').text).toBe('Usage check-in call');
    expect(renderer.findByTestId(Text, 'plan-step-due-0').text).toBe('Due Dec 1, 2026');
    expect(renderer.findByTestId(Tag, 'plan-step-overdue-0').text).toBe('Overdue');
    expect(renderer.maybeFindByTestId(Tag, 'plan-step-overdue-1')).toBeNull();
    expect(renderer.findByTestId(Text, 'plan-last-reviewed').text).toBe('Last reviewed: never');
    expect(renderer.findByTestId(Alert, 'plan-stale').props.title).toBe('Stale: not updated in 7 days');

    renderer.findByTestId(Button, 'plan-review').trigger('onClick');
    renderer.findByTestId(TextArea, 'plan-review-note').trigger('onChange', 'Called the sponsor' as never);
    renderer.findByTestId(LoadingButton, 'plan-review-submit').trigger('onClick');
    await renderer.waitFor(() => {
      expect(requestsOf(fetch)).toHaveLength(3);
    });
    const [, review, reload] = requestsOf(fetch);
    expect(review?.method).toBe('POST');
    expect(review?.url.pathname).toBe('/api/plans/4242/review');
    expect(bodyOf(fetch, 1)).toEqual({ note: 'Called the sponsor' });
    expect(reload?.url.pathname).toBe(viewPath);
    expect(renderer.mocks.actions.addAlert.calls.at(-1)?.[0]).toEqual({
      type: 'success',
      message: 'Plan marked as reviewed.',
    });
  });

  it('when the account has no plan, then no plan section shows', async () => {
    const { renderer } = await renderTab(healthyView);
    expect(renderer.maybeFindByTestId(Tag, 'plan-kind')).toBeNull();
    expect(screenText(renderer.getRootNode())).not.toContain('Action plan');
  });

  it('when the CSM reads Portuguese, then playbooks, steps and the plan are in Brazilian Portuguese', async () => {
    const { renderer } = await renderTab(playbooksView, { locale: 'pt-br' });
    expect(renderer.findByTestId(Text, 'playbook-title-501').text).toBe('Playbook de renovação');
    expect(renderer.findByTestId(Tag, 'playbook-status-501').text).toBe('Em andamento');
    expect(renderer.findByTestId(ProgressBar, 'playbook-progress-501').props.valueDescription).toBe(
      '2 de 5 etapas',
    );
    expect(renderer.findByTestId(Text, 'playbook-step-501-0-state').text).toBe(
      'Concluída em 24 de nov. de 2026',
    );
    expect(renderer.findByTestId(Text, 'playbook-step-501-3-state').text).toBe(
      'Na fila: limite diário de tarefas do responsável ou adiamento',
    );
    expect(renderer.findByTestId(LoadingButton, 'playbook-cancel-501').text).toBe('Cancelar playbook');
    expect(renderer.findByTestId(LoadingButton, 'playbook-resume-502').text).toBe('Retomar');
    expect(renderer.findByTestId(Tag, 'plan-kind').text).toBe('Em risco');
    expect(renderer.findByTestId(Text, 'plan-last-reviewed').text).toBe('Última revisão: nunca');
    expect(renderer.findByTestId(Alert, 'plan-stale').props.title).toBe(
      'Desatualizado: sem atualização há 7 dias',
    );
    expect(renderer.findByTestId(Button, 'plan-review').text).toBe('Marcar como revisado');
    expect(renderer.findByTestId(Select, 'start-playbook-type').props.label).toBe('Iniciar um playbook');
    // The signal whose defined action is a playbook offers to start that playbook, by name.
    expect(renderer.findByTestId(LoadingButton, 'signal-start_action-31').text).toBe(
      'Iniciar o playbook de adoção',
    );
  });

  it('when a signal’s defined action is a playbook, then its start button names the playbook', async () => {
    const { renderer } = await renderTab(playbooksView);
    expect(renderer.findByTestId(LoadingButton, 'signal-start_action-31').text).toBe(
      'Start the Adoption playbook',
    );
    expect(renderer.findByTestId(LoadingButton, 'signal-start_action-32').text).toBe(
      'Start the Renewal playbook',
    );
  });
});

describe('the playbook on the company sidebar', () => {
  it('when a playbook runs, then the sidebar says which and how far', async () => {
    fakeHubspotFetch(() => ({ body: playbooksView }));
    const renderer = companyCardRenderer('crm.record.sidebar');
    renderer.render(<CompanyHealthSidebar context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'playbook-line')).not.toBeNull();
    });
    expect(renderer.findByTestId(Text, 'playbook-line').text).toBe('Playbook: Renewal, 2 of 5 steps');
  });

  it('when no playbook runs, then the sidebar has no playbook line', async () => {
    fakeHubspotFetch(() => ({ body: { ...playbooksView, playbooks: [] as PlaybookRunWire[] } }));
    const renderer = companyCardRenderer('crm.record.sidebar');
    renderer.render(<CompanyHealthSidebar context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'signal-count')).not.toBeNull();
    });
    expect(renderer.maybeFindByTestId(Text, 'playbook-line')).toBeNull();
  });
});
