import { harborRenderer, readText } from '@harbor/ui/testing';
import { createTranslator } from '@harbor/i18n';
import { StatusTag, Table, TableRow, Text } from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import type { PortfolioAlertsWire, PortfolioAlertWire } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { PortfolioAlerts } from './PortfolioAlerts.tsx';

const alert = (overrides: Partial<PortfolioAlertWire>): PortfolioAlertWire => ({
  id: 1,
  segment: 'SMB',
  metric: 'grr',
  kind: 'below_target',
  period: 'quarter',
  periodStart: '2026-07-01',
  lastPeriodStart: '2026-07-01',
  value: 0.84,
  reference: 0.9,
  raisedAt: '2026-10-05T09:23:00.000Z',
  closedAt: null,
  task: 'created',
  ...overrides,
});

const alerts: PortfolioAlertsWire = {
  open: [
    alert({
      id: 2,
      segment: 'all',
      metric: 'detractorShare',
      kind: 'detractor_rise',
      value: 0.35,
      reference: 0.2,
      task: 'not_routed',
    }),
    alert({ id: 1, lastPeriodStart: '2026-10-01', value: 0.86 }),
  ],
  openTotal: 2,
  cleared: [
    alert({
      id: 3,
      segment: 'ENTERPRISE',
      metric: 'nps',
      kind: 'nps_below',
      value: -5,
      reference: 0,
      closedAt: '2026-11-02T10:00:00.000Z',
    }),
  ],
};

const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

function show(view: PortfolioAlertsWire, language: 'en' | 'pt-BR') {
  const renderer = harborRenderer('pages', { locale: language === 'en' ? 'en-us' : 'pt-br', portalId: 4242 });
  const format = { locale: language === 'en' ? 'en-US' : 'pt-BR', timeZone: 'UTC' };
  renderer.render(<PortfolioAlerts alerts={view} t={createTranslator(language)} format={format} />);
  return renderer;
}

describe('the portfolio alerts block', () => {
  it('when alerts are open, then each says what breached where since when, and whether the CS lead has the task', () => {
    const renderer = show(alerts, 'en');
    expect(rowTexts(renderer.findByTestId(Table, 'portfolio-alerts'))).toEqual([
      [
        'All customers',
        'Detractor share rose to 35.0%, from 20.0% the period before',
        '2026-Q3',
        'Not routed: set a CS lead in Settings › Signals',
      ],
      [
        'SMB',
        'GRR off target: 86.0% against a target of 90.0%',
        '2026-Q3 (still in 2026-Q4)',
        'Task created',
      ],
    ]);
    expect(renderer.findByTestId(StatusTag, 'alert-task-2').props.variant).toBe('warning');
    expect(rowTexts(renderer.findByTestId(Table, 'portfolio-alerts-cleared'))).toEqual([
      ['ENTERPRISE', 'NPS below the alert threshold: -5 (alert below 0)', 'Nov 2, 2026'],
    ]);
  });

  it('when nothing is in breach, then the block says so in Portuguese too, and lists no cleared table', () => {
    const renderer = show({ open: [], openTotal: 0, cleared: [] }, 'pt-BR');
    expect(renderer.maybeFindByTestId(Table, 'portfolio-alerts')).toBeNull();
    expect(renderer.maybeFindByTestId(Table, 'portfolio-alerts-cleared')).toBeNull();
    expect(renderer.findAll(Text).map((text) => readText(text))).toContain(
      'Nenhum alerta: todos os segmentos estão nas metas e nada está piorando.',
    );
  });
});
