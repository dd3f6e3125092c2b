import { fakeHubspotFetch, harborRenderer, readText, requestsOf } from '@harbor/ui/testing';
import { Link, Select, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import type { OpenSignalsWire, SignalWire } from '@harbor/wire';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { OpenSignalsPage } from './OpenSignalsPage.tsx';

function signal(overrides: Partial<SignalWire>): SignalWire {
  return {
    id: 1,
    companyId: '2001',
    type: 'late_payment',
    kind: 'risk',
    severity: 'high',
    status: 'open',
    evidence: [],
    ownerId: '501',
    action: { kind: 'task' },
    openedAt: '2026-11-10T09:00:00.000Z',
    dueAt: '2026-11-15T09:00:00.000Z',
    overdue: false,
    actionStartedAt: null,
    escalatedAt: null,
    snoozedUntil: null,
    closedAt: null,
    closeReason: null,
    ...overrides,
  };
}

/** Acme’s escalated late payment (Casey), Beta’s critical usage drop (Ana), Gamma’s old expansion (nobody). */
function openSignals(overrides: Partial<OpenSignalsWire> = {}): OpenSignalsWire {
  return {
    generatedAt: '2026-11-24T12:00:00.000Z',
    rows: [
      {
        signal: signal({ id: 1, overdue: true, escalatedAt: '2026-11-15T10:00:00.000Z' }),
        companyName: 'Acme Logistics',
        ownerName: 'Casey Moss',
      },
      {
        signal: signal({
          id: 2,
          companyId: '2002',
          type: 'usage_drop',
          severity: 'critical',
          status: 'acknowledged',
          ownerId: '502',
          openedAt: '2026-11-20T09:00:00.000Z',
          dueAt: '2026-11-26T09:00:00.000Z',
        }),
        companyName: 'Beta Foods',
        ownerName: 'Ana Lima',
      },
      {
        signal: signal({
          id: 3,
          companyId: '2003',
          type: 'expansion',
          kind: 'opportunity',
          severity: 'medium',
          ownerId: null,
          openedAt: '2026-11-01T09:00:00.000Z',
          dueAt: '2026-12-01T09:00:00.000Z',
        }),
        companyName: null,
        ownerName: null,
      },
    ],
    total: 3,
    ...overrides,
  };
}

function setUp(locale = 'en-us') {
  return harborRenderer('pages', { locale, portalId: 4242 });
}

const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));
const companies = (renderer: ReturnType<typeof setUp>) =>
  rowTexts(renderer.findByTestId(Table, 'open-signals-table')).map((row) => row[0]);

async function opened(renderer: ReturnType<typeof setUp>) {
  renderer.render(<OpenSignalsPage />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Table, 'open-signals-table')).not.toBeNull();
  });
}

function choose(renderer: ReturnType<typeof setUp>, testId: string, value: string) {
  renderer.findByTestId(Select, testId).trigger('onChange', value as never);
}

describe('the open signals page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the page opens, then every open signal is listed oldest first, with its owner, age and due date, linking to its company', async () => {
    const fetch = fakeHubspotFetch(() => ({ body: openSignals() }));
    const renderer = setUp();
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Open signals');
    expect(requestsOf(fetch)[0]?.url.pathname).toBe('/api/review/signals');
    const table = renderer.findByTestId(Table, 'open-signals-table');
    expect(rowTexts(table)).toEqual([
      ['Company 2003', 'Expansion', 'Medium', 'Open', 'No owner', '23 days', 'Dec 1, 2026'],
      [
        'Acme Logistics',
        'Late payment',
        'High',
        'Open · Escalated',
        'Casey Moss',
        '14 days',
        'Overdue since Nov 15, 2026',
      ],
      ['Beta Foods', 'Usage drop', 'Critical', 'Acknowledged', 'Ana Lima', '4 days', 'Nov 26, 2026'],
    ]);
    expect(table.findAll(Link).map((link) => link.props.href)).toEqual([
      'https://app.hubspot.com/contacts/4242/record/0-2/2003',
      'https://app.hubspot.com/contacts/4242/record/0-2/2001',
      'https://app.hubspot.com/contacts/4242/record/0-2/2002',
    ]);
  });

  it('when the user sorts by severity or by owner, then the rows follow; unowned signals come last by owner', async () => {
    fakeHubspotFetch(() => ({ body: openSignals() }));
    const renderer = setUp();
    await opened(renderer);

    choose(renderer, 'signal-order', 'severity');
    await renderer.waitFor(() => {
      expect(companies(renderer)).toEqual(['Beta Foods', 'Acme Logistics', 'Company 2003']);
    });
    choose(renderer, 'signal-order', 'owner');
    await renderer.waitFor(() => {
      expect(companies(renderer)).toEqual(['Beta Foods', 'Acme Logistics', 'Company 2003']);
    });
    expect(rowTexts(renderer.findByTestId(Table, 'open-signals-table')).map((row) => row[4])).toEqual([
      'Ana Lima',
      'Casey Moss',
      'No owner',
    ]);
  });

  it('when the user picks an owner, then only their signals show; "No owner" shows the unowned ones', async () => {
    fakeHubspotFetch(() => ({ body: openSignals() }));
    const renderer = setUp();
    await opened(renderer);

    expect(
      (renderer.findByTestId(Select, 'signal-owner').props.options as { label: string }[]).map(
        (o) => o.label,
      ),
    ).toEqual(['All owners', 'Ana Lima', 'Casey Moss', 'No owner']);
    choose(renderer, 'signal-owner', '501');
    await renderer.waitFor(() => {
      expect(companies(renderer)).toEqual(['Acme Logistics']);
    });
    choose(renderer, 'signal-owner', 'none');
    await renderer.waitFor(() => {
      expect(companies(renderer)).toEqual(['Company 2003']);
    });
  });

  it('when there are more open signals than the page holds, or none, then it says so', async () => {
    fakeHubspotFetch(() => ({ body: openSignals({ total: 250 }) }));
    const renderer = setUp();
    await opened(renderer);
    expect(readText(renderer.find(Text, { variant: 'microcopy' }))).toBe(
      'Showing the 3 most severe of 250 open signals.',
    );

    vi.restoreAllMocks();
    fakeHubspotFetch(() => ({ body: openSignals({ rows: [], total: 0 }) }));
    const empty = setUp();
    empty.render(<OpenSignalsPage />);
    await empty.waitFor(() => {
      expect(empty.findAll(Text).map((text) => text.text)).toContain('No open signals right now.');
    });
    expect(empty.maybeFindByTestId(Table, 'open-signals-table')).toBeNull();
  });

  it('when the user speaks Portuguese, then the page is in Portuguese with Brazilian dates', async () => {
    fakeHubspotFetch(() => ({ body: openSignals() }));
    const renderer = setUp('pt-br');
    await opened(renderer);

    expect(renderer.find(PageTitle).text).toBe('Sinais abertos');
    expect(rowTexts(renderer.findByTestId(Table, 'open-signals-table'))[1]).toEqual([
      'Acme Logistics',
      'Pagamento em atraso',
      'Alta',
      'Aberto · Escalado',
      'Casey Moss',
      '14 dias',
      'Prazo vencido desde 15 de nov. de 2026',
    ]);
    expect(renderer.findByTestId(Select, 'signal-order').props.label).toBe('Ordenar por');
  });
});
