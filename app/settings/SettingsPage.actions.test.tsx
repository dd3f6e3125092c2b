import {
  Alert,
  Button,
  Input,
  LoadingButton,
  NumberInput,
  Select,
  Tab,
  Text,
  Toggle,
} from '@hubspot/ui-extensions';
import {
  actionSettingsEditWire,
  defaultAutomationSettings,
  defaultPlaybooks,
  defaultPlaybookSettings,
  defaultSignalSettings,
  playbookTypes,
  type ActionSettingsViewWire,
} from '@harbor/wire';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SettingsPage } from './SettingsPage.tsx';
import {
  choose,
  enter,
  fakeService,
  json,
  readText,
  setUp,
  type,
  type Renderer,
} from './settings-page-test-kit.tsx';
import { fixtureView } from './settings-view.fixture.ts';

/** The Signals, Automations and Playbooks tabs: what an admin edits there is what the service receives. */

function actionsView(): ActionSettingsViewWire {
  return structuredClone({
    signals: defaultSignalSettings,
    playbooks: defaultPlaybookSettings,
    automations: defaultAutomationSettings,
    version: 4,
    defaultPlaybooks: Object.fromEntries(
      playbookTypes.map((type) => [type, defaultPlaybooks[type].en]),
    ) as ActionSettingsViewWire['defaultPlaybooks'],
  });
}

const toggle = (renderer: Renderer, testId: string, checked: boolean) => {
  renderer.findByTestId(Toggle, testId).trigger('onChange', checked as never);
};

describe('the settings page’s signals, automations and playbooks', () => {
  const service = fakeService();
  const { requests } = service;
  const puts = () => requests.filter((request) => request.method === 'PUT');
  /** The last body sent to PUT /api/settings/actions, checked with the service's own schema. */
  const savedActions = () => {
    const put = puts().find((request) => request.url.pathname === '/api/settings/actions');
    return actionSettingsEditWire.parse(put?.body);
  };

  const serve = (saveStatus = 200) => {
    service.serve(fixtureView(), (method, url) => {
      if (url.pathname !== '/api/settings/actions') return undefined;
      if (method === 'GET') return json(actionsView());
      if (method === 'PUT')
        return saveStatus === 200
          ? json({ portalId: 9000001, version: 5 })
          : json({ error: { code: 'VALIDATION_FAILED', message: 'signals.defaults: no' } }, saveStatus);
      return undefined;
    });
  };

  const open = async (options?: Parameters<typeof setUp>[0]) => {
    const renderer = setUp(options);
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(
        renderer.maybeFindByTestId(NumberInput, 'signals.defaults.low_health.belowScore'),
      ).not.toBeNull();
    });
    return renderer;
  };

  beforeEach(() => {
    service.start();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when an admin changes thresholds and saves, then the service receives them with everything else as it was', async () => {
    serve();
    const renderer = await open();
    expect(renderer.findByTestId(NumberInput, 'signals.defaults.usage_drop.minDropShare').props.value).toBe(
      40,
    );
    expect(renderer.findByTestId(LoadingButton, 'save-actions-signals').props.disabled).toBe(true);

    enter(renderer, 'signals.defaults.low_health.belowScore', 60);
    enter(renderer, 'signals.defaults.usage_drop.minDropShare', 35);
    toggle(renderer, 'signals.defaults.advocacy.enabled', false);
    type(renderer, 'signals.routing.escalationOwnerId', '502');
    // The same bar is on each of the three tabs: saving from Playbooks sends the Signals edits too.
    expect(readText(renderer.findByTestId(LoadingButton, 'save-actions-playbooks'))).toBe(
      'Save signals, automations and playbooks',
    );
    renderer.findByTestId(LoadingButton, 'save-actions-playbooks').trigger('onClick');

    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'actions-saved-signals')).not.toBeNull();
    });
    expect(renderer.findByTestId(Alert, 'actions-saved-signals').props.title).toBe('Saved as version 5');
    const saved = savedActions();
    expect(saved.signals.defaults.low_health).toEqual({
      enabled: true,
      belowScore: 60,
      tierDropWithinDays: 30,
    });
    expect(saved.signals.defaults.usage_drop.minDropShare).toBe(0.35);
    expect(saved.signals.defaults.advocacy.enabled).toBe(false);
    expect(saved.signals.routing).toEqual({
      ownerFallbackId: null,
      escalationOwnerId: '502',
      taskLanguage: 'en',
    });
    expect(saved.signals.segments).toEqual(defaultSignalSettings.segments);
    expect(saved.automations).toEqual(defaultAutomationSettings);
    expect(saved.playbooks).toEqual(defaultPlaybookSettings);
    // The health model has its own save: nothing was sent there.
    expect(puts().map((request) => request.url.pathname)).toEqual(['/api/settings/actions']);
  });

  it('when due days run the wrong way, then the field says so, Save sends nothing, and fixing it clears the message', async () => {
    serve();
    const renderer = await open();
    enter(renderer, 'signals.dueDays.critical', 8);
    renderer.findByTestId(LoadingButton, 'save-actions-signals').trigger('onClick');

    const field = renderer.findByTestId(NumberInput, 'signals.dueDays.critical');
    expect(field.props.error).toBe(true);
    expect(field.props.validationMessage).toBe(
      'A more severe signal needs as many days or fewer: Critical ≤ High ≤ Medium ≤ Low.',
    );
    expect(readText(renderer.findByTestId(Alert, 'actions-invalid-signals'))).toContain('(tab Signals)');
    expect(puts()).toEqual([]);

    enter(renderer, 'signals.dueDays.critical', 3);
    expect(renderer.findByTestId(NumberInput, 'signals.dueDays.critical').props.error).toBe(false);
    expect(renderer.maybeFindByTestId(Alert, 'actions-invalid-signals')).toBeNull();
  });

  it('when a share is out of range, then its message speaks in percent', async () => {
    serve();
    const renderer = await open();
    enter(renderer, 'signals.defaults.expansion.minSeatUtilisation', 140);
    renderer.findByTestId(LoadingButton, 'save-actions-signals').trigger('onClick');
    expect(
      renderer.findByTestId(NumberInput, 'signals.defaults.expansion.minSeatUtilisation').props
        .validationMessage,
    ).toBe('Enter 100 or less.');
    expect(puts()).toEqual([]);
  });

  it('when a segment gets its own threshold, then it starts at the account’s value and is sent for that segment', async () => {
    serve();
    const renderer = await open();
    expect(renderer.findByTestId(NumberInput, 'signals.segments.SMB.low_health.belowScore').props.value).toBe(
      74,
    );
    choose(renderer, 'signal-segment-SMB.add', 'usage_drop.minPreviousLogins');
    expect(
      renderer.findByTestId(NumberInput, 'signals.segments.SMB.usage_drop.minPreviousLogins').props.value,
    ).toBe(30);
    enter(renderer, 'signals.segments.SMB.usage_drop.minPreviousLogins', 10);
    renderer.findByTestId(Button, 'signals.segments.SMB.low_health.belowScore.remove').trigger('onClick');
    renderer.findByTestId(LoadingButton, 'save-actions-signals').trigger('onClick');
    await renderer.waitFor(() => {
      expect(puts()).toHaveLength(1);
    });
    expect(savedActions().signals.segments).toEqual({
      SMB: { usage_drop: { minPreviousLogins: 10 } },
      ENTERPRISE: { low_health: { belowScore: 59 } },
    });
  });

  it('when an admin edits a segment’s playbook, then the default is copied for that segment with the edits', async () => {
    serve();
    const renderer = await open();
    choose(renderer, 'playbook-type', 'renewal');
    choose(renderer, 'playbook-segment', 'ENTERPRISE');
    expect(readText(renderer.findByTestId(Text, 'playbook-source'))).toBe(
      'This is Harbor’s default playbook, in the task language saved on the Signals tab (English).',
    );
    const shipped = defaultPlaybooks.renewal.en;
    const first = 'playbooks.segments.ENTERPRISE.renewal.steps.0';
    expect(renderer.findByTestId(Input, `${first}.title`).props.value).toBe(shipped.steps[0]?.title);

    type(renderer, `${first}.title`, 'Executive account review');
    enter(renderer, `${first}.dueInDays`, 4);
    choose(renderer, `${first}.owner`, 'cs_lead');
    renderer.findByTestId(Button, 'playbook-add-step').trigger('onClick');
    const added = shipped.steps.length;
    type(renderer, `playbooks.segments.ENTERPRISE.renewal.steps.${added}.title`, 'Send the value summary');
    renderer
      .findByTestId(Button, `playbooks.segments.ENTERPRISE.renewal.steps.${added}.up`)
      .trigger('onClick');
    expect(readText(renderer.findByTestId(Text, 'playbook-source'))).toBe(
      'Segment ENTERPRISE has its own version of this playbook.',
    );
    enter(renderer, 'playbooks.maxOpenTasksPerOwnerPerDay', 12);
    renderer.findByTestId(LoadingButton, 'save-actions-playbooks').trigger('onClick');

    await renderer.waitFor(() => {
      expect(puts()).toHaveLength(1);
    });
    const { playbooks } = savedActions();
    expect(playbooks.templates).toEqual({});
    expect(playbooks.maxOpenTasksPerOwnerPerDay).toBe(12);
    const steps = playbooks.segments.ENTERPRISE?.renewal?.steps ?? [];
    expect(steps[0]).toEqual({
      ...shipped.steps[0],
      title: 'Executive account review',
      dueInDays: 4,
      owner: { kind: 'cs_lead' },
    });
    // The new step was added last and moved up one place.
    const titles = shipped.steps.map((step) => step.title);
    titles[0] = 'Executive account review';
    titles.splice(titles.length - 1, 0, 'Send the value summary');
    expect(steps.map((step) => step.title)).toEqual(titles);
  });

  it('when a step’s title is emptied, then the step says so and the playbook is named above', async () => {
    serve();
    const renderer = await open();
    type(renderer, 'playbooks.templates.onboarding.steps.0.title', '');
    renderer.findByTestId(LoadingButton, 'save-actions-playbooks').trigger('onClick');
    expect(
      renderer.findByTestId(Input, 'playbooks.templates.onboarding.steps.0.title').props.validationMessage,
    ).toBe('Give the task a title.');
    expect(readText(renderer.findByTestId(Alert, 'playbook-errors'))).toBe(
      'Onboarding playbook (All segments)',
    );
    expect(puts()).toEqual([]);
    // Going back to Harbor's default drops the broken copy.
    renderer.findByTestId(Button, 'playbook-reset').trigger('onClick');
    expect(renderer.maybeFindByTestId(Alert, 'playbook-errors')).toBeNull();
  });

  it('when an automation’s action and the weekly review change, then the save carries both', async () => {
    serve();
    const renderer = await open();
    const action = renderer.findByTestId(Select, 'automations.triggers.usage_drop.action');
    expect(action.props.value).toBe('open_signal');
    choose(renderer, 'automations.triggers.usage_drop.action', 'playbook:adoption');
    toggle(renderer, 'automations.triggers.late_payment.enabled', false);
    choose(renderer, 'automations.weeklyReview.weekday', 'friday');
    enter(renderer, 'automations.weeklyReview.hour', 16);
    expect(renderer.findByTestId(NumberInput, 'automations.weeklyReview.hour').props.description).toBe(
      'In the account’s time zone (America/Sao_Paulo).',
    );
    renderer.findByTestId(LoadingButton, 'save-actions-automations').trigger('onClick');

    await renderer.waitFor(() => {
      expect(puts()).toHaveLength(1);
    });
    const { automations, signals } = savedActions();
    expect(automations.triggers.usage_drop).toEqual({
      enabled: true,
      action: { kind: 'start_playbook', playbook: 'adoption' },
    });
    expect(automations.triggers.late_payment.enabled).toBe(false);
    expect(automations.weeklyReview).toEqual({ enabled: true, weekday: 'friday', hour: 16 });
    expect(signals).toEqual(defaultSignalSettings);
  });

  it('when the service refuses the save, then the admin is told and the edits stay', async () => {
    serve(400);
    const renderer = await open();
    enter(renderer, 'signals.defaults.low_health.belowScore', 60);
    renderer.findByTestId(LoadingButton, 'save-actions-signals').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(Alert, { title: 'The settings could not be saved' })).not.toBeNull();
    });
    expect(renderer.findByTestId(NumberInput, 'signals.defaults.low_health.belowScore').props.value).toBe(60);
    expect(renderer.findByTestId(LoadingButton, 'save-actions-signals').props.disabled).toBe(false);
  });

  it('when the user may not manage apps, then the three tabs are read-only and have no save bar', async () => {
    serve();
    const renderer = await open({ permissions: [] });
    expect(renderer.findByTestId(NumberInput, 'signals.defaults.low_health.belowScore').props.readOnly).toBe(
      true,
    );
    expect(renderer.findByTestId(Toggle, 'automations.weeklyReview.enabled').props.readOnly).toBe(true);
    expect(renderer.findByTestId(Input, 'playbooks.templates.onboarding.steps.0.title').props.readOnly).toBe(
      true,
    );
    expect(renderer.maybeFindByTestId(LoadingButton, 'save-actions-signals')).toBeNull();
    expect(renderer.maybeFindByTestId(Button, 'playbook-add-step')).toBeNull();
  });

  it('when the user reads Portuguese, then the new tabs and their fields are in Brazilian Portuguese', async () => {
    serve();
    const renderer = await open({ locale: 'pt-br' });
    const titles = renderer.findAll(Tab).map((tab) => tab.props.title);
    expect(titles.slice(3, 6)).toEqual(['Sinais', 'Automações', 'Playbooks']);
    expect(renderer.findByTestId(NumberInput, 'signals.defaults.low_health.belowScore').props.label).toBe(
      'Alertar abaixo desta pontuação',
    );
    expect(readText(renderer.findByTestId(LoadingButton, 'save-actions-signals'))).toBe(
      'Salvar sinais, automações e playbooks',
    );
  });
});
