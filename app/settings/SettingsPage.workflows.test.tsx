import { Alert, StatusTag, Tab, Table } from '@hubspot/ui-extensions';
import type { HarborWorkflowsWire } from '@harbor/wire';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SettingsPage } from './SettingsPage.tsx';
import { fakeService, json, readText, setUp } from './settings-page-test-kit.tsx';
import { fixtureView } from './settings-view.fixture.ts';

const listed: HarborWorkflowsWire = {
  source: 'hubspot',
  workflows: [
    {
      key: 'at-risk-tier',
      name: 'Harbor: tier became at risk',
      description: 'Start the risk playbook and tell the owner.',
      state: 'enabled',
      flowId: '1000001',
      driftedFields: [],
    },
    {
      key: 'renewal-in-90-days',
      name: 'Harbor: renewal in 90 days',
      description: 'Start the renewal playbook.',
      state: 'drifted',
      flowId: '1000002',
      driftedFields: ['actions[0].fields.playbook.staticValue'],
    },
    {
      key: 'expansion-signal',
      name: 'Harbor: expansion signal',
      description: 'Start the expansion playbook.',
      state: 'missing',
      flowId: null,
      driftedFields: [],
    },
  ],
};

describe('the settings page’s Workflows tab', () => {
  const service = fakeService();

  const open = async (answer: HarborWorkflowsWire, locale?: string) => {
    service.serve(fixtureView(), (method, url) =>
      method === 'GET' && url.pathname === '/api/workflows' ? json(answer) : undefined,
    );
    const renderer = setUp(locale === undefined ? {} : { locale });
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'workflows')).not.toBeNull();
    });
    return renderer;
  };

  beforeEach(() => {
    service.start();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the page opens, then each Harbor workflow shows what it does and whether it is on, off, changed or missing', async () => {
    const renderer = await open(listed);
    const table = readText(renderer.findByTestId(Table, 'workflows'));
    expect(table).toContain('Harbor: tier became at risk');
    expect(table).toContain('Start the risk playbook and tell the owner.');
    expect(readText(renderer.findByTestId(StatusTag, 'workflow-state-at-risk-tier'))).toBe('On');
    expect(readText(renderer.findByTestId(StatusTag, 'workflow-state-renewal-in-90-days'))).toBe(
      'Changed in HubSpot',
    );
    expect(table).toContain('Differs from Harbor’s version at: actions[0].fields.playbook.staticValue');
    expect(readText(renderer.findByTestId(StatusTag, 'workflow-state-expansion-signal'))).toBe(
      'Not installed',
    );
    expect(renderer.maybeFindByTestId(Alert, 'workflows-unavailable')).toBeNull();
    const request = service.requests.find((sent) => sent.url.pathname === '/api/workflows');
    expect(request?.url.searchParams.get('portalId')).toBe('9000001');
  });

  it('when HubSpot could not be asked, then the workflows are still listed and the tab says their state is unknown, in Portuguese too', async () => {
    const renderer = await open(
      {
        source: 'unavailable',
        workflows: listed.workflows.map((workflow) => ({ ...workflow, state: 'unknown', flowId: null })),
      },
      'pt-br',
    );
    expect(readText(renderer.findByTestId(Alert, 'workflows-unavailable'))).toContain(
      'O Harbor não conseguiu perguntar ao HubSpot',
    );
    expect(readText(renderer.findByTestId(StatusTag, 'workflow-state-at-risk-tier'))).toBe('Desconhecida');
    expect(renderer.findAll(Tab).some((tab) => tab.props.title === 'Fluxos de trabalho')).toBe(true);
  });
});
