import { homeNameMaxLength, homeViewWire } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import type { AtRiskRow } from '../../store/repositories/home-view-repository.ts';
import {
  assembleHomeView,
  backtestHeadline,
  decodeAtRiskCursor,
  encodeAtRiskCursor,
  homeWindows,
  type HomeViewInput,
} from './home-view.pure.ts';

const now = new Date('2026-12-30T23:30:00.000Z');

const atRisk = (
  companyId: string,
  contractValue: string | null,
  name: string | null = 'Acme',
): AtRiskRow => ({
  companyId,
  name,
  score: 20,
  segment: 'SMB',
  topDriver: null,
  ownerId: null,
  ownerFirstName: null,
  ownerLastName: null,
  ownerEmail: null,
  contractValue,
  renewalDay: '2027-02-30',
});

const empty: HomeViewInput = {
  tierCounts: [],
  atRiskSummary: { companies: 0, contractValue: '0' },
  atRiskRows: [],
  atRiskLimit: 25,
  tierChanges: { rows: [], total: 0 },
  renewals: { rows: [], total: 0 },
  calibrations: [],
  currency: 'USD',
};

const card = (auc: number) => ({ overall: { accounts: 40, auc, topDecileLift: 2 } });

describe('the home view, assembled', () => {
  it('when the clock is near a year end, then the windows are whole UTC days counted from now', () => {
    expect(homeWindows(now)).toEqual({
      tierChangesSince: new Date('2026-12-23T23:30:00.000Z'),
      renewalsFrom: '2026-12-30',
      renewalsTo: '2027-03-30',
    });
  });

  it('when a page ends on a company with or without a contract value, then its cursor leads back to the same place', () => {
    for (const position of [
      { contractValue: '50000.50', companyId: '2002' },
      { contractValue: null, companyId: '10000000000000000000' },
    ]) {
      expect(decodeAtRiskCursor(encodeAtRiskCursor(position))).toEqual(position);
    }
    expect(decodeAtRiskCursor('1e5~2002')).toBeUndefined();
    expect(decodeAtRiskCursor('none~0')).toBeUndefined();
  });

  it('when there is one more at-risk row than the page holds, then the page is cut and the cursor names its last row', () => {
    const view = assembleHomeView(
      { ...empty, atRiskLimit: 2, atRiskRows: [atRisk('1', '9'), atRisk('2', null), atRisk('3', null)] },
      now,
    );
    expect(view.atRisk.companies.map((company) => company.companyId)).toEqual(['1', '2']);
    expect(view.atRisk.nextCursor).toBe('none~2');
  });

  it('when the CRM holds an endless name or an impossible renewal day, then the answer stays small and valid', () => {
    const view = assembleHomeView(
      {
        ...empty,
        atRiskRows: [atRisk('1', '5', `  ${'x'.repeat(70_000)}  `), atRisk('2', '5', '   ')],
        renewals: {
          rows: [
            {
              companyId: '1',
              name: 'A',
              renewalDay: '2027-02-30',
              tier: null,
              score: null,
              contractValue: null,
            },
          ],
          total: 1,
        },
      },
      now,
    );
    expect(view.atRisk.companies[0]?.name).toHaveLength(homeNameMaxLength);
    expect(view.atRisk.companies[0]?.renewalDate).toBeNull();
    expect(view.atRisk.companies[1]?.name).toBeNull();
    expect(view.renewals.companies).toEqual([]);
    expect(homeViewWire.omit({ portfolioAlerts: true }).safeParse(view).success).toBe(true);
  });

  it('when the latest calibration was applied, then the headline is the proposed model’s; otherwise the model it was fitted on', () => {
    const report = { outcomes: 120, current: card(0.6), proposed: card(0.7) };
    const at = new Date('2026-11-01T00:00:00.000Z');
    expect(backtestHeadline([{ createdAt: at, status: 'applied', report }])).toMatchObject({
      auc: 0.7,
      renewals: 120,
    });
    expect(backtestHeadline([{ createdAt: at, status: 'dismissed', report }])).toMatchObject({ auc: 0.6 });
    expect(
      backtestHeadline([{ createdAt: at, status: 'proposed', report: { recommendation: 'keep' } }]),
    ).toBeNull();
    expect(backtestHeadline([])).toBeNull();
  });
});
