import { fakeHubspotFetch, readText } from '@harbor/ui/testing';
import type { CompanyAnswersWire, CompanyViewWire } from '@harbor/wire';
import { Table, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { companyCardRenderer } from '../card-test-kit.ts';
import { CompanyHealthTab } from '../CompanyHealthTab.tsx';
import { healthyView } from './company-view.fixtures.ts';

const history: CompanyAnswersWire = {
  companyId: '4242',
  total: 52,
  answers: [
    {
      kind: 'NPS',
      value: 3,
      bucket: 'detractor',
      submittedAt: '2026-11-02T09:00:00.000Z',
      comment: 'Reports are too slow since the last release.',
    },
    { kind: 'CSAT', value: 2, bucket: 'promoter', submittedAt: '2026-10-20T10:00:00.000Z', comment: null },
    { kind: 'CES', value: 5, bucket: 'passive', submittedAt: '2026-09-01T10:00:00.000Z', comment: null },
  ],
};

const rowTexts = (table: Pick<RenderedElementNode, 'findAll'>) =>
  table
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.childNodes.map(readText));

async function renderTab(view: CompanyViewWire, locale = 'en-us') {
  fakeHubspotFetch(() => ({ body: view }));
  const renderer = companyCardRenderer('crm.record.tab', locale);
  renderer.render(<CompanyHealthTab context={renderer.mocks.context} actions={renderer.mocks.actions} />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(Text, 'latest-comment') ?? renderer.maybeFind(Table)).not.toBeNull();
  });
  return renderer;
}

describe('the card’s NPS history', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the company answered surveys, then each answer shows newest first with date, score on its scale, group and comment', async () => {
    const renderer = await renderTab({ ...healthyView, npsHistory: history });
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'nps-history')).not.toBeNull();
    });
    expect(rowTexts(renderer.findByTestId(Table, 'nps-history'))).toEqual([
      ['Nov 2, 2026', 'NPS', '3 of 10', 'Detractor', 'Reports are too slow since the last release.'],
      ['Oct 20, 2026', 'CSAT', '2 of 2', 'Promoter', '—'],
      ['Sep 1, 2026', 'CES', '5 of 7', 'Passive', '—'],
    ]);
    const tags = renderer.findByTestId(Table, 'nps-history').findAll(Tag);
    expect(tags.map((tag) => tag.props.variant)).toEqual(['error', 'success', 'default']);
    expect(
      renderer.findAll(Text).some((text) => readText(text) === 'Showing the newest 3 of 52 answers.'),
    ).toBe(true);
  });

  it('when the company never answered, then the section says so in Portuguese too', async () => {
    const renderer = await renderTab(
      { ...healthyView, npsHistory: { companyId: '4242', total: 0, answers: [] } },
      'pt-br',
    );
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'nps-history-empty')).not.toBeNull();
    });
    expect(readText(renderer.findByTestId(Text, 'nps-history-empty'))).toBe(
      'Esta empresa ainda não respondeu nenhuma pesquisa.',
    );
  });

  it('when an older server sends no history, then the card shows no NPS history section', async () => {
    const renderer = await renderTab(healthyView);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Text, 'latest-comment')).not.toBeNull();
    });
    expect(renderer.maybeFindByTestId(Table, 'nps-history')).toBeNull();
    expect(renderer.maybeFindByTestId(Text, 'nps-history-empty')).toBeNull();
  });
});
