import { fakeHubspotFetch } from '@harbor/ui/testing';
import type { CompanyViewWire } from '@harbor/wire';
import { LineChart, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { companyCardRenderer } from './card-test-kit.ts';
import { CompanyHealthTab } from './CompanyHealthTab.tsx';
import { healthyView } from './components/company-view.fixtures.ts';

const withUsage: CompanyViewWire = {
  ...healthyView,
  usage: {
    points: [
      { date: '2026-11-30', activeUsers: 12, logins: 40, minutes: 300 },
      { date: '2026-12-01', activeUsers: 9, logins: null, minutes: null },
      { date: '2026-12-02', activeUsers: null, logins: 22, minutes: 100 },
    ],
    seats: 20,
  },
};

async function renderTab(view: CompanyViewWire, locale = 'en-us') {
  fakeHubspotFetch(() => ({ body: view }));
  const renderer = companyCardRenderer('crm.record.tab', locale);
  renderer.render(<CompanyHealthTab context={renderer.mocks.context} actions={renderer.mocks.actions} />);
  await renderer.waitFor(() => {
    expect(renderer.maybeFindByTestId(LineChart, 'history-chart')).not.toBeNull();
  });
  return renderer;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the usage chart on the company health tab', () => {
  it('when the product pushed usage, then active users and logins are charted per day as two lines, with the seats', async () => {
    const renderer = await renderTab(withUsage);
    const chart = renderer.findByTestId(LineChart, 'usage-chart');
    expect(chart.props.data).toEqual([
      { day: '2026-11-30', series: 'Active users', value: 12 },
      { day: '2026-11-30', series: 'Logins', value: 40 },
      { day: '2026-12-01', series: 'Active users', value: 9 },
      { day: '2026-12-02', series: 'Logins', value: 22 },
    ]);
    expect(chart.props.axes.options?.groupFieldByColor).toBe('series');
    expect(chart.props.options?.title).toBe('Usage your product reported, last 90 days');
    expect(renderer.findByTestId(Text, 'usage-seats').text).toBe('Seats: 20');
  });

  it('when the card is in Portuguese, then the chart speaks it too', async () => {
    const renderer = await renderTab(withUsage, 'pt-br');
    const chart = renderer.findByTestId(LineChart, 'usage-chart');
    expect((chart.props.data as { day: string }[])[0]).toEqual({
      day: '2026-11-30',
      series: 'Usuários ativos',
      value: 12,
    });
    expect(renderer.findByTestId(Text, 'usage-seats').text).toBe('Licenças: 20');
  });

  it('when only one day was pushed, then there is no chart but a note; without usage there is no section', async () => {
    const oneDay = await renderTab({
      ...withUsage,
      usage: { points: withUsage.usage?.points.slice(0, 1) ?? [], seats: null },
    });
    expect(oneDay.maybeFindByTestId(LineChart, 'usage-chart')).toBeNull();
    expect(oneDay.findByTestId(Text, 'usage-few-days').text).toBe('Not enough days of usage to chart yet');
    const none = await renderTab({ ...healthyView, usage: null });
    expect(none.maybeFindByTestId(LineChart, 'usage-chart')).toBeNull();
    expect(none.maybeFindByTestId(Text, 'usage-few-days')).toBeNull();
  });
});
