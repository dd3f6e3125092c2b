import type { Kysely } from 'kysely';

import type { TokenCipher } from '../shared/crypto/token-cipher.ts';
import type { Database } from '../store/database-schema.ts';
import { appendAudit } from '../store/repositories/audit-log-repository.ts';
import { saveInstall } from '../store/repositories/portals-repository.ts';

/** What HubSpot hands over for an install: tokens plus the portal they belong to. */
export interface InstallGrant {
  portalId: number;
  accessToken: string;
  refreshToken?: string | undefined;
  expiresAt?: Date | undefined;
  scopes: string[];
  hubDomain?: string | undefined;
  /** The portal's time zone and company currency, from HubSpot's account details. */
  timeZone?: string | undefined;
  companyCurrency?: string | undefined;
}

export interface Installer {
  /** OAuth: trades the authorization code for tokens and records the portal. */
  completeOAuthInstall(code: string): Promise<{ portalId: number; scopes: string[] }>;
  /** Static-auth installs (HUBSPOT_ACCESS_TOKEN): learns the portal from the token and records it. */
  registerStaticToken(accessToken: string): Promise<{ portalId: number; scopes: string[] }>;
}

export interface InstallerDeps {
  db: Kysely<Database>;
  cipher: TokenCipher;
  exchangeCode(code: string): Promise<InstallGrant>;
  describeToken(accessToken: string): Promise<InstallGrant>;
  now(): Date;
}

/** Records installs with tokens encrypted, and audits each one in the same transaction. */
export function createInstaller(deps: InstallerDeps): Installer {
  async function record(
    grant: InstallGrant,
    authKind: 'oauth' | 'static',
  ): Promise<{ portalId: number; scopes: string[] }> {
    await deps.db.transaction().execute(async (tx) => {
      await saveInstall(tx, deps.cipher, { ...grant, authKind }, deps.now());
      await appendAudit(tx, {
        portalId: grant.portalId,
        actor: 'hubspot',
        action: 'app.install',
        entity: `portal:${grant.portalId}`,
        before: null,
        after: { authKind, scopes: grant.scopes },
      });
    });
    return { portalId: grant.portalId, scopes: grant.scopes };
  }
  return {
    completeOAuthInstall: async (code) => record(await deps.exchangeCode(code), 'oauth'),
    registerStaticToken: async (accessToken) =>
      record({ ...(await deps.describeToken(accessToken)), accessToken }, 'static'),
  };
}
