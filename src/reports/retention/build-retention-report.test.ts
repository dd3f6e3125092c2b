import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { replaceCompanyAssociations } from '../../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { buildRetentionReport } from './build-retention-report.ts';
import { bookCompanies, bookDeals, bookNow, bookStages } from './retention-book.fixture.ts';
import { retentionReport } from './retention-report.pure.ts';
import { seedRetentionStore } from './testing/seed-retention-store.ts';

const portal = 7_700_001;
const otherPortal = 7_700_002;
const book = { companies: bookCompanies, deals: bookDeals, stages: bookStages };

describe.each(testDatabaseTargets())('the retention report read from the store on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
    await seedRetentionStore(handle.db, portal, book, bookNow);
    // Another portal with the same ids and far bigger deals: none of it may leak into this portal's figures.
    await seedRetentionStore(
      handle.db,
      otherPortal,
      { ...book, deals: bookDeals.map((deal) => ({ ...deal, amount: '999999' })) },
      bookNow,
    );
    // A deleted (archived) won expansion of C7 and a deleted company with revenue: neither counts.
    await upsertCrmObjects(
      handle.db,
      portal,
      'deals',
      [
        {
          id: '5999',
          properties: {
            amount: '100000',
            closedate: '2025-05-01T10:00:00.000Z',
            dealtype: 'existingbusiness',
            pipeline: 'default',
            dealstage: 'closedwon',
          },
          archived: true,
          modifiedAt: bookNow,
        },
      ],
      bookNow,
    );
    await upsertCrmObjects(
      handle.db,
      portal,
      'companies',
      [
        {
          id: '1099',
          properties: { contract_value: '70000', createdate: '2020-01-01T00:00:00.000Z' },
          archived: true,
          modifiedAt: bookNow,
        },
      ],
      bookNow,
    );
    await replaceCompanyAssociations(
      handle.db,
      portal,
      'deals',
      ['5999'],
      [{ objectId: '5999', companyId: '1007' }],
      bookNow,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the book is read through SQL, then every row equals the one computed from the hand-worked rows', async () => {
    const query = { period: 'quarter' as const, from: '2025-01-01', to: '2026-02-15' };
    const fromStore = await buildRetentionReport(handle.db, portal, query, bookNow);
    const expected = retentionReport(
      {
        portalId: portal,
        companies: bookCompanies,
        deals: bookDeals,
        stages: bookStages,
        renewalPipelineText: 'renewal',
      },
      query,
      bookNow,
    );
    expect(fromStore).toEqual(expected);
    // Q2 2025, all (worked in retention-report.test.ts): 8 customers, 150,000 at start, GRR 0.653333, NRR 0.72.
    expect(
      fromStore.rows.find((row) => row.periodStart === '2025-04-01' && row.segment === 'all'),
    ).toMatchObject({
      customersStart: 8,
      startingRevenue: 150_000,
      expansionRevenue: 10_000,
      grr: 0.653333,
      nrr: 0.72,
    });
  });

  it('when a portal has no customers, then each of the 12 months still has an "all" row, with no ratio', async () => {
    const empty = await buildRetentionReport(handle.db, 7_700_003, { period: 'month' }, bookNow);
    expect(empty).toMatchObject({
      portalId: 7_700_003,
      period: 'month',
      from: '2025-03-01',
      to: '2026-02-28',
    });
    expect(empty.rows).toHaveLength(12);
    expect(
      empty.rows.every((row) => row.segment === 'all' && row.customersStart === 0 && row.grr === null),
    ).toBe(true);
  });
});
