import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { replaceCompanyAssociations } from '../../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { saveHealthModelVersion } from '../../store/repositories/health-models-repository.ts';
import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import { rescorePortal } from './rescore-portal.ts';
import { createHealthServices } from '../health-services.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { releaseLease, tryAcquireLease } from '../../store/repositories/job-leases-repository.ts';

const portalId = 4242;
const t0 = Date.parse('2026-11-24T08:00:00.000Z');
const hour = 3_600_000;

function company(id: string, activeUsers: number, at: number) {
  return {
    id,
    archived: false,
    modifiedAt: new Date(at),
    properties: {
      contract_value: '20000',
      seats_purchased: '50',
      active_users_30d: String(activeUsers),
      days_past_due: '0',
      invoice_status: 'paid',
    },
  };
}

describe.each(testDatabaseTargets())('rescoring after a sync on $name', (target) => {
  let handle: DatabaseHandle;
  const { logger } = createCapturingLogger();
  const rescoreAt = (at: number) =>
    rescorePortal({ db: handle.db, logger, now: () => new Date(at), scope: 'auto' }, portalId);

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portalId]);
    const rows = ['101', '102', '103', '104', '105'].map((id) => company(id, 40, t0));
    await upsertCrmObjects(handle.db, portalId, 'companies', rows, new Date(t0));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a portal is scored for the first time, then every company is', async () => {
    const summary = await rescoreAt(t0 + hour);
    expect(summary).toMatchObject({ scope: 'full', scopeReason: 'first scoring', companies: 5 });
  });

  it('when nothing changed since the last scoring the same day, then no company is rescored', async () => {
    const summary = await rescoreAt(t0 + 2 * hour);
    expect(summary).toMatchObject({ scope: 'changed', companies: 0 });
  });

  it('when the sync changed one company, then only that company is rescored', async () => {
    await upsertCrmObjects(
      handle.db,
      portalId,
      'companies',
      [company('102', 5, t0 + 3 * hour)],
      new Date(t0 + 3 * hour),
    );
    const summary = await rescoreAt(t0 + 4 * hour);
    expect(summary).toMatchObject({ scope: 'changed', companies: 1 });
  });

  it('when the sync brought a ticket for a company, then that company is rescored', async () => {
    const at = new Date(t0 + 5 * hour);
    const ticket = {
      id: '9001',
      archived: false,
      modifiedAt: at,
      properties: { createdate: at.toISOString(), hs_ticket_priority: 'URGENT', escalated: 'true' },
    };
    await upsertCrmObjects(handle.db, portalId, 'tickets', [ticket], at);
    await replaceCompanyAssociations(
      handle.db,
      portalId,
      'tickets',
      ['9001'],
      [{ objectId: '9001', companyId: '103' }],
      at,
    );
    const summary = await rescoreAt(t0 + 6 * hour);
    expect(summary).toMatchObject({ scope: 'changed', companies: 1 });
  });

  it('when a new UTC day starts, then every company is rescored once (days-since indicators, trends and dwell move with the calendar)', async () => {
    const summary = await rescoreAt(t0 + 26 * hour);
    expect(summary).toMatchObject({ scope: 'full', scopeReason: 'the daily rescoring', companies: 5 });
    expect(await rescoreAt(t0 + 27 * hour)).toMatchObject({ scope: 'changed', companies: 0 });
  });

  it('when an admin changes the model, then every company is rescored with it', async () => {
    await saveHealthModelVersion(
      handle.db,
      portalId,
      { ...defaultHealthModel, minDwellDays: 3 },
      {
        source: 'admin',
        actor: 'ana@example.com',
      },
    );
    const summary = await rescoreAt(t0 + 28 * hour);
    expect(summary).toMatchObject({
      scope: 'full',
      scopeReason: 'the model changed',
      companies: 5,
      modelVersion: 2,
    });
  });

  it('when a sync holds the portal, then rescoring on demand is refused as a conflict, and runs once it is free', async () => {
    const health = createHealthServices({
      db: handle.db,
      // Never reached: this rescoring does not write back.
      gateway: {} as HubSpotGateway,
      logger,
      now: () => new Date(t0 + 29 * hour),
      leaseOwner: 'instance-b:rescore',
    });
    const syncLease = { portalId, job: 'sync', owner: 'instance-a', ttlMs: 120_000 };
    expect(await tryAcquireLease(handle.db, syncLease, new Date(t0 + 29 * hour))).toBe(true);

    await expect(health.rescoreNow(portalId, { writeBack: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    await releaseLease(handle.db, syncLease);
    await expect(health.rescoreNow(portalId, { writeBack: false })).resolves.toMatchObject({ companies: 5 });
  });
});
