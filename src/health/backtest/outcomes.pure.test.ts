import { describe, expect, it } from 'vitest';

import { defaultHealthModel } from '../model/default-health-model.ts';
import type { HealthModel } from '../model/health-model-schema.ts';
import { findOutcomes, type CompanyOutcome, type RenewalDealFact } from './outcomes.pure.ts';

const NOW = Date.UTC(2026, 5, 15);
const MARCH = Date.UTC(2026, 2, 1);
const APRIL = Date.UTC(2026, 3, 1);
const MAY = Date.UTC(2026, 4, 10);
const LAST_YEAR = Date.UTC(2025, 4, 10);
const NEXT_MONTH = Date.UTC(2026, 6, 15);

// The default model: customer_status "churned" flags a churn, churn_date holds when.
const churnedFlag = { customer_status: 'churned' };
const activeFlag = { customer_status: 'active' };

const deal = (closeDate: number, closed: boolean, won: boolean): RenewalDealFact => ({
  companyId: 'c1',
  closeDate,
  closed,
  won,
});
const won = (closeDate: number) => deal(closeDate, true, true);
const lost = (closeDate: number) => deal(closeDate, true, false);
const open = (closeDate: number) => deal(closeDate, false, false);

type Expected = Omit<CompanyOutcome, 'companyId'> | null;

describe('findOutcomes: one outcome per company from its churn properties and latest renewal', () => {
  it.each<[string, string, Record<string, string | null>, RenewalDealFact[], Expected]>([
    [
      'the churn flag and a churn date',
      'churned at the churn date',
      { ...churnedFlag, churn_date: '2026-04-01' },
      [],
      { churned: true, at: APRIL, source: 'churn_property' },
    ],
    [
      'the churn flag and a lost renewal, no date',
      'churned at the lost renewal’s close date',
      churnedFlag,
      [lost(MAY)],
      { churned: true, at: MAY, source: 'churn_property' },
    ],
    ['the churn flag alone, no date and no renewal', 'no outcome', churnedFlag, [], null],
    ['the churn flag alone with the renewal still open', 'no outcome', churnedFlag, [open(NEXT_MONTH)], null],
    // The flag says the customer left; counting it as renewed would teach calibration the opposite.
    [
      'the churn flag with the latest renewal won, no date',
      'no outcome (not renewed)',
      churnedFlag,
      [won(MAY)],
      null,
    ],
    [
      'a churn date without the flag',
      'churned at the churn date',
      { ...activeFlag, churn_date: '2026-03-01' },
      [],
      { churned: true, at: MARCH, source: 'churn_property' },
    ],
    [
      'a churn date as epoch milliseconds',
      'churned at that date',
      { churn_date: String(APRIL) },
      [],
      { churned: true, at: APRIL, source: 'churn_property' },
    ],
    [
      'a churn date and a later lost renewal: the date wins',
      'churned at the churn date',
      { churn_date: '2026-03-01' },
      [lost(MAY)],
      { churned: true, at: MARCH, source: 'churn_property' },
    ],
    [
      'a renewal won',
      'renewed at the close date',
      activeFlag,
      [won(MAY)],
      { churned: false, at: MAY, source: 'renewal_deal' },
    ],
    [
      'a renewal lost',
      'churned at the close date',
      {},
      [lost(MAY)],
      { churned: true, at: MAY, source: 'renewal_deal' },
    ],
    [
      'the latest renewal still open, an older one won',
      'pending: no outcome',
      activeFlag,
      [won(LAST_YEAR), open(NEXT_MONTH)],
      null,
    ],
    [
      'two closed renewals, the latest won',
      'renewed at the latest close date',
      {},
      [lost(LAST_YEAR), won(MAY)],
      { churned: false, at: MAY, source: 'renewal_deal' },
    ],
    [
      'two closed renewals, the latest lost (listed first)',
      'churned at the latest close date',
      {},
      [lost(MAY), won(LAST_YEAR)],
      { churned: true, at: MAY, source: 'renewal_deal' },
    ],
    ['a churn date in the future', 'no outcome yet', { ...churnedFlag, churn_date: '2026-07-15' }, [], null],
    [
      'a churn date in the future and a renewal won last year',
      'no outcome: it is leaving, not renewed',
      { churn_date: '2026-07-15' },
      [won(LAST_YEAR)],
      null,
    ],
    [
      'a churn date in the future and a renewal lost in May',
      'churned at the lost renewal',
      { churn_date: '2026-07-15' },
      [lost(MAY)],
      { churned: true, at: MAY, source: 'renewal_deal' },
    ],
    ['a renewal closed with a date in the future', 'no outcome yet', {}, [won(NEXT_MONTH)], null],
    ['a churn flag value the model does not list', 'no outcome', { customer_status: 'paused' }, [], null],
    ['neither a churn property nor a renewal', 'no outcome', activeFlag, [], null],
    [
      'blank churn properties and no renewal',
      'no outcome',
      { customer_status: '', churn_date: '' },
      [],
      null,
    ],
  ])('when a company has %s, then %s', (_, __, properties, renewals, expected) => {
    const outcomes = findOutcomes([{ id: 'c1', properties }], renewals, defaultHealthModel, NOW);
    expect(outcomes).toEqual(expected === null ? [] : [{ companyId: 'c1', ...expected }]);
  });

  it('when several companies are listed, then each gets only its own renewals, in company order', () => {
    const outcomes = findOutcomes(
      [
        { id: 'c1', properties: {} },
        { id: 'c2', properties: {} },
        { id: 'c3', properties: {} },
      ],
      [
        { companyId: 'c2', closeDate: MAY, closed: true, won: false },
        { companyId: 'c1', closeDate: APRIL, closed: true, won: true },
        { companyId: 'c9', closeDate: APRIL, closed: true, won: false },
      ],
      defaultHealthModel,
      NOW,
    );
    expect(outcomes).toEqual([
      { companyId: 'c1', churned: false, at: APRIL, source: 'renewal_deal' },
      { companyId: 'c2', churned: true, at: MAY, source: 'renewal_deal' },
    ]);
  });

  it('when the model has no churn properties configured, then only renewals decide', () => {
    const model: HealthModel = {
      ...defaultHealthModel,
      outcomes: { ...defaultHealthModel.outcomes, churnFlag: null, churnDateProperty: null },
    };
    const properties = { customer_status: 'churned', churn_date: '2026-03-01' };
    expect(findOutcomes([{ id: 'c1', properties }], [], model, NOW)).toEqual([]);
    expect(findOutcomes([{ id: 'c1', properties }], [won(MAY)], model, NOW)).toEqual([
      { companyId: 'c1', churned: false, at: MAY, source: 'renewal_deal' },
    ]);
  });
});
