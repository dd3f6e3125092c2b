import { Alert, Button, Input, LoadingButton, NumberInput, Select, Tab } from '@hubspot/ui-extensions';
import { defaultReportSettings, type ReportSettings, type ReportSettingsViewWire } from '@harbor/wire';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SettingsPage } from './SettingsPage.tsx';
import { choose, enter, fakeService, json, setUp, type } from './settings-page-test-kit.tsx';
import { fixtureView } from './settings-view.fixture.ts';

describe('the settings page’s Reports tab', () => {
  const service = fakeService();
  let stored: ReportSettingsViewWire;
  let refuse: boolean;

  const open = async (locale?: string) => {
    service.serve(fixtureView(), (method, url, body) => {
      if (url.pathname !== '/api/settings/reports') return undefined;
      if (method === 'GET') return json(stored);
      if (refuse) return json({ error: { code: 'VALIDATION_FAILED', message: 'no' } }, 400);
      stored = {
        ...stored,
        version: (stored.version ?? 0) + 1,
        settings: (body as { reports: ReportSettings }).reports,
      };
      return json({ portalId: 9000001, version: stored.version });
    });
    const renderer = setUp(locale === undefined ? {} : { locale });
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(NumberInput, 'targets.0.target')).not.toBeNull();
    });
    return renderer;
  };
  const puts = () => service.requests.filter((request) => request.method === 'PUT');

  beforeEach(() => {
    service.start();
    refuse = false;
    stored = {
      version: 3,
      settings: structuredClone(defaultReportSettings),
      segments: ['ENTERPRISE', 'SMB'],
    };
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the tab opens, then ratio targets show in percent, NPS in points, and segments come from the model plus All', async () => {
    const renderer = await open();
    // Defaults: GRR 0.9 → 90 %, NRR 1.0 → 100 %, logo churn 0.03 → 3 %, NPS 30 points.
    expect(
      [0, 1, 2, 3].map((index) => renderer.findByTestId(NumberInput, `targets.${index}.target`).props.value),
    ).toEqual([90, 100, 3, 30]);
    expect(renderer.findByTestId(NumberInput, 'targets.0.target').props.label).toBe('Target (%)');
    expect(renderer.findByTestId(NumberInput, 'targets.3.target').props.label).toBe('Target (NPS points)');
    expect(
      renderer.findByTestId(Select, 'targets.0.segment').props.options.map((option) => option.value),
    ).toEqual(['all', 'ENTERPRISE', 'SMB']);
    expect(renderer.findByTestId(Select, 'routing.finance').props.value).toBe('none');
  });

  it('when an admin adds a target, routes finance to an owner and saves, then fractions and the route are sent and the save is confirmed', async () => {
    const renderer = await open();
    renderer.findByTestId(Button, 'targets.add').trigger('onClick');
    choose(renderer, 'targets.4.segment', 'SMB');
    choose(renderer, 'targets.4.metric', 'logoChurn');
    enter(renderer, 'targets.4.target', 5);
    renderer.findByTestId(Button, 'targets.1.remove').trigger('onClick'); // NRR goes.
    choose(renderer, 'routing.finance', 'owner');
    type(renderer, 'routing.finance.ownerId', '501');
    choose(renderer, 'alertPeriod', 'month');
    enter(renderer, 'survey.detractorRiseAlertPp', 7.5);
    renderer.findByTestId(LoadingButton, 'save-reports').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'reports-saved')).not.toBeNull();
    });

    const sent = (puts()[0]?.body as { reports: ReportSettings }).reports;
    expect(sent.targets).toEqual([
      { segment: 'all', metric: 'grr', target: 0.9 },
      { segment: 'all', metric: 'logoChurn', target: 0.03 },
      { segment: 'all', metric: 'nps', target: 30 },
      { segment: 'SMB', metric: 'logoChurn', target: 0.05 },
    ]);
    expect(sent.routing.finance).toEqual({ kind: 'owner', ownerId: '501' });
    expect(sent).toMatchObject({ alertPeriod: 'month', survey: { detractorRiseAlertPp: 7.5 } });
    expect(renderer.findByTestId(Alert, 'reports-saved').props.title).toBe('Saved as version 4');
  });

  it('when a target repeats, a ratio is typed out of range or an id is not digits, then each field says why and nothing is sent', async () => {
    const renderer = await open();
    choose(renderer, 'targets.1.metric', 'grr'); // now a second all/GRR target
    enter(renderer, 'targets.0.target', 450); // 450 % is no retention target
    choose(renderer, 'routing.support', 'queue');
    type(renderer, 'routing.support.queueId', 'support-queue');
    renderer.findByTestId(LoadingButton, 'save-reports').trigger('onClick');

    expect(renderer.findByTestId(Select, 'targets.1.metric').props.validationMessage).toBe(
      'This segment already has a target for this metric.',
    );
    expect(renderer.findByTestId(NumberInput, 'targets.0.target').props.validationMessage).toBe(
      'Enter a percentage from −100 to 200.',
    );
    expect(renderer.findByTestId(Input, 'routing.support.queueId').props.validationMessage).toBe(
      'Enter the HubSpot id: digits only.',
    );
    expect(renderer.maybeFindByTestId(Alert, 'reports-invalid')).not.toBeNull();
    expect(puts()).toEqual([]);

    // Fixing the id clears its message at once.
    type(renderer, 'routing.support.queueId', '88');
    expect(renderer.findByTestId(Input, 'routing.support.queueId').props.error).toBe(false);
  });

  it('when the service refuses the save, then the admin is told and keeps the edits', async () => {
    refuse = true;
    const renderer = await open();
    enter(renderer, 'targets.0.target', 92);
    renderer.findByTestId(LoadingButton, 'save-reports').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'reports-failed')).not.toBeNull();
    });
    expect(renderer.findByTestId(NumberInput, 'targets.0.target').props.value).toBe(92);
  });

  it('when the user reads Portuguese, then the tab speaks it', async () => {
    const renderer = await open('pt-br');
    expect(renderer.findAll(Tab).map((tab) => tab.props.title)).toContain('Relatórios');
    expect(renderer.findByTestId(NumberInput, 'targets.3.target').props.label).toBe('Meta (pontos de NPS)');
    expect(renderer.findByTestId(LoadingButton, 'save-reports').text).toBe(
      'Salvar configurações de relatórios',
    );
  });
});
