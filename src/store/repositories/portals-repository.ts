import type { Kysely } from 'kysely';

import type { TokenCipher } from '../../shared/crypto/token-cipher.ts';
import type { AuthKind, Database } from '../database-schema.ts';

export interface PortalInstall {
  portalId: number;
  authKind: AuthKind;
  accessToken: string;
  refreshToken?: string | undefined;
  tokenExpiresAt?: Date | undefined;
  scopes: readonly string[];
  hubDomain?: string | undefined;
  /** From HubSpot's account details; an install that could not read them keeps what the portal had. */
  timeZone?: string | undefined;
  companyCurrency?: string | undefined;
}

/** How the UI formats a portal's dates and money; null where HubSpot has not told Harbor yet. */
export interface PortalAccount {
  timeZone: string | null;
  companyCurrency: string | null;
}

export interface PortalCredentials {
  portalId: number;
  authKind: AuthKind;
  accessToken: string | null;
  refreshToken: string | null;
  tokenExpiresAt: Date | null;
  scopes: string[];
  isActive: boolean;
}

/** Records an install (or re-install) with its tokens encrypted; a re-install clears the uninstall mark. */
export async function saveInstall(
  db: Kysely<Database>,
  cipher: TokenCipher,
  install: PortalInstall,
  now: Date,
): Promise<void> {
  const row = {
    auth_kind: install.authKind,
    access_token_enc: cipher.encrypt(install.accessToken),
    refresh_token_enc: install.refreshToken === undefined ? null : cipher.encrypt(install.refreshToken),
    token_expires_at: install.tokenExpiresAt ?? null,
    scopes: JSON.stringify(install.scopes),
    hub_domain: install.hubDomain ?? null,
    uninstalled_at: null,
    updated_at: now,
  };
  const account = {
    ...(install.timeZone === undefined ? {} : { time_zone: install.timeZone }),
    ...(install.companyCurrency === undefined ? {} : { company_currency: install.companyCurrency }),
  };
  await db
    .insertInto('portals')
    .values({ portal_id: install.portalId, installed_at: now, ...row, ...account })
    .onConflict((oc) => oc.column('portal_id').doUpdateSet({ ...row, ...account }))
    .execute();
}

/** Stores refreshed tokens; the refresh token is kept when HubSpot does not rotate it. */
export async function saveRefreshedTokens(
  db: Kysely<Database>,
  cipher: TokenCipher,
  portalId: number,
  tokens: { accessToken: string; refreshToken?: string | undefined; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .updateTable('portals')
    .set({
      access_token_enc: cipher.encrypt(tokens.accessToken),
      ...(tokens.refreshToken === undefined
        ? {}
        : { refresh_token_enc: cipher.encrypt(tokens.refreshToken) }),
      token_expires_at: tokens.expiresAt,
      updated_at: now,
    })
    .where('portal_id', '=', portalId)
    .execute();
}

export async function findPortalCredentials(
  db: Kysely<Database>,
  cipher: TokenCipher,
  portalId: number,
): Promise<PortalCredentials | undefined> {
  const row = await db.selectFrom('portals').selectAll().where('portal_id', '=', portalId).executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    portalId: row.portal_id,
    authKind: row.auth_kind,
    accessToken: row.access_token_enc === null ? null : cipher.decrypt(row.access_token_enc),
    refreshToken: row.refresh_token_enc === null ? null : cipher.decrypt(row.refresh_token_enc),
    tokenExpiresAt: row.token_expires_at,
    scopes: row.scopes,
    isActive: row.uninstalled_at === null,
  };
}

export async function findPortalAccount(
  db: Kysely<Database>,
  portalId: number,
): Promise<PortalAccount | undefined> {
  const row = await db
    .selectFrom('portals')
    .select(['time_zone', 'company_currency'])
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  return row === undefined ? undefined : { timeZone: row.time_zone, companyCurrency: row.company_currency };
}

export async function listActivePortalIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('portals')
    .select('portal_id')
    .where('uninstalled_at', 'is', null)
    .orderBy('portal_id')
    .execute();
  return rows.map((row) => row.portal_id);
}

/** Whether the portal has an active install (one indexed lookup: every signed request asks). */
export async function isPortalInstalled(db: Kysely<Database>, portalId: number): Promise<boolean> {
  const row = await db
    .selectFrom('portals')
    .select('portal_id')
    .where('portal_id', '=', portalId)
    .where('uninstalled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** An uninstall keeps the portal's data but drops its tokens, so nothing can call HubSpot for it any more. */
export async function markUninstalled(db: Kysely<Database>, portalId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('portals')
    .set({
      uninstalled_at: now,
      access_token_enc: null,
      refresh_token_enc: null,
      token_expires_at: null,
      updated_at: now,
    })
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
