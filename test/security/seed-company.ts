import type { DatabaseHandle } from '../../src/store/open-database.ts';
import { upsertCrmObjects } from '../../src/store/repositories/crm-objects-repository.ts';
import { upsertSnapshots } from '../../src/store/repositories/health-snapshots-repository.ts';
import { finishSyncRun, startSyncRun } from '../../src/store/repositories/sync-runs-repository.ts';

/**
 * What the company view's example reads besides the score: a finished sync of the example portal, the
 * company's CRM copy (owned by the example user's owner) and one snapshot.
 */
export async function seedCompanyView(
  handle: DatabaseHandle,
  portalId: number,
  companyId: string,
  now: Date,
): Promise<void> {
  const run = await startSyncRun(handle.db, portalId, 'full', new Date(now.getTime() - 3_600_000));
  await finishSyncRun(handle.db, run, { status: 'succeeded', apiCalls: 1, progress: {} }, now);
  await upsertCrmObjects(
    handle.db,
    portalId,
    'companies',
    [
      {
        id: companyId,
        properties: {
          name: 'Example Co',
          domain: 'example.test',
          hubspot_owner_id: '501',
          contract_value: '12000',
          renewal_date: '2027-03-01',
        },
        archived: false,
        modifiedAt: now,
      },
    ],
    now,
  );
  await upsertSnapshots(handle.db, portalId, now, [
    { companyId, score: 61.5, tier: 'watch', confidence: 90, components: {}, modelVersion: 1 },
  ]);
}
