import {
  Alert,
  Button,
  ErrorState,
  LoadingButton,
  LoadingSpinner,
  NumberInput,
  Tab,
  Table,
} from '@hubspot/ui-extensions';
import { healthModelSchema } from '@harbor/wire';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SettingsPage } from './SettingsPage.tsx';
import { choose as pick, enter, fakeService, json, readText, setUp } from './settings-page-test-kit.tsx';
import { fixtureModel, fixtureView } from './settings-view.fixture.ts';

describe('the settings page', () => {
  const service = fakeService();
  const { requests } = service;
  const serve: typeof service.serve = (view, route) => {
    service.serve(view, route);
  };

  beforeEach(() => {
    service.start();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the page opens, then Harbor shows it is loading and asks for the view in the user’s portal and name', async () => {
    serve(() => new Promise(() => undefined));
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading Harbor…');
    // Nothing renders again while the answer is pending, so poll the requests rather than the screen.
    await vi.waitFor(() => {
      expect(requests.length).toBeGreaterThan(0);
    });
    const url = requests[0]?.url;
    expect(`${url?.origin ?? ''}${url?.pathname ?? ''}`).toBe('https://harbor.test/api/views/settings');
    expect(url?.searchParams.get('portalId')).toBe('9000001');
    expect(url?.searchParams.get('userId')).toBe('7001');
  });

  it('when the service cannot be reached, then the user is told so and can try again', async () => {
    let calls = 0;
    serve(() => {
      calls += 1;
      return Promise.reject(new Error('network down'));
    });
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(ErrorState)).not.toBeNull();
    });
    expect(readText(renderer.find(ErrorState))).toContain('did not answer');
    const before = calls;
    renderer.find(ErrorState).find(Button).trigger('onClick');
    await renderer.waitFor(() => {
      expect(calls).toBe(before + 1);
    });
  });

  it('when the user may not manage apps, then everything is shown read-only and nothing can be saved', async () => {
    serve(fixtureView());
    const renderer = setUp({ permissions: [] });
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'read-only')).not.toBeNull();
    });
    expect(readText(renderer.findByTestId(Alert, 'read-only'))).toContain('Only people who may manage apps');
    const inputs = renderer.findAll(NumberInput);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((input) => input.props.readOnly === true)).toBe(true);
    expect(renderer.maybeFindByTestId(LoadingButton, 'save-model')).toBeNull();
    expect(renderer.maybeFindByTestId(LoadingButton, 'run-calibration')).toBeNull();
    expect(renderer.maybeFindByTestId(LoadingButton, 'apply-12')).toBeNull();
    // Still readable: weights, the report card and the history.
    expect(renderer.findByTestId(NumberInput, 'weight-SMB-usage').props.value).toBe(30);
    expect(readText(renderer.findByTestId(Table, 'report-12'))).toContain('0.66 → 0.73');
    expect(readText(renderer.findByTestId(Table, 'history'))).toContain('Ana Souza');
  });

  it('when Harbor does not know the user as one of the portal’s, then the page is read-only and says why', async () => {
    serve(fixtureView({ canEdit: false }));
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'read-only')).not.toBeNull();
    });
    expect(readText(renderer.findByTestId(Alert, 'read-only'))).toContain('next sync');
    expect(renderer.findByTestId(NumberInput, 'weight-SMB-usage').props.readOnly).toBe(true);
  });

  it('when weights no longer add up to 100, then the total shows the error and no save is sent', async () => {
    serve(fixtureView());
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(NumberInput, 'weight-SMB-usage')).not.toBeNull();
    });
    enter(renderer, 'weight-SMB-usage', 40);
    expect(renderer.findByTestId(NumberInput, 'weight-total-SMB').props.value).toBe(110);

    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');
    const total = renderer.findByTestId(NumberInput, 'weight-total-SMB');
    expect(total.props.error).toBe(true);
    expect(total.props.validationMessage).toBe('The weights add up to 110. Make them add up to 100.');
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([]);
    expect(readText(renderer.find(Alert, { title: 'Nothing was saved' }))).toContain('(tab Health model)');

    // Bringing it back to 100 clears the message at once.
    enter(renderer, 'weight-SMB-support', 5);
    expect(renderer.findByTestId(NumberInput, 'weight-total-SMB').props.error).toBe(false);
  });

  it('when tier bands overlap, then the field says so and no save is sent', async () => {
    serve(fixtureView());
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(NumberInput, 'tier-SMB-healthy.exit')).not.toBeNull();
    });
    enter(renderer, 'tier-SMB-healthy.exit', 80);
    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');
    const field = renderer.findByTestId(NumberInput, 'tier-SMB-healthy.exit');
    expect(field.props.error).toBe(true);
    expect(field.props.validationMessage).toContain('cannot be higher than “Healthy from”');
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('when a valid edit is saved, then the model is sent as edited and the user is offered to rescore now', async () => {
    let saved = false;
    serve(fixtureView(), (method, url) => {
      if (method === 'PUT' && url.pathname === '/api/health/model') {
        saved = true;
        return json({ portalId: 9000001, version: 4 });
      }
      if (method === 'POST' && url.pathname === '/api/health/rescore')
        return json({ portalId: 9000001, status: 'started' }, 202);
      return undefined;
    });
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(NumberInput, 'weight-SMB-usage')).not.toBeNull();
    });
    // Usage 30 → 20 and Sentiment 20 → 30: still 100, and usage keeps its 2 : 1 split.
    enter(renderer, 'weight-SMB-usage', 20);
    enter(renderer, 'weight-SMB-sentiment', 30);
    enter(renderer, 'tier-SMB-healthy.enter', 72);
    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');

    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(LoadingButton, 'rescore-now')).not.toBeNull();
    });
    expect(saved).toBe(true);
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.url.searchParams.get('portalId')).toBe('9000001');
    const body = put?.body as { model: unknown };
    const model = healthModelSchema.parse(body.model);
    expect(model.segments.SMB?.weights).toMatchObject({
      seat_utilisation: 13.33,
      login_trend: 6.67,
      nps: 30,
    });
    expect(model.segments.SMB?.tiers.healthy.enter).toBe(72);
    expect(model.segments.ENTERPRISE).toEqual(fixtureModel.segments.ENTERPRISE);
    expect(renderer.find(Alert, { variant: 'success' }).props.title).toBe('Saved as version 4');

    renderer.findByTestId(LoadingButton, 'rescore-now').trigger('onClick');
    await renderer.waitFor(() => {
      expect(readText(renderer.find(Alert, { variant: 'success' }))).toContain('Rescoring has started');
    });
    expect(requests.filter((request) => request.url.pathname === '/api/health/rescore')).toHaveLength(1);
  });

  it('when an admin applies a proposal, then it is applied and the view is loaded again', async () => {
    serve(fixtureView(), (method, url) =>
      method === 'POST' && url.pathname === '/api/health/proposals/12/apply'
        ? json({ portalId: 9000001, proposalId: 12, version: 4, rescoring: true })
        : undefined,
    );
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(LoadingButton, 'apply-12')).not.toBeNull();
    });
    expect(readText(renderer.findByTestId(Table, 'report-12'))).toContain('14.0% → 9.0%');
    renderer.findByTestId(LoadingButton, 'apply-12').trigger('onClick');
    await renderer.waitFor(() => {
      expect(readText(renderer.getRootNode())).toContain('It is now version 4');
    });
    const trail = () => requests.map((request) => `${request.method} ${request.url.pathname}`);
    const applied = trail().indexOf('POST /api/health/proposals/12/apply');
    expect(applied).toBeGreaterThan(0);
    await renderer.waitFor(() => {
      expect(trail().slice(applied + 1)).toContain('GET /api/views/settings');
    });
  });

  it('when a threshold is put below the one before, then that threshold says so and nothing is saved', async () => {
    serve(fixtureView());
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(NumberInput, 'curves.nps.1.value')).not.toBeNull();
    });
    enter(renderer, 'curves.nps.1.value', -150);
    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');
    const field = renderer.findByTestId(NumberInput, 'curves.nps.1.value');
    expect(field.props.error).toBe(true);
    expect(field.props.validationMessage).toBe('Each threshold must be higher than the one before.');
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('when an admin adds a choice indicator and maps a property, then the save carries both', async () => {
    serve(fixtureView(), (method, url) =>
      method === 'PUT' && url.pathname === '/api/health/model'
        ? json({ portalId: 9000001, version: 4 })
        : undefined,
    );
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Button, 'custom-add')).not.toBeNull();
    });
    renderer.findByTestId(Button, 'custom-add').trigger('onClick');
    const choose = (testId: string, value: string) => {
      pick(renderer, testId, value);
    };
    choose('customIndicators.1.kind', 'enumeration');
    choose('customIndicators.1.property', 'plan_tier');
    // The property's options from HubSpot are offered to score.
    enter(renderer, 'customIndicators.1.points.enterprise', 90);
    choose('properties.featuresUsed', 'company_size');
    choose('properties.lastReply', 'plan_tier');
    choose('properties.lastReply', '');
    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');

    await renderer.waitFor(() => {
      expect(requests.some((request) => request.method === 'PUT')).toBe(true);
    });
    const put = requests.find((request) => request.method === 'PUT');
    const model = healthModelSchema.parse((put?.body as { model: unknown }).model);
    expect(model.customIndicators[1]).toEqual({
      kind: 'enumeration',
      id: 'indicator_1',
      label: 'New indicator',
      property: 'plan_tier',
      points: { enterprise: 90 },
    });
    expect(model.properties).toMatchObject({ featuresUsed: 'company_size', lastReply: null });
  });

  it('when calibration finds too little history, then the admin is told what it needs', async () => {
    serve(fixtureView(), (method, url) =>
      method === 'POST' && url.pathname === '/api/health/calibrations'
        ? json(
            { error: { code: 'VALIDATION_FAILED', message: 'calibration needs at least 40 past outcomes' } },
            400,
          )
        : undefined,
    );
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(LoadingButton, 'run-calibration')).not.toBeNull();
    });
    renderer.findByTestId(LoadingButton, 'run-calibration').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFind(Alert, { title: 'Calibration did not finish' })).not.toBeNull();
    });
    expect(readText(renderer.find(Alert, { title: 'Calibration did not finish' }))).toContain(
      'at least 40 past outcomes',
    );
  });

  it('when the admin asks for older versions, then they are listed below the newer ones', async () => {
    serve(fixtureView(), (method, url) =>
      method === 'GET' &&
      url.pathname === '/api/views/settings/history' &&
      url.searchParams.get('before') === '2'
        ? json({
            versions: [
              {
                version: 1,
                source: 'default',
                createdBy: 'harbor',
                createdByName: null,
                createdAt: '2026-11-01T08:00:00.000Z',
                changes: [],
                moreChanges: 0,
              },
            ],
            before: null,
          })
        : undefined,
    );
    const renderer = setUp();
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(LoadingButton, 'history-older')).not.toBeNull();
    });
    renderer.findByTestId(LoadingButton, 'history-older').trigger('onClick');
    await renderer.waitFor(() => {
      expect(readText(renderer.findByTestId(Table, 'history'))).toContain('First version');
    });
    expect(readText(renderer.findByTestId(Table, 'history'))).toContain('Harbor’s default');
    expect(renderer.maybeFindByTestId(LoadingButton, 'history-older')).toBeNull();
  });

  it('when the user reads Portuguese, then the page speaks Brazilian Portuguese', async () => {
    serve(fixtureView());
    const renderer = setUp({ locale: 'pt-br' });
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.findAll(Tab).length).toBe(11);
    });
    expect(renderer.findAll(Tab).map((tab) => tab.props.title)).toEqual([
      'Modelo de saúde',
      'Indicadores',
      'Propriedades',
      'Sinais',
      'Automações',
      'Playbooks',
      'Calibração',
      'Fluxos de trabalho',
      'Dados de uso',
      'Relatórios',
      'Histórico',
    ]);
    expect(renderer.findByTestId(NumberInput, 'weight-total-SMB').props.validationMessage).toBe('Soma 100');
    expect(readText(renderer.findByTestId(Table, 'report-12'))).toContain('0,66 → 0,73');
  });
});
