import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { rescorePortal } from '../health/scoring/rescore-portal.ts';
import { installPortals } from '../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { findHealthScore } from '../store/repositories/health-scores-repository.ts';
import { createUsageIngest } from './usage-ingest.ts';

const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_600_001;

describe.each(testDatabaseTargets())('ingested usage in the stored score on $name', (target) => {
  let handle: DatabaseHandle;
  const quiet = createCapturingLogger().logger;

  const usageReadings = async (companyId: string) => {
    await rescorePortal({ db: handle.db, logger: quiet, now: () => now, scope: 'full' }, portal);
    const usage = (await findHealthScore(handle.db, portal, companyId))?.components.find(
      (component) => component.id === 'usage',
    );
    return Object.fromEntries((usage?.indicators ?? []).map((indicator) => [indicator.id, indicator.value]));
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal]);
    // HubSpot's properties say 90 of 100 seats are used and logins are flat.
    await upsertCrmObjects(
      handle.db,
      portal,
      'companies',
      [
        {
          id: '301',
          properties: {
            name: 'Acme',
            seats_purchased: '100',
            active_users_30d: '90',
            logins_30d: '700',
            logins_prev_30d: '700',
          },
          archived: false,
          modifiedAt: now,
        },
      ],
      now,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when the product pushes usage for a company, then the next scoring reads it instead of the properties', async () => {
    expect(await usageReadings('301')).toMatchObject({ seat_utilisation: 0.9, login_trend: 1 });
    const ingest = createUsageIngest({ db: handle.db, logger: quiet, now: () => now });
    const result = await ingest(portal, [
      { company: { id: '301' }, date: '2026-11-23', metrics: { activeUsers: 5, seats: 20, logins: 6 } },
      { company: { id: '301' }, date: '2026-10-10', metrics: { logins: 24 } },
      { company: { id: '301' }, date: '2026-11-20', features: { reports: 2, exports: 1 } },
    ]);
    expect(result.applied).toBe(3);
    expect(await usageReadings('301')).toEqual({
      seat_utilisation: 0.25, // 5 / 20
      login_trend: 0.25, // 6 this month / 24 the month before
      feature_breadth: 2,
      days_since_last_activity: 1, // 23 Nov
    });
  });
});
