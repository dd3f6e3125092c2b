import {
  Alert,
  Button,
  Input,
  LoadingButton,
  MultiSelect,
  NumberInput,
  Select,
} from '@hubspot/ui-extensions';
import { healthModelSchema, type HealthModel, type Segmentation } from '@harbor/wire';
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
import { fixtureModel, fixtureView } from './settings-view.fixture.ts';

/** The segmentation, support, invoice-status and survey settings: edited, checked and saved with the rest. */

const byEmployees: Segmentation = {
  kind: 'bands',
  property: 'company_size',
  bands: [
    { below: 50, segment: 'SMB' },
    { below: 500, segment: 'SMB' },
  ],
  top: 'ENTERPRISE',
};

const viewWith = (model: Partial<HealthModel>) => {
  const view = fixtureView();
  return fixtureView({ active: { ...view.active, model: { ...fixtureModel, ...model } } });
};

describe('the settings page’s segmentation, support and survey settings', () => {
  const service = fakeService();
  const { requests } = service;

  beforeEach(() => {
    service.start();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const accepting = (method: string, url: URL) =>
    method === 'PUT' && url.pathname === '/api/health/model'
      ? json({ portalId: 9000001, version: 4 })
      : undefined;

  async function open(renderer: Renderer) {
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Select, 'segmentation.kind')).not.toBeNull();
    });
  }

  async function saved(renderer: Renderer): Promise<HealthModel> {
    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');
    await renderer.waitFor(() => {
      expect(service.savedModel()).toBeDefined();
    });
    return healthModelSchema.parse(service.savedModel());
  }

  it('when an admin edits a range’s limit and segment and adds a range, then the save sends the new ranges', async () => {
    service.serve(viewWith({ segmentation: byEmployees }), accepting);
    const renderer = setUp();
    await open(renderer);
    enter(renderer, 'segmentation.bands.1.below', 1000);
    choose(renderer, 'segmentation.bands.1.segment', 'ENTERPRISE');
    renderer.findByTestId(Button, 'segmentation.bands.add').trigger('onClick');
    // The new range starts a step above the last limit, in the segment above the ranges.
    expect(renderer.findByTestId(NumberInput, 'segmentation.bands.2.below').props.value).toBe(1950);
    renderer.findByTestId(Button, 'segmentation.bands.0.remove').trigger('onClick');

    expect((await saved(renderer)).segmentation).toEqual({
      kind: 'bands',
      property: 'company_size',
      bands: [
        { below: 1000, segment: 'ENTERPRISE' },
        { below: 1950, segment: 'ENTERPRISE' },
      ],
      top: 'ENTERPRISE',
    });
  });

  it('when a range’s limit is not above the one before, then that limit says so and nothing is saved', async () => {
    service.serve(viewWith({ segmentation: byEmployees }), accepting);
    const renderer = setUp();
    await open(renderer);
    enter(renderer, 'segmentation.bands.1.below', 40);
    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');

    const field = renderer.findByTestId(NumberInput, 'segmentation.bands.1.below');
    expect(field.props.error).toBe(true);
    expect(field.props.validationMessage).toBe('Each limit must be higher than the one above it.');
    expect(renderer.findByTestId(NumberInput, 'segmentation.bands.0.below').props.error).toBe(false);
    expect(readText(renderer.find(Alert, { title: 'Nothing was saved' }))).toContain('(tab Health model)');
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);

    // Putting it back above 50 clears the message at once.
    enter(renderer, 'segmentation.bands.1.below', 60);
    expect(renderer.findByTestId(NumberInput, 'segmentation.bands.1.below').props.error).toBe(false);
  });

  it('when an admin removes a value and adds it back in another segment, then the save sends that mapping', async () => {
    service.serve(fixtureView(), accepting);
    const renderer = setUp();
    await open(renderer);
    // Both options of Plan tier are listed, so none is left to add.
    expect(renderer.maybeFindByTestId(Select, 'segmentation.values.new')).toBeNull();
    renderer.findByTestId(Button, 'segmentation.values.starter.remove').trigger('onClick');
    expect(renderer.findByTestId(Select, 'segmentation.values.new').props.options).toEqual([
      { label: 'Starter (starter)', value: 'starter' },
    ]);
    choose(renderer, 'segmentation.values.new', 'starter');
    choose(renderer, 'segmentation.values.starter', 'ENTERPRISE');
    choose(renderer, 'defaultSegment', 'ENTERPRISE');

    const model = await saved(renderer);
    expect(model.segmentation).toEqual({
      kind: 'values',
      property: 'plan_tier',
      values: { enterprise: 'ENTERPRISE', starter: 'ENTERPRISE' },
    });
    expect(model.defaultSegment).toBe('ENTERPRISE');
  });

  it('when an admin changes SLA hours, urgent priorities, escalation, invoice points and the survey half-life, then the save carries them', async () => {
    service.serve(fixtureView(), accepting);
    const renderer = setUp();
    await open(renderer);
    enter(renderer, 'support.slaHours.HIGH', 12);
    choose(renderer, 'support.slaHours.new', 'URGENT');
    // A new priority starts at the hours of "Any other priority" until it is edited.
    expect(renderer.findByTestId(NumberInput, 'support.slaHours.URGENT').props.value).toBe(48);
    enter(renderer, 'support.slaHours.URGENT', 4);
    renderer
      .findByTestId(MultiSelect, 'support.urgentPriorities')
      .trigger('onChange', ['URGENT', 'HIGH'] as never);
    enter(renderer, 'support.lookbackDays', 120);
    type(renderer, 'support.escalationProperty', 'escalated');
    enter(renderer, 'payment.invoiceStatusPoints.open', 40);
    renderer.findByTestId(Button, 'payment.invoiceStatusPoints.overdue.remove').trigger('onClick');
    enter(renderer, 'sentiment.halfLifeDays', 60);
    enter(renderer, 'sentiment.fullConfidenceResponses', 5);

    const model = await saved(renderer);
    expect(model.support).toEqual({
      lookbackDays: 120,
      slaHours: { HIGH: 12, default: 48, URGENT: 4 },
      urgentPriorities: ['URGENT', 'HIGH'],
      escalationProperty: 'escalated',
    });
    expect(model.payment.invoiceStatusPoints).toEqual({ paid: 100, open: 40 });
    expect(model.sentiment).toEqual({ halfLifeDays: 60, maxAgeDays: 365, fullConfidenceResponses: 5 });
    expect(model.segments).toEqual(fixtureModel.segments);
  });

  it('when support settings break the schema, then each field says what it needs and nothing is saved', async () => {
    service.serve(fixtureView(), accepting);
    const renderer = setUp();
    await open(renderer);
    type(renderer, 'support.escalationProperty', 'Escalated?');
    renderer.findByTestId(MultiSelect, 'support.urgentPriorities').trigger('onChange', [] as never);
    enter(renderer, 'support.lookbackDays', 7.5);
    enter(renderer, 'sentiment.maxAgeDays', 0);
    renderer.findByTestId(LoadingButton, 'save-model').trigger('onClick');

    const message = (component: typeof Input | typeof MultiSelect | typeof NumberInput, testId: string) =>
      renderer.findByTestId(component as typeof Input, testId).props.validationMessage;
    expect(message(Input, 'support.escalationProperty')).toBe(
      'Enter a property’s internal name: lowercase letters, digits and _, starting with a letter.',
    );
    expect(message(MultiSelect, 'support.urgentPriorities')).toBe('Choose at least one urgent priority.');
    expect(message(NumberInput, 'support.lookbackDays')).toBe('Enter a whole number.');
    expect(message(NumberInput, 'sentiment.maxAgeDays')).toBe('Enter a number above 0.');
    // The escalation property is on the Properties tab, the rest on the Indicators tab.
    expect(readText(renderer.find(Alert, { title: 'Nothing was saved' }))).toContain(
      '(tab Indicators, Properties)',
    );
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('when the user may not manage apps, then these settings are shown but cannot be changed', async () => {
    service.serve(viewWith({ segmentation: byEmployees }));
    const renderer = setUp({ permissions: [] });
    await open(renderer);
    for (const testId of [
      'segmentation.kind',
      'segmentation.bands.0.segment',
      'segmentation.top',
      'defaultSegment',
    ])
      expect(renderer.findByTestId(Select, testId).props.readOnly, testId).toBe(true);
    for (const testId of [
      'segmentation.bands.1.below',
      'support.lookbackDays',
      'support.slaHours.HIGH',
      'payment.invoiceStatusPoints.paid',
      'sentiment.halfLifeDays',
    ])
      expect(renderer.findByTestId(NumberInput, testId).props.readOnly, testId).toBe(true);
    expect(renderer.findByTestId(MultiSelect, 'support.urgentPriorities').props.readOnly).toBe(true);
    expect(renderer.findByTestId(Input, 'support.escalationProperty').props.readOnly).toBe(true);
    // No way to add or remove rows either.
    expect(renderer.maybeFindByTestId(Button, 'segmentation.bands.add')).toBeNull();
    expect(renderer.maybeFindByTestId(Button, 'support.slaHours.HIGH.remove')).toBeNull();
    expect(renderer.maybeFindByTestId(Select, 'support.slaHours.new')).toBeNull();
  });

  it('when a component has nothing the model can weigh, then its weight is locked and says how to change that', async () => {
    service.serve(viewWith({ customIndicators: [] }));
    const renderer = setUp();
    await open(renderer);
    const custom = renderer.findByTestId(NumberInput, 'weight-SMB-custom');
    expect(custom.props.readOnly).toBe(true);
    expect(custom.props.description).toBe('Add a custom indicator on the Indicators tab to weigh this.');
    expect(renderer.findByTestId(NumberInput, 'weight-SMB-usage').props.readOnly).toBe(false);
  });

  it('when the user reads Portuguese, then these settings speak Brazilian Portuguese', async () => {
    service.serve(viewWith({ segmentation: byEmployees }));
    const renderer = setUp({ locale: 'pt-br' });
    await open(renderer);
    expect(renderer.findByTestId(Select, 'segmentation.kind').props.label).toBe(
      'Como as empresas são divididas',
    );
    expect(renderer.findByTestId(NumberInput, 'segmentation.bands.0.below').props.label).toBe('Abaixo de');
    expect(readText(renderer.findByTestId(Button, 'segmentation.bands.add'))).toBe('Adicionar intervalo');
    expect(renderer.findByTestId(NumberInput, 'support.lookbackDays').props.label).toBe(
      'Dias de tickets considerados',
    );
    expect(renderer.findByTestId(NumberInput, 'support.slaHours.default').props.label).toBe(
      'Qualquer outra prioridade',
    );
    expect(renderer.findByTestId(NumberInput, 'sentiment.halfLifeDays').props.label).toBe(
      'Meia-vida em dias',
    );
    expect(renderer.findByTestId(Input, 'support.escalationProperty').props.label).toBe('Ticket escalado');
  });
});
