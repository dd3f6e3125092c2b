import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { createTokenCipher } from '../shared/crypto/token-cipher.ts';
import { listPendingMigrations, migrateToLatest } from './migrate.ts';
import type { DatabaseHandle } from './open-database.ts';
import { listAudit } from './repositories/audit-log-repository.ts';
import {
  listCompanyObjectIds,
  replaceCompanyAssociations,
} from './repositories/company-associations-repository.ts';
import { countCrmObjects, findCrmObject, upsertCrmObjects } from './repositories/crm-objects-repository.ts';
import { listOwners, upsertOwners } from './repositories/owners-repository.ts';
import {
  findPortalCredentials,
  listActivePortalIds,
  markUninstalled,
  saveInstall,
  saveRefreshedTokens,
} from './repositories/portals-repository.ts';
import { findCurrentSettings, saveSettingsVersion } from './repositories/settings-repository.ts';
import { findSyncCheckpoint, saveSyncCheckpoint } from './repositories/sync-state-repository.ts';
import {
  listPendingWebhookEvents,
  markWebhookEventsProcessed,
  storeWebhookEvents,
} from './repositories/webhook-events-repository.ts';

const cipher = createTokenCipher(Buffer.alloc(32, 9));
const t0 = new Date('2026-11-01T00:00:00Z');
const t1 = new Date('2026-11-02T00:00:00Z');

describe.each(testDatabaseTargets())('store on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when migrations run again, then nothing is applied twice and nothing is pending', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(await listPendingMigrations(handle.db)).toEqual([]);
  });

  it('when a portal installs, then its tokens are stored as ciphertext and read back decrypted', async () => {
    await saveInstall(
      handle.db,
      cipher,
      {
        portalId: 101,
        authKind: 'oauth',
        accessToken: 'access-abc',
        refreshToken: 'refresh-xyz',
        tokenExpiresAt: t1,
        scopes: ['oauth', 'tickets'],
      },
      t0,
    );
    const raw = await handle.db
      .selectFrom('portals')
      .selectAll()
      .where('portal_id', '=', 101)
      .executeTakeFirstOrThrow();
    expect(raw.access_token_enc).not.toContain('access-abc');
    expect(raw.refresh_token_enc).not.toContain('refresh-xyz');
    expect(await findPortalCredentials(handle.db, cipher, 101)).toMatchObject({
      portalId: 101,
      authKind: 'oauth',
      accessToken: 'access-abc',
      refreshToken: 'refresh-xyz',
      scopes: ['oauth', 'tickets'],
      isActive: true,
    });
  });

  it('when tokens refresh without a new refresh token, then the old refresh token is kept', async () => {
    await saveRefreshedTokens(handle.db, cipher, 101, { accessToken: 'access-2', expiresAt: t1 }, t1);
    expect(await findPortalCredentials(handle.db, cipher, 101)).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-xyz',
    });
  });

  it('when a portal uninstalls, then it is inactive, its tokens are gone, and a re-install revives it', async () => {
    await saveInstall(
      handle.db,
      cipher,
      { portalId: 102, authKind: 'static', accessToken: 'static-1', scopes: [] },
      t0,
    );
    expect(await markUninstalled(handle.db, 102, t1)).toBe(true);
    expect(await findPortalCredentials(handle.db, cipher, 102)).toMatchObject({
      isActive: false,
      accessToken: null,
    });
    expect(await listActivePortalIds(handle.db)).not.toContain(102);
    await saveInstall(
      handle.db,
      cipher,
      { portalId: 102, authKind: 'static', accessToken: 'static-2', scopes: [] },
      t1,
    );
    expect(await listActivePortalIds(handle.db)).toContain(102);
    expect(await markUninstalled(handle.db, 999, t1)).toBe(false);
  });

  it('when an older copy of a record arrives after a newer one, then the newer data stays', async () => {
    await upsertCrmObjects(
      handle.db,
      101,
      'companies',
      [{ id: '1', properties: { name: 'New name' }, archived: false, modifiedAt: t1 }],
      t1,
    );
    const written = await upsertCrmObjects(
      handle.db,
      101,
      'companies',
      [{ id: '1', properties: { name: 'Old name' }, archived: false, modifiedAt: t0 }],
      t1,
    );
    expect(written).toBe(0);
    expect((await findCrmObject(handle.db, 101, 'companies', '1'))?.properties).toEqual({ name: 'New name' });
  });

  it('when two portals hold the same object id, then each sees only its own row', async () => {
    await upsertCrmObjects(
      handle.db,
      201,
      'deals',
      [{ id: '7', properties: { dealname: 'A' }, archived: false, modifiedAt: t0 }],
      t0,
    );
    await upsertCrmObjects(
      handle.db,
      202,
      'deals',
      [{ id: '7', properties: { dealname: 'B' }, archived: false, modifiedAt: t0 }],
      t0,
    );
    expect((await findCrmObject(handle.db, 201, 'deals', '7'))?.properties.dealname).toBe('A');
    expect((await findCrmObject(handle.db, 202, 'deals', '7'))?.properties.dealname).toBe('B');
    expect(await countCrmObjects(handle.db, 201, 'deals')).toBe(1);
  });

  it('when an object is archived, then it no longer counts', async () => {
    await upsertCrmObjects(
      handle.db,
      203,
      'tickets',
      [
        { id: '1', properties: {}, archived: false, modifiedAt: t0 },
        { id: '2', properties: {}, archived: false, modifiedAt: t0 },
      ],
      t0,
    );
    await upsertCrmObjects(
      handle.db,
      203,
      'tickets',
      [{ id: '2', properties: {}, archived: true, modifiedAt: t1 }],
      t1,
    );
    expect(await countCrmObjects(handle.db, 203, 'tickets')).toBe(1);
  });

  it('when an association is removed in HubSpot, then replacing the links removes it here', async () => {
    await replaceCompanyAssociations(
      handle.db,
      101,
      'deals',
      ['d1', 'd2'],
      [
        { objectId: 'd1', companyId: 'c1' },
        { objectId: 'd2', companyId: 'c1' },
      ],
      t0,
    );
    await replaceCompanyAssociations(
      handle.db,
      101,
      'deals',
      ['d2'],
      [{ objectId: 'd2', companyId: 'c2' }],
      t1,
    );
    expect(await listCompanyObjectIds(handle.db, 101, 'c1', 'deals')).toEqual(['d1']);
    expect(await listCompanyObjectIds(handle.db, 101, 'c2', 'deals')).toEqual(['d2']);
  });

  it('when owners are synced twice, then the second copy updates the first', async () => {
    await upsertOwners(
      handle.db,
      101,
      [{ id: 'o1', email: 'a@x.test', firstName: 'Ana', lastName: 'Lima', userId: 'u1', archived: false }],
      t0,
    );
    await upsertOwners(
      handle.db,
      101,
      [{ id: 'o1', email: 'ana@x.test', firstName: 'Ana', lastName: 'Lima', userId: 'u1', archived: false }],
      t1,
    );
    expect(await listOwners(handle.db, 101)).toEqual([
      { id: 'o1', email: 'ana@x.test', firstName: 'Ana', lastName: 'Lima', userId: 'u1', archived: false },
    ]);
  });

  it('when a sync checkpoint is saved twice, then the latest one is read back', async () => {
    await saveSyncCheckpoint(
      handle.db,
      101,
      { objectType: 'companies', phase: 'full', checkpoint: { after: '100' }, lastModifiedAt: null },
      t0,
    );
    await saveSyncCheckpoint(
      handle.db,
      101,
      { objectType: 'companies', phase: 'incremental', checkpoint: { after: '200' }, lastModifiedAt: t1 },
      t1,
    );
    expect(await findSyncCheckpoint(handle.db, 101, 'companies')).toEqual({
      objectType: 'companies',
      phase: 'incremental',
      checkpoint: { after: '200' },
      lastModifiedAt: t1,
    });
    expect(await findSyncCheckpoint(handle.db, 101, 'deals')).toBeUndefined();
  });

  it('when the same webhook event arrives twice, then it is stored once and processed once', async () => {
    const event = {
      portalId: 101,
      eventId: '5001',
      subscriptionType: 'company.creation',
      objectId: '1',
      occurredAt: t0,
      payload: { eventId: 5001 },
    };
    expect(await storeWebhookEvents(handle.db, [event])).toEqual({ stored: 1, duplicates: 0 });
    expect(
      await storeWebhookEvents(handle.db, [event, { ...event, eventId: '5002', occurredAt: t1 }]),
    ).toEqual({ stored: 1, duplicates: 1 });
    expect((await listPendingWebhookEvents(handle.db, 101, 10)).map((e) => e.eventId)).toEqual([
      '5001',
      '5002',
    ]);
    await markWebhookEventsProcessed(handle.db, 101, ['5001'], t1);
    expect((await listPendingWebhookEvents(handle.db, 101, 10)).map((e) => e.eventId)).toEqual(['5002']);
  });

  it('when settings are saved, then each save is a new version with an audit entry of before and after', async () => {
    expect(await findCurrentSettings(handle.db, 301)).toBeUndefined();
    const [v1, v2] = await Promise.all([
      saveSettingsVersion(handle.db, 301, { weights: { usage: 0.5 } }, 'admin@x.test'),
      saveSettingsVersion(handle.db, 301, { weights: { usage: 0.6 } }, 'other@x.test'),
    ]);
    expect([v1, v2].sort()).toEqual([1, 2]);
    const current = await findCurrentSettings(handle.db, 301);
    expect(current?.version).toBe(2);
    const audit = await listAudit(handle.db, 301);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      action: 'settings.update',
      entity: 'settings:v2',
      after: current?.settings,
    });
    expect(audit[1]).toMatchObject({ entity: 'settings:v1', before: null });
  });

  it('when every table is listed, then each one is keyed by portal id', async () => {
    const rows = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_name not like 'kysely_%'
        and table_name not in (select table_name from information_schema.columns where column_name = 'portal_id' and table_schema = current_schema())`.execute(
      handle.db,
    );
    expect(rows.rows).toEqual([]);
  });
});
